import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database } from '../db/database.js';
import { one } from '../db/database.js';
import { tableDefinition } from '../schema/tables.js';

/** The import kinds, the tables they fill and their file names. */
export const FACT_FILES = Object.freeze([
  { kind: 'customers', table: 'customers', file: 'customers.csv' },
  { kind: 'products', table: 'products', file: 'products.csv' },
  { kind: 'orders', table: 'order_lines', file: 'orders.csv' },
  { kind: 'visits', table: 'visits', file: 'visits.csv' },
  { kind: 'feedback', table: 'feedback', file: 'feedback.csv' },
  { kind: 'promotions', table: 'promotions', file: 'promotions.csv' },
  { kind: 'displays', table: 'displays', file: 'displays.csv' },
  { kind: 'credit-events', table: 'credit_events', file: 'credit-events.csv' },
  { kind: 'assessments', table: 'assessments', file: 'assessments.csv' },
  { kind: 'surveys', table: 'survey_responses', file: 'surveys.csv' },
] as const);

export interface WrittenFile {
  readonly kind: string;
  readonly path: string;
  readonly rows: number;
}

/**
 * Writes every fact table as a UTF-8 CSV with the canonical column names as
 * header, codes as stored, dates as YYYY-MM-DD, rows in key order — files
 * `retail-value import --kind KIND FILE` reads back.
 */
export async function writeDemoCsv(db: Database, dir: string): Promise<WrittenFile[]> {
  const target = resolve(dir);
  await mkdir(target, { recursive: true });
  const written: WrittenFile[] = [];
  for (const entry of FACT_FILES) {
    const definition = tableDefinition(entry.table);
    const columns = Object.keys(definition.columns).map((column) => db.dialect.quoteIdent(column)).join(', ');
    const order = definition.key.map((column) => db.dialect.quoteIdent(column)).join(', ');
    const path = join(target, entry.file);
    await db.run(`COPY (SELECT ${columns} FROM ${db.dialect.quoteIdent(entry.table)} ORDER BY ${order}) TO $1 (HEADER, DELIMITER ',')`, [path]);
    const counted = await one<{ rows: number }>(db, `SELECT count(*) AS rows FROM ${db.dialect.quoteIdent(entry.table)}`);
    written.push({ kind: entry.kind, path, rows: Number(counted.rows) });
  }
  return written;
}
