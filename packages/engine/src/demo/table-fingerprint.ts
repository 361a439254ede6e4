import type { Database } from '../db/database.js';
import { one } from '../db/database.js';

export interface TableFingerprint {
  readonly rows: number;
  /** Sum of the 64-bit hashes of all rows, as decimal text: independent of row order, changed by any value. */
  readonly digest: string;
}

/**
 * A table's content fingerprint, computed in one parallel pass: at 50 million
 * order lines an ordered text digest would have to sort and concatenate
 * gigabytes. `table` is a program-chosen table name.
 */
export async function tableFingerprint(db: Database, table: string): Promise<TableFingerprint> {
  const row = await one<{ rows: number; digest: string }>(
    db,
    `SELECT count(*) AS rows, CAST(coalesce(sum(hash(t)), 0) AS VARCHAR) AS digest FROM ${db.dialect.quoteIdent(table)} AS t`,
  );
  return { rows: Number(row.rows), digest: row.digest };
}
