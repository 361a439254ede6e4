import { issue, type Issue, type MessageParams } from '@retail-value/core';
import type { Database } from '../db/database.js';
import type { KindSpec } from './column-spec.js';
import type { MappedColumn } from './header-mapping.js';
import { isParsed, MAX_REPORTED_ISSUES, textColumn, type StagingNames, type StagingResult } from './stage-rows.js';
import { allowedCodes, invalidValueCode } from './value-sql.js';

/**
 * One set-based check: a query over the staged rows returning the offending
 * rows (`row_no`, the `value` to show, an optional per-row `detail`), and
 * how to word them.
 */
interface Check {
  readonly select: string;
  readonly code: string;
  readonly column: string;
  readonly params?: MessageParams;
  /** The message parameter the row's `detail` fills. */
  readonly detailParam?: string;
}

function buildChecks(db: Database, spec: KindSpec, mapped: readonly MappedColumn[], view: string): Check[] {
  const { quoteIdent } = db.dialect;
  const byName = new Map(mapped.map((column) => [column.spec.name, column]));
  const text = (column: MappedColumn): string => `${view}.${quoteIdent(textColumn(column.spec))}`;
  const value = (column: MappedColumn): string => `${view}.${quoteIdent(column.spec.name)}`;
  const checks: Check[] = [];
  for (const column of mapped) {
    const { spec: columnSpec, header } = column;
    const type = columnSpec.value;
    if (columnSpec.required) {
      checks.push({ select: `SELECT row_no, NULL AS value, NULL AS detail FROM ${view} WHERE ${text(column)} IS NULL`, code: 'import.value.required', column: header });
    }
    if (isParsed(columnSpec)) {
      const params: MessageParams =
        type.type === 'code' ? { allowed: allowedCodes(type.values) } : type.type === 'text' && type.pattern !== undefined ? { example: type.pattern.example } : {};
      checks.push({
        select: `SELECT row_no, ${text(column)} AS value, NULL AS detail FROM ${view} WHERE ${text(column)} IS NOT NULL AND ${value(column)} IS NULL`,
        code: invalidValueCode(columnSpec),
        column: header,
        params,
      });
    }
    if ((type.type === 'number' || type.type === 'integer') && type.min !== undefined) {
      checks.push({
        select: `SELECT row_no, ${text(column)} AS value, NULL AS detail FROM ${view} WHERE ${value(column)} < ${type.min}`,
        code: 'import.value.below_min',
        column: header,
        params: { min: type.min },
      });
    }
    if ((type.type === 'number' || type.type === 'integer') && type.max !== undefined) {
      checks.push({
        select: `SELECT row_no, ${text(column)} AS value, NULL AS detail FROM ${view} WHERE ${value(column)} > ${type.max}`,
        code: 'import.value.above_max',
        column: header,
        params: { max: type.max },
      });
    }
    for (const reference of spec.references.filter((entry) => entry.column === columnSpec.name)) {
      checks.push({
        // An outer join is the fastest anti-join here (the target column is its table's key).
        select: `SELECT row_no, ${text(column)} AS value, NULL AS detail
          FROM ${view} LEFT JOIN ${quoteIdent(reference.table)} target ON target.${quoteIdent(reference.targetColumn)} = ${value(column)}
          WHERE ${value(column)} IS NOT NULL AND target.${quoteIdent(reference.targetColumn)} IS NULL`,
        code: reference.code,
        column: header,
      });
    }
    for (const order of spec.dateOrder.filter((entry) => entry.end === columnSpec.name)) {
      const start = byName.get(order.start);
      if (start === undefined) continue;
      checks.push({
        select: `SELECT row_no, ${text(column)} AS value, ${text(start)} AS detail FROM ${view} WHERE ${value(column)} < ${value(start)}`,
        code: 'import.value.end_before_start',
        column: header,
        params: { startColumn: start.header },
        detailParam: 'start',
      });
    }
  }
  const keyColumns = spec.key.map((name) => byName.get(name)).filter((column): column is MappedColumn => column !== undefined);
  if (keyColumns.length === spec.key.length) {
    const keys = keyColumns.map((column, index) => `${value(column)} AS k${index}`).join(', ');
    const texts = keyColumns.map((column, index) => `${text(column)} AS t${index}`).join(', ');
    const names = keyColumns.map((_, index) => `k${index}`);
    checks.push({
      select: `SELECT keyed.row_no, concat_ws(' + ', ${keyColumns.map((_, index) => `keyed.t${index}`).join(', ')}) AS value,
          CAST(dup.first_row AS VARCHAR) AS detail
        FROM (SELECT row_no, ${texts}, ${keys} FROM ${view}) keyed
        JOIN (SELECT ${names.join(', ')}, min(row_no) AS first_row
              FROM (SELECT row_no, ${keys} FROM ${view}) all_keys
              WHERE ${names.map((name) => `${name} IS NOT NULL`).join(' AND ')}
              GROUP BY ${names.join(', ')} HAVING count(*) > 1) dup
          ON ${names.map((name) => `keyed.${name} = dup.${name}`).join(' AND ')}
        WHERE keyed.row_no > dup.first_row`,
      code: 'import.value.duplicate_key',
      column: keyColumns.map((column) => column.header).join(' + '),
      detailParam: 'firstRow',
    });
  }
  return checks;
}

/**
 * Runs every check over the staged rows at once (one UNION ALL into a
 * temporary table) and returns the first issues in row and column order,
 * with the total count.
 */
export async function findIssues(db: Database, spec: KindSpec, mapped: readonly MappedColumn[], names: StagingNames, file: string): Promise<StagingResult> {
  const checks = buildChecks(db, spec, mapped, names.view);
  if (checks.length === 0) return { issues: [], totalIssues: 0 };
  const union = checks
    .map((check, index) => `SELECT ${index} AS check_no, found.row_no, CAST(found.value AS VARCHAR) AS value, CAST(found.detail AS VARCHAR) AS detail FROM (${check.select}) found`)
    .join('\nUNION ALL\n');
  await db.run(`CREATE TEMP TABLE ${names.issues} AS ${union}`);
  const [counted] = await db.all<{ total: number }>(`SELECT count(*) AS total FROM ${names.issues}`);
  const totalIssues = counted?.total ?? 0;
  if (totalIssues === 0) return { issues: [], totalIssues };
  const rows = await db.all<{ check_no: number; row_no: number; value: string | null; detail: string | null }>(
    `SELECT check_no, row_no, value, detail FROM ${names.issues} ORDER BY row_no, check_no LIMIT ${MAX_REPORTED_ISSUES}`,
  );
  const issues = rows.map((row) => {
    const check = checks[row.check_no] as Check;
    const params: MessageParams = { ...check.params, ...(check.detailParam === undefined ? {} : { [check.detailParam]: row.detail ?? '' }) };
    return issue(check.code, { file, row: row.row_no, column: check.column, value: row.value ?? undefined, params });
  });
  return { issues, totalIssues };
}
