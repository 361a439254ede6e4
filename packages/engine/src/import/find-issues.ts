import { issue, type Issue, type MessageParams } from '@retail-value/core';
import type { Database } from '../db/database.js';
import type { KindSpec } from './column-spec.js';
import type { MappedColumn } from './header-mapping.js';
import { MAX_REPORTED_ISSUES, type StagingNames, type StagingResult } from './stage-rows.js';
import { allowedCodes, invalidValueCode, parsedValueSql } from './value-sql.js';

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
  const raw = (name: string): string => `${view}.${quoteIdent(name)}`;
  const parsed = (column: MappedColumn): string => parsedValueSql(db.dialect, column.spec, raw(column.spec.name));
  const checks: Check[] = [];
  for (const column of mapped) {
    const { spec: columnSpec, header } = column;
    const value = columnSpec.value;
    const text = raw(columnSpec.name);
    if (columnSpec.required) {
      checks.push({ select: `SELECT row_no, NULL AS value, NULL AS detail FROM ${view} WHERE ${text} IS NULL`, code: 'import.value.required', column: header });
    }
    if (value.type !== 'text' || value.pattern !== undefined) {
      const params: MessageParams =
        value.type === 'code' ? { allowed: allowedCodes(value.values) } : value.type === 'text' && value.pattern !== undefined ? { example: value.pattern.example } : {};
      checks.push({
        select: `SELECT row_no, ${text} AS value, NULL AS detail FROM ${view} WHERE ${text} IS NOT NULL AND (${parsed(column)}) IS NULL`,
        code: invalidValueCode(columnSpec),
        column: header,
        params,
      });
    }
    if ((value.type === 'number' || value.type === 'integer') && value.min !== undefined) {
      checks.push({
        select: `SELECT row_no, ${text} AS value, NULL AS detail FROM ${view} WHERE (${parsed(column)}) < ${value.min}`,
        code: 'import.value.below_min',
        column: header,
        params: { min: value.min },
      });
    }
    if ((value.type === 'number' || value.type === 'integer') && value.max !== undefined) {
      checks.push({
        select: `SELECT row_no, ${text} AS value, NULL AS detail FROM ${view} WHERE (${parsed(column)}) > ${value.max}`,
        code: 'import.value.above_max',
        column: header,
        params: { max: value.max },
      });
    }
    for (const reference of spec.references.filter((entry) => entry.column === columnSpec.name)) {
      checks.push({
        select: `SELECT row_no, ${text} AS value, NULL AS detail FROM ${view}
          WHERE ${text} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(reference.table)} target WHERE target.${quoteIdent(reference.targetColumn)} = ${text})`,
        code: reference.code,
        column: header,
      });
    }
    for (const order of spec.dateOrder.filter((entry) => entry.end === columnSpec.name)) {
      const start = byName.get(order.start);
      if (start === undefined) continue;
      checks.push({
        select: `SELECT row_no, ${text} AS value, ${raw(order.start)} AS detail FROM ${view} WHERE (${parsed(column)}) < (${parsed(start)})`,
        code: 'import.value.end_before_start',
        column: header,
        params: { startColumn: start.header },
        detailParam: 'start',
      });
    }
  }
  const keyColumns = spec.key.map((name) => byName.get(name)).filter((column): column is MappedColumn => column !== undefined);
  if (keyColumns.length === spec.key.length) {
    const keys = keyColumns.map((column, index) => `${parsed(column)} AS k${index}`).join(', ');
    const texts = keyColumns.map((column, index) => `${raw(column.spec.name)} AS t${index}`).join(', ');
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
