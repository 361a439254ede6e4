import type { Database } from './database.js';
import { openDuckDb } from '../dialects/duckdb/duckdb-database.js';
import { migrate } from '../schema/migrate.js';

/** Opens the product database at `path` (DuckDB file) with its tables in place. */
export async function openDatabase(path: string): Promise<Database> {
  const db = await openDuckDb(path);
  await migrate(db);
  return db;
}
