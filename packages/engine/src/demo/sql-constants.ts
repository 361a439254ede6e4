import type { Dialect } from '../db/dialect.js';

/** A value the program itself chose (a name, a share, a code), never user input. */
export type SqlConstant = string | number | boolean | null;

export function sqlConstant(dialect: Dialect, value: SqlConstant): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return dialect.quoteLiteral(value);
}

/** A DuckDB list literal, indexed 1-based in SQL: `['王', '李'][2]`. */
export function sqlList(dialect: Dialect, values: readonly SqlConstant[]): string {
  return `[${values.map((value) => sqlConstant(dialect, value)).join(', ')}]`;
}

/** An inline table `(VALUES …) AS alias(columns)` of program constants. */
export function valuesTable(
  dialect: Dialect,
  alias: string,
  columns: readonly string[],
  rows: readonly (readonly SqlConstant[])[],
): string {
  if (rows.length === 0) throw new Error(`no rows for ${alias}`);
  const body = rows.map((row) => {
    if (row.length !== columns.length) throw new Error(`row of ${alias} has ${row.length} values, expected ${columns.length}`);
    return `(${row.map((value) => sqlConstant(dialect, value)).join(', ')})`;
  });
  return `(VALUES ${body.join(', ')}) AS ${alias}(${columns.join(', ')})`;
}
