import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Database, Row, SqlValue } from '../../db/database.js';
import { duckdbDialect } from './duckdb-dialect.js';

function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

function plainRow(row: Record<string, unknown>): Row {
  const plain: Row = {};
  for (const [key, value] of Object.entries(row)) plain[key] = toPlain(value);
  return plain;
}

/** The freed memory each open instance has been told to keep, in bytes (DuckDB refuses to lower it). */
const keptMemory = new WeakMap<DuckDBInstance, number>();

const UNIT_BYTES: Readonly<Record<string, number>> = {
  bytes: 1,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
};

/** Bytes of a size as DuckDB renders its settings ('18.8 GiB', '512 bytes'); undefined for anything else. */
export function settingBytes(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  const unit = match === null ? undefined : UNIT_BYTES[(match[2] as string).toLowerCase()];
  return match === null || unit === undefined ? undefined : Number(match[1]) * unit;
}

class DuckDbDatabase implements Database {
  readonly dialect = duckdbDialect;
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  /** The first connection owns the instance; connections made by connect() close only themselves. */
  readonly #ownsInstance: boolean;
  #inTransaction = false;

  constructor(instance: DuckDBInstance, connection: DuckDBConnection, ownsInstance: boolean) {
    this.#instance = instance;
    this.#connection = connection;
    this.#ownsInstance = ownsInstance;
  }

  async connect(): Promise<Database> {
    return new DuckDbDatabase(this.#instance, await this.#instance.connect(), false);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    if (params.length === 0) await this.#connection.run(sql);
    else await this.#connection.run(sql, params as DuckDBValue[]);
  }

  async all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const reader =
      params.length === 0
        ? await this.#connection.runAndReadAll(sql)
        : await this.#connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjectsJS().map((row) => plainRow(row) as T);
  }

  async each<T extends Row = Row>(sql: string, params: readonly SqlValue[], onRows: (rows: T[]) => Promise<void> | void): Promise<void> {
    const result = await this.#connection.stream(sql, params as DuckDBValue[]);
    for await (const chunk of result.yieldRowObjectJs()) {
      await onRows(chunk.map((row) => plainRow(row) as T));
    }
  }

  async eachArray(sql: string, params: readonly SqlValue[], onRows: (rows: unknown[][]) => Promise<void> | void): Promise<void> {
    const result = await this.#connection.stream(sql, params as DuckDBValue[]);
    for await (const chunk of result.yieldRowsJs()) {
      for (const row of chunk) for (let column = 0; column < row.length; column += 1) row[column] = toPlain(row[column]) as never;
      await onRows(chunk);
    }
  }

  async keepFreedMemory(bytes: number): Promise<void> {
    // At most a quarter of the instance's memory limit (which follows the machine or its container, or
    // what the user set), so that memory kept idle never crowds out the work.
    const limit = settingBytes(String((await this.all("SELECT current_setting('memory_limit') AS v"))[0]?.v ?? ''));
    const mebibytes = Math.floor(Math.min(bytes, limit === undefined ? 0 : limit / 4) / 2 ** 20);
    if (mebibytes <= (keptMemory.get(this.#instance) ?? 0) / 2 ** 20) return;
    // The block allocator keeps the blocks freed by one statement (a dropped table, a finished hash
    // table) for the next, up to this size, instead of unmapping them.
    await this.#connection.run(`SET block_allocator_memory = '${mebibytes}MiB'`);
    keptMemory.set(this.#instance, mebibytes * 2 ** 20);
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.#inTransaction) return work();
    await this.#connection.run('BEGIN TRANSACTION');
    this.#inTransaction = true;
    try {
      const result = await work();
      await this.#connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.#connection.run('ROLLBACK');
      throw error;
    } finally {
      this.#inTransaction = false;
    }
  }

  async close(): Promise<void> {
    this.#connection.closeSync();
    if (this.#ownsInstance) this.#instance.closeSync();
  }
}

/** Opens (creating if absent) a DuckDB database file, or `:memory:`. */
export async function openDuckDb(path: string): Promise<Database> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  return new DuckDbDatabase(instance, connection, true);
}
