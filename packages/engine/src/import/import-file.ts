import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { formatIssue, issue, IssuesError, type Issue, type Locale } from '@retail-value/core';
import { one, type Database } from '../db/database.js';
import type { KindSpec } from './column-spec.js';
import { findIssues } from './find-issues.js';
import { mapHeader, type FileColumn, type MappedColumn } from './header-mapping.js';
import { IMPORT_KINDS, isImportKind, KIND_SPECS, type ImportKind } from './import-kinds.js';
import { prepareSource, type PreparedSource } from './prepare-source.js';
import { recordDataLoad } from './record-data-load.js';
import { dropStaging, MAX_REPORTED_ISSUES, stageRows, stagingNames, type StagingNames } from './stage-rows.js';
import { writeRows } from './write-rows.js';
import { settleOrderSummary, summaryFollowsImport } from '../orders/order-summary.js';

export interface ImportRequest {
  /** One of IMPORT_KINDS; anything else is an issue. */
  readonly kind: string;
  /** Where the file is on disk (a CSV or an .xlsx). */
  readonly path: string;
  /** The name the user knows the file by (an upload's original name); defaults to the path's base name. */
  readonly fileName?: string | undefined;
  /** Language of `messages`; zh-CN by default. */
  readonly locale?: Locale | undefined;
}

/** What a file would import, and what is wrong with it: nothing is written. */
export interface ImportPreview {
  readonly kind: ImportKind;
  readonly file: string;
  /** Data rows read (rows with no recognised value are not counted). */
  readonly rows: number;
  readonly columns: readonly FileColumn[];
  /** The first issues (at most 50), in row and column order. */
  readonly issues: readonly Issue[];
  readonly totalIssues: number;
  /** `issues` rendered in the request's language. */
  readonly messages: readonly string[];
}

export interface ImportReport extends ImportPreview {
  readonly inserted: number;
  readonly updated: number;
  readonly loadId: number;
  readonly contentHash: string;
}

interface Checked {
  readonly preview: ImportPreview;
  readonly spec: KindSpec;
  readonly mapped: readonly MappedColumn[];
  readonly source?: PreparedSource | undefined;
}

function dateColumnsOf(spec: KindSpec, headers: readonly string[]): ReadonlySet<number> {
  const mapping = mapHeader(spec, headers, '');
  return new Set(mapping.mapped.filter((column) => column.spec.value.type === 'date').map((column) => column.index));
}

async function ensureFile(path: string, file: string): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (found === undefined || !found.isFile()) throw new IssuesError([issue('import.file.not_found', { file })]);
}

/** Reads, stages and checks a file; the staged rows stay in `names` for the writer. */
async function stageAndCheck(db: Database, request: ImportRequest, names: StagingNames, workDir: string): Promise<Checked> {
  if (!isImportKind(request.kind)) {
    throw new IssuesError([issue('import.kind.unknown', { value: request.kind, params: { kinds: IMPORT_KINDS.join(', ') } })]);
  }
  const kind = request.kind;
  const spec = KIND_SPECS[kind];
  const file = request.fileName ?? basename(request.path);
  const locale = request.locale ?? 'zh-CN';
  await ensureFile(request.path, file);
  const result = (rows: number, columns: readonly FileColumn[], issues: readonly Issue[], totalIssues: number): ImportPreview => ({
    kind,
    file,
    rows,
    columns,
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    totalIssues,
    messages: issues.slice(0, MAX_REPORTED_ISSUES).map((item) => formatIssue(item, locale)),
  });

  const prepared = await prepareSource(request.path, workDir, file, (headers) => dateColumnsOf(spec, headers));
  if (prepared.source === undefined) return { preview: result(0, [], prepared.issues, prepared.issues.length), spec, mapped: [] };
  const source = prepared.source;
  const mapping = mapHeader(spec, source.headers, file);
  if (mapping.issues.length > 0) return { preview: result(0, mapping.columns, mapping.issues, mapping.issues.length), spec, mapped: [] };

  const staged = await stageRows(db, source, mapping.mapped, names, file);
  if (staged.totalIssues > 0) return { preview: result(0, mapping.columns, staged.issues, staged.totalIssues), spec, mapped: [] };
  const { rows } = await one<{ rows: number }>(db, `SELECT count(*) AS rows FROM ${names.view}`);
  if (rows === 0) return { preview: result(0, mapping.columns, [issue('import.file.no_rows', { file })], 1), spec, mapped: [] };
  const found = await findIssues(db, spec, mapping.mapped, names, file);
  return { preview: result(rows, mapping.columns, found.issues, found.totalIssues), spec, mapped: mapping.mapped, source };
}

async function withStaging<T>(db: Database, work: (names: StagingNames, workDir: string) => Promise<T>): Promise<T> {
  const names = stagingNames(randomUUID().replaceAll('-', '').slice(0, 16));
  const workDir = await mkdtemp(join(tmpdir(), 'retail-value-import-'));
  try {
    return await work(names, workDir);
  } finally {
    await dropStaging(db, names);
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The error for a rejected file: its first issues, then a summary with the total. */
export function importRejection(preview: ImportPreview): IssuesError {
  const summary = issue('import.rejected', { file: preview.file, params: { total: preview.totalIssues, shown: preview.issues.length } });
  return new IssuesError([...preview.issues, summary]);
}

/** Checks a file as `importFile` would, without writing anything. */
export async function previewImport(db: Database, request: ImportRequest): Promise<ImportPreview> {
  return withStaging(db, async (names, workDir) => (await stageAndCheck(db, request, names, workDir)).preview);
}

/**
 * Imports a file whole or not at all: every row is checked first (types,
 * dates, codes, ranges, references, duplicate keys); if any row is wrong,
 * nothing is written and an IssuesError carries the first issues and a
 * summary with the total. Otherwise the rows are upserted by their natural
 * key and the load is logged in `data_loads`, in one transaction.
 */
export async function importFile(db: Database, request: ImportRequest): Promise<ImportReport> {
  return withStaging(db, async (names, workDir) => {
    const checked = await stageAndCheck(db, request, names, workDir);
    const { preview, source } = checked;
    if (preview.totalIssues > 0 || source === undefined) throw importRejection(preview);
    const report = await db.transaction(async () => {
      // The change notes in the same transaction what the order summary must take in; the summary
      // is brought up to date once the change is committed.
      const noteSummary = await summaryFollowsImport(db, preview.kind, names.view);
      const counts = await writeRows(db, checked.spec, checked.mapped, names.view, preview.rows);
      await noteSummary(counts.inserted);
      const loadId = await recordDataLoad(db, { kind: preview.kind, source: preview.file, contentHash: source.sha256, rowCount: preview.rows });
      return { ...preview, ...counts, loadId, contentHash: source.sha256 };
    });
    await settleOrderSummary(db);
    return report;
  });
}
