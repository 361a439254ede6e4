import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { t, type Locale, type ScopedUser } from '@retail-value/core';
import type { Database } from '../db/database.js';
import type { RunSummary } from './run-store.js';
import { listRunsInScope } from './runs-in-scope.js';

export interface RunListExportOptions {
  /** A file path, or a stream the workbook is written to (an HTTP response). */
  readonly out: string | Writable;
  readonly locale: Locale;
  /** Customers are counted within this user's scope. */
  readonly scope: ScopedUser;
}

const COLUMNS: readonly { readonly key: string; readonly width: number; readonly value: (run: RunSummary) => string | number }[] = [
  { key: 'run', width: 16, value: (run) => run.runId },
  { key: 'period', width: 10, value: (run) => run.period },
  { key: 'as_of', width: 12, value: (run) => run.asOf },
  { key: 'window_start', width: 12, value: (run) => run.windowStart },
  { key: 'window_weeks', width: 10, value: (run) => run.windowWeeks },
  { key: 'scheme', width: 24, value: (run) => run.schemeId },
  { key: 'scheme_version', width: 10, value: (run) => run.schemeVersion },
  { key: 'customers', width: 10, value: (run) => run.customers },
  { key: 'created_at', width: 22, value: (run) => run.createdAt },
  { key: 'input_fingerprint', width: 36, value: (run) => run.inputFingerprint },
  { key: 'result_fingerprint', width: 36, value: (run) => run.resultFingerprint },
];

/** Writes the list of evaluation runs, newest first, as an XLSX workbook with headers in `locale`. */
export async function exportRunList(db: Database, options: RunListExportOptions): Promise<{ runs: number }> {
  const runs = await listRunsInScope(db, options.scope);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof options.out === 'string' ? { filename: options.out } : { stream: options.out }),
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(t(options.locale, 'runs.sheet.runs'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ header: t(options.locale, `runs.label.${column.key}`), width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const run of runs) sheet.addRow(COLUMNS.map((column) => column.value(run))).commit();
  sheet.commit();
  await workbook.commit();
  return { runs: runs.length };
}
