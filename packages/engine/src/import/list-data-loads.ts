import type { DataLoad } from '@retail-value/core';
import type { Database } from '../db/database.js';

/** The latest data loads (imports and demo data), newest first. */
export async function listDataLoads(db: Database, limit: number): Promise<DataLoad[]> {
  const rows = await db.all<{ load_id: number; kind: string; source: string; row_count: number; loaded_at: string }>(
    'SELECT load_id, kind, source, row_count, loaded_at FROM data_loads ORDER BY load_id DESC LIMIT $1',
    [limit],
  );
  return rows.map((row) => ({ loadId: row.load_id, kind: row.kind, source: row.source, rows: row.row_count, loadedAt: row.loaded_at }));
}
