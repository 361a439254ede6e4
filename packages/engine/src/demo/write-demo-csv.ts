import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database } from '../db/database.js';
import { one } from '../db/database.js';
import { IMPORT_KINDS, KIND_SPECS, type ImportKind } from '../import/import-kinds.js';

/** One CSV file per import kind, named after the kind, holding that kind's table. */
export const FACT_FILES: readonly { readonly kind: ImportKind; readonly table: string; readonly file: string }[] = Object.freeze(
  IMPORT_KINDS.map((kind) => Object.freeze({ kind, table: KIND_SPECS[kind].table, file: `${kind}.csv` })),
);

export interface WrittenFile {
  readonly kind: ImportKind;
  readonly path: string;
  readonly rows: number;
}

/**
 * Writes every fact table as a CSV (UTF-8, the canonical column names as
 * header, codes as stored, dates as YYYY-MM-DD, rows in key order): the files
 * `retail-value import --kind KIND FILE` reads back.
 */
export async function writeDemoCsv(db: Database, dir: string): Promise<WrittenFile[]> {
  const target = resolve(dir);
  await mkdir(target, { recursive: true });
  const written: WrittenFile[] = [];
  for (const entry of FACT_FILES) {
    const spec = KIND_SPECS[entry.kind];
    const table = db.dialect.quoteIdent(entry.table);
    const columns = spec.columns.map((column) => db.dialect.quoteIdent(column.name)).join(', ');
    const order = spec.key.map((column) => db.dialect.quoteIdent(column)).join(', ');
    const path = join(target, entry.file);
    await db.run(`COPY (SELECT ${columns} FROM ${table} ORDER BY ${order}) TO $1 (HEADER, DELIMITER ',')`, [path]);
    const counted = await one<{ rows: number }>(db, `SELECT count(*) AS rows FROM ${table}`);
    written.push({ kind: entry.kind, path, rows: Number(counted.rows) });
  }
  return written;
}
