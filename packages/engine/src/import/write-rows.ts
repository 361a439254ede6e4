import { one, type Database } from '../db/database.js';
import type { KindSpec } from './column-spec.js';
import type { MappedColumn } from './header-mapping.js';

export interface WriteCounts {
  readonly inserted: number;
  /** Rows whose key was already in the table (updated, or replaced for order lines). */
  readonly updated: number;
}

/**
 * Writes the staged, validated rows (`rows` of them) into the kind's table
 * by its natural key, in SQL: the values staged and checked, codes already
 * mapped from the file's spellings. Runs inside the caller's transaction.
 */
export async function writeRows(db: Database, spec: KindSpec, mapped: readonly MappedColumn[], view: string, rows: number): Promise<WriteCounts> {
  const { quoteIdent } = db.dialect;
  const table = quoteIdent(spec.table);
  const columns = mapped.map((column) => quoteIdent(column.spec.name));
  const incoming = `(SELECT ${columns.join(', ')} FROM ${view})`;
  const keyMatch = spec.key.map((name) => `target.${quoteIdent(name)} = incoming.${quoteIdent(name)}`).join(' AND ');

  const rowCount = async (): Promise<number> => (await one<{ rows: number }>(db, `SELECT count(*) AS rows FROM ${table}`)).rows;
  const before = await rowCount();
  let existing = 0;
  if (spec.upsert === 'replace') {
    // Keys are unique in the table and in the file, so the rows deleted are the rows replaced.
    if (before > 0) {
      await db.run(`DELETE FROM ${table} target WHERE EXISTS (SELECT 1 FROM ${incoming} incoming WHERE ${keyMatch})`);
      existing = before - (await rowCount());
    }
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM ${incoming} incoming`);
  } else {
    if (before > 0) {
      existing = (await one<{ existing: number }>(db, `SELECT count(*) AS existing FROM ${incoming} incoming WHERE EXISTS (SELECT 1 FROM ${table} target WHERE ${keyMatch})`))
        .existing;
    }
    const updates = mapped.filter((column) => !spec.key.includes(column.spec.name)).map((column) => quoteIdent(column.spec.name));
    const onConflict =
      updates.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${updates.map((column) => `${column} = excluded.${column}`).join(', ')}`;
    await db.run(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM ${incoming} incoming ON CONFLICT (${spec.key.map(quoteIdent).join(', ')}) ${onConflict}`,
    );
  }
  return { inserted: rows - existing, updated: existing };
}
