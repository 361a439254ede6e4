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
  exactSquare: (integer: string) => `(CAST(${integer} AS HUGEINT) * ${integer})`,
  rowKey: (alias: string) => `${alias}.rowid`,
  bitOrAggregate: (mask: string) => `bit_or(${mask})`,
  // Each element cast on its own: faster than a cast of the whole list.
  decimalArrayOf: (elements: readonly string[]) => `[${elements.map((element) => `CAST(${element} AS DECIMAL(18,6))`).join(', ')}]`,
  // What round(x, places) computes for a DOUBLE, std::round(x · 10^places) / 10^places, without its per-row power.
  roundTo: (expression: string, places: number) => `(round(CAST(${expression} AS DOUBLE) * 1e${places}) / 1e${places})`,
  arrayElement: (array: string, index: number) => `${array}[${index}]`,
  md5: (text: string) => `md5(${text})`,
  // XOR of the rows' 128-bit MD5 values with the row count: no sort of a million rows.
  setDigest: (rowText: string) => `md5(count(*) || ':' || CAST(bit_xor(md5_number(${rowText})) AS VARCHAR))`,
  // Session-level, so an import on another connection keeps its file order (its row numbers).
  unorderedWrites: { on: 'SET SESSION preserve_insertion_order = false', off: 'RESET SESSION preserve_insertion_order' },
  storedResultsWrite: { on: "SET disabled_compression_methods = 'fsst'", off: 'RESET disabled_compression_methods' },
  // Through an exact decimal: several times faster than printf.
  fixedText: (expression: string, decimals: number) => `CAST(CAST(${expression} AS DECIMAL(18,${decimals})) AS VARCHAR)`,
});
