import type { Database } from '../db/database.js';
import { FACT_TABLES, schemaStatements, SYSTEM_TABLES, tableDefinition } from './tables.js';

/**
 * Creates every table that does not exist yet and adds to a table made by an
 * earlier version the columns it lacks. Added columns are nullable (the rows
 * already there have no value for them); nothing is dropped or retyped.
 * Idempotent.
 */
export async function migrate(db: Database): Promise<void> {
  for (const statement of schemaStatements()) await db.run(statement);
  const present = await db.all<{ table_name: string; column_name: string }>(
    'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()',
  );
  const have = new Set(present.map((row) => `${row.table_name}.${row.column_name}`));
  for (const table of [...FACT_TABLES, ...SYSTEM_TABLES]) {
    for (const [column, type] of Object.entries(table.columns)) {
      if (!have.has(`${table.name}.${column}`)) await db.run(`ALTER TABLE ${table.name} ADD COLUMN ${column} ${type.replace(/\s+NOT NULL$/, '')}`);
    }
  }
}

/** The columns of a table in the order of its definition: inserts name them, so an added column's place does not matter. */
export function columnList(tableName: string): string {
  return Object.keys(tableDefinition(tableName).columns).join(', ');
}
