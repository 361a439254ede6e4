import type { Database } from '../db/database.js';
import { FACT_TABLES, schemaStatements, SYSTEM_TABLES, tableDefinition } from './tables.js';

/**
 * Columns an earlier version made with another type, and that type: the
 * result lists were doubles, and are now the exact 6-decimal values they
 * always held (the evaluation rounded them), which DuckDB writes faster.
 */
const RETYPED: readonly { readonly table: string; readonly column: string; readonly from: string }[] = ['raw_values', 'scores', 'dimension_scores'].map((column) => ({
  table: 'run_results',
  column,
  from: 'DOUBLE[]',
}));

/**
 * Creates every table that does not exist yet and adds to a table made by an
 * earlier version the columns it lacks. Added columns are nullable (the rows
 * already there have no value for them); nothing is dropped, and only the
 * columns of {@link RETYPED} are retyped (left as they are if a stored value
 * does not fit: inserts convert). Idempotent.
 */
export async function migrate(db: Database): Promise<void> {
  for (const statement of schemaStatements()) await db.run(statement);
  const present = await db.all<{ table_name: string; column_name: string; data_type: string }>(
    'SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()',
  );
  const have = new Set(present.map((row) => `${row.table_name}.${row.column_name}`));
  for (const { table, column, from } of RETYPED) {
    if (!present.some((row) => row.table_name === table && row.column_name === column && row.data_type === from)) continue;
    const type = (tableDefinition(table).columns[column] as string).replace(/\s+NOT NULL$/, '');
    try {
      await db.run(`ALTER TABLE ${table} ALTER COLUMN ${column} SET DATA TYPE ${type}`);
    } catch {
      // A value beyond the new type's range: the column keeps its type.
    }
  }
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
