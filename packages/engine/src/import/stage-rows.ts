import { issue, type Issue } from '@retail-value/core';
import type { Database } from '../db/database.js';
import type { MappedColumn } from './header-mapping.js';
import type { PreparedSource } from './prepare-source.js';
import type { ColumnSpec } from './column-spec.js';
import { parsedValueSql } from './value-sql.js';

/**
 * Spaces around a value are not part of it. trim() with a character list is
 * slow, so it runs only on values that start or end with a space or a
 * full-width space (U+3000, which Chinese input methods type), and then also
 * strips tabs and no-break spaces.
 */
const PADDING = [' ', '\u3000'];
const TRIMMED = ' \t\u00a0\u3000';
const SHIFT_BATCH = 1000;
export const MAX_REPORTED_ISSUES = 50;

/** The temporary objects of one import, named uniquely so that imports never meet. */
export interface StagingNames {
  readonly table: string;
  /** The staged rows with `row_no` (the row the user sees), blank rows left out. */
  readonly view: string;
  readonly shifts: string;
  readonly rejects: string;
  readonly rejectScans: string;
  readonly issues: string;
}

/** Whether the stored value is computed from the text (and may fail to be). */
export function isParsed(column: ColumnSpec): boolean {
  return column.value.type !== 'text' || column.value.pattern !== undefined;
}

/** The staged column holding a field's trimmed text as written (NULL when empty). */
export function textColumn(column: ColumnSpec): string {
  return isParsed(column) ? `${column.name}:text` : column.name;
}

export function stagingNames(suffix: string): StagingNames {
  return {
    table: `import_stage_${suffix}`,
    view: `import_rows_${suffix}`,
    shifts: `import_shifts_${suffix}`,
    rejects: `import_rejects_${suffix}`,
    rejectScans: `import_reject_scans_${suffix}`,
    issues: `import_issues_${suffix}`,
  };
}

export async function dropStaging(db: Database, names: StagingNames): Promise<void> {
  await db.run(`DROP VIEW IF EXISTS ${names.view}`);
  for (const table of [names.table, names.shifts, names.rejects, names.rejectScans, names.issues]) await db.run(`DROP TABLE IF EXISTS ${table}`);
}

export interface StagingResult {
  readonly issues: readonly Issue[];
  readonly totalIssues: number;
}

function rejectIssue(file: string, row: { line: number; error_type: string; error_message: string; csv_line: string | null }): Issue {
  const value = (row.csv_line ?? '').replace(/[\r\n]+$/u, '').slice(0, 120);
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/u.exec(row.error_message);
  if (counts !== null) return issue('import.row.column_count', { file, row: row.line, value, params: { expected: counts[1], found: counts[2] } });
  if (row.error_type === 'UNQUOTED VALUE') return issue('import.row.bad_quotes', { file, row: row.line, value });
  if (row.error_type === 'LINE SIZE OVER MAXIMUM') return issue('import.row.too_long', { file, row: row.line });
  return issue('import.row.unreadable', { file, row: row.line, value, params: { detail: row.error_message } });
}

/**
 * Loads the prepared CSV with DuckDB's own reader into a temporary table of
 * the recognised columns: each field's trimmed text (NULL when empty) and,
 * where it is parsed, its stored value (NULL when the text is not valid),
 * and defines the view the checks and the insert read. Rows DuckDB cannot
 * split into the header's columns are issues; since they leave gaps in the
 * numbering, they are reported alone.
 *
 * Row numbers: DuckDB keeps insertion order (preserve_insertion_order is on
 * by default), so a staged row's rowid is its position among the records it
 * read. It counts records, not physical lines (a quoted field may span
 * lines and is still one spreadsheet row), and skips blank lines, which the
 * scan's shifts add back. From xlsx the row number travels in the first column.
 */
