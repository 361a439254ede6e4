import { one, type Database } from '../db/database.js';

export interface DataLoad {
  readonly kind: string;
  /** The file's name as the user knows it. */
  readonly source: string;
  readonly contentHash: string;
  readonly rowCount: number;
}

/**
 * Logs a committed import in `data_loads`, from which an evaluation builds
 * its input fingerprint. Runs inside the import's transaction, so a load is
 * logged exactly when its rows are in.
 */
export async function recordDataLoad(db: Database, load: DataLoad): Promise<number> {
  const { next } = await one<{ next: number }>(db, 'SELECT coalesce(max(load_id), 0) + 1 AS next FROM data_loads');
  await db.run('INSERT INTO data_loads (load_id, kind, source, content_hash, row_count, loaded_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    next,
    load.kind,
    load.source,
    load.contentHash,
    load.rowCount,
    new Date().toISOString(),
  ]);
  return next;
}
