/**
 * What differs between engines, kept small. The plan compiler and the
 * services ask the dialect; they never test the engine's name.
 */
export interface Dialect {
  readonly name: 'duckdb' | 'postgres';
  /** Quotes an identifier that the program (not the user) chose. */
  quoteIdent(name: string): string;
  /** A string literal for program-chosen text (codes, labels); never for user input. */
  quoteLiteral(text: string): string;
  /** Continuous quantile of an expression as an aggregate. */
  quantile(expression: string, fraction: number): string;
  /** Days between two DATE expressions (later − earlier). */
  daysBetween(later: string, earlier: string): string;
  /** Integer division of two integer expressions, rounding toward minus infinity for non-negative operands. */
  intDiv(dividend: string, divisor: string): string;
  /** Number of set bits of an unsigned 64-bit mask expression. */
  bitCount(mask: string): string;
  /** A mask with bit `bit` set (bit an integer expression 0…62). */
  bitAt(bit: string): string;
  /** The square of a 64-bit integer expression as an integer wide enough that a sum of squares cannot overflow. */
  exactSquare(integer: string): string;
  /** A number as a DOUBLE rounded to `places` decimals. */
  roundTo(expression: string, places: number): string;
  /** An integer that tells apart the rows of a table alias within one statement (joins between the evaluation's tables use it rather than text keys). */
  rowKey(alias: string): string;
  /** Aggregate: bitwise OR of masks. */
  bitOrAggregate(mask: string): string;
  /** Builds an array of exact decimals with 6 places (|value| < 10¹²) from element expressions. */
  decimalArrayOf(elements: readonly string[]): string;
  /** 1-based element access to an array expression. */
  arrayElement(array: string, index: number): string;
  /** Hex MD5 of a text expression. */
  md5(text: string): string;
  /**
   * Aggregate: a hex digest of a set of rows, each given as text, that does
   * not depend on the order the rows come in (rows must be distinct).
   */
  setDigest(rowText: string): string;
  /**
   * Statements that let this session write tables in whatever row order its
   * threads finish in, and that restore the default; undefined where the
   * engine has no such choice. An evaluation turns it on: every table it
   * writes is read by key or with an ORDER BY.
   */
  readonly unorderedWrites: { readonly on: string; readonly off: string } | undefined;
  /**
   * Statements around the write of a run's results, and undefined where the
   * engine needs none. On DuckDB they skip FSST string compression: of the
   * stored row's texts only the customer id would take it (codes take a
   * dictionary), and trying it costs more than the few megabytes it saves.
   * The setting is the database instance's: writes of other connections in
   * the meantime skip it too (their values are the same, a little larger).
   */
  readonly storedResultsWrite: { readonly on: string; readonly off: string } | undefined;
  /** A number (|value| < 10¹⁴) rendered as text with a fixed number of decimals, the same on every engine. */
  fixedText(expression: string, decimals: number): string;
}