export async function stageRows(
  db: Database,
  source: PreparedSource,
  mapped: readonly MappedColumn[],
  names: StagingNames,
  file: string,
): Promise<StagingResult> {
  const { quoteIdent, quoteLiteral } = db.dialect;
  const offset = source.rowColumn ? 1 : 0;
  const fieldCount = source.headers.length + offset;
  const fieldNames = Array.from({ length: fieldCount }, (_, index) => `c${index}`);
  const columnsStruct = `{${fieldNames.map((name) => `${quoteLiteral(name)}: 'VARCHAR'`).join(', ')}}`;
  const trimmed = (field: string): string => {
    const padded = PADDING.flatMap((space) => [`starts_with(${field}, ${quoteLiteral(space)})`, `ends_with(${field}, ${quoteLiteral(space)})`]);
    return `CASE WHEN ${padded.join(' OR ')} THEN nullif(trim(${field}, ${quoteLiteral(TRIMMED)}), '') ELSE nullif(${field}, '') END`;
  };
  // The inner query trims each field once; the outer one parses the trimmed
  // text once, keeping the text beside the value for the messages.
  const texts = mapped.map((column) => `${trimmed(`c${column.index + offset}`)} AS t${column.index}`);
  const values = mapped.flatMap((column) => {
    const text = `t${column.index}`;
    if (!isParsed(column.spec)) return [`${text} AS ${quoteIdent(column.spec.name)}`];
    return [`${text} AS ${quoteIdent(textColumn(column.spec))}`, `${parsedValueSql(db.dialect, column.spec, text)} AS ${quoteIdent(column.spec.name)}`];
  });
  if (source.rowColumn) {
    texts.push('c0 AS source_row');
    values.unshift('CAST(source_row AS BIGINT) AS source_row');
  }
  try {
    await db.run(
      `CREATE TEMP TABLE ${names.table} AS SELECT ${values.join(', ')} FROM (SELECT ${texts.join(', ')}
       FROM read_csv($1, header = true, auto_detect = false, columns = ${columnsStruct},
         delim = ${quoteLiteral(source.delimiter)}, quote = '"', escape = '"',
         store_rejects = true, rejects_table = ${quoteLiteral(names.rejects)}, rejects_scan = ${quoteLiteral(names.rejectScans)}))`,
      [source.csvPath],
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { issues: [issue('import.file.unreadable', { file, params: { detail } })], totalIssues: 1 };
  }

  const rejected = await db.all<{ line: number; error_type: string; error_message: string; csv_line: string | null }>(
    `SELECT line, error_type, error_message, csv_line FROM ${names.rejects} ORDER BY line LIMIT ${MAX_REPORTED_ISSUES}`,
  );
  if (rejected.length > 0) {
    const [counted] = await db.all<{ total: number }>(`SELECT count(*) AS total FROM ${names.rejects}`);
    return { issues: rejected.map((row) => rejectIssue(file, row)), totalIssues: counted?.total ?? rejected.length };
  }

  let rowNumber = 's.rowid + 2';
  let join = '';
  if (source.rowColumn) {
    rowNumber = 's.source_row';
  } else if (source.shifts.length > 0) {
    await db.run(`CREATE TEMP TABLE ${names.shifts} (from_record BIGINT, shift BIGINT)`);
    for (let start = 0; start < source.shifts.length; start += SHIFT_BATCH) {
      const batch = source.shifts.slice(start, start + SHIFT_BATCH);
      await db.run(`INSERT INTO ${names.shifts} VALUES ${batch.map((entry) => `(${entry.fromRecord}, ${entry.shift})`).join(', ')}`);
    }
    rowNumber = 's.rowid + 2 + coalesce(sh.shift, 0)';
    join = `ASOF LEFT JOIN ${names.shifts} sh ON s.rowid >= sh.from_record`;
  }
  const allEmpty = mapped.map((column) => `s.${quoteIdent(textColumn(column.spec))} IS NULL`).join(' AND ');
  await db.run(`CREATE TEMP VIEW ${names.view} AS SELECT ${rowNumber} AS row_no, s.* FROM ${names.table} s ${join} WHERE NOT (${allEmpty})`);
  return { issues: [], totalIssues: 0 };
}
