import type { Dialect } from '../../db/dialect.js';

export const duckdbDialect: Dialect = Object.freeze({
  name: 'duckdb' as const,
  quoteIdent: (name: string) => `"${name.replaceAll('"', '""')}"`,
  quoteLiteral: (text: string) => `'${text.replaceAll("'", "''")}'`,
  quantile: (expression: string, fraction: number) => `quantile_cont(${expression}, ${fraction})`,
  daysBetween: (later: string, earlier: string) => `(${later} - ${earlier})`,
  intDiv: (dividend: string, divisor: string) => `(${dividend} // ${divisor})`,
  bitCount: (mask: string) => `bit_count(${mask})`,
  bitAt: (bit: string) => `(CAST(1 AS UBIGINT) << CAST(${bit} AS INTEGER))`,
  bitOrAggregate: (mask: string) => `bit_or(${mask})`,
  doubleArrayType: 'DOUBLE[]',
  arrayOf: (elements: readonly string[]) => `[${elements.join(', ')}]::DOUBLE[]`,
  arrayElement: (array: string, index: number) => `${array}[${index}]`,
  md5: (text: string) => `md5(${text})`,
  stringAggOrdered: (expression: string, separator: string, orderBy: string) =>
    `string_agg(${expression}, '${separator}' ORDER BY ${orderBy})`,
  fixedText: (expression: string, decimals: number) => `coalesce(printf('%.${decimals}f', ${expression}), '')`,
});
