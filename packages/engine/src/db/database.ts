import type { Dialect } from './dialect.js';

/** A value bound to a statement parameter ($1, $2, …). Dates travel as ISO strings. */
export type SqlValue = string | number | boolean | null;

export type Row = Record<string, unknown>;

/**
 * The engine's one port to a database. Everything above it speaks SQL with
 * positional parameters `$1…$n`; nothing a user types is ever spliced into
 * SQL text.
 */
export interface Database {
  readonly dialect: Dialect;
  /** Runs a statement (or several, without parameters). */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Runs a query and returns its rows as plain objects (BIGINT → number, DATE → 'YYYY-MM-DD'). */
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Streams a query's rows in chunks (for exports of a million rows). */
  each<T extends Row = Row>(sql: string, params: readonly SqlValue[], onRows: (rows: T[]) => Promise<void> | void): Promise<void>;
  /** Streams a query's rows in chunks as arrays of values in the order of its columns: no object per row, for the widest exports. */
  eachArray(sql: string, params: readonly SqlValue[], onRows: (rows: unknown[][]) => Promise<void> | void): Promise<void>;
  /**
   * Another connection to the same database, with its own transaction and
   * temporary tables. Long work that runs beside other requests (a
   * background evaluation, a streamed export) takes one: statements of
   * other callers on a shared connection would end a pending stream early
   * and could fall into its transaction. Closing it leaves the database open.
   */
  connect(): Promise<Database>;
  /**
   * Lets the database keep up to `bytes` of the memory its statements free,
   * for the next ones to reuse, rather than give it back to the system and
   * fault it in again page by page. Only ever raised, for as long as the
   * database is open, and capped by the database (DuckDB: a quarter of its
   * memory limit); a database that has no such setting ignores it.
   */
  keepFreedMemory(bytes: number): Promise<void>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function one<T extends Row>(db: Database, sql: string, params?: readonly SqlValue[]): Promise<T> {
  const rows = await db.all<T>(sql, params);
  const first = rows[0];
  if (first === undefined) throw new Error(`query returned no rows: ${sql.slice(0, 80)}`);
  return first;
}
