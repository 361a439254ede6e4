import type { Database } from '../db/database.js';
import { schemaStatements } from './tables.js';

/** Creates every table that does not exist yet. Idempotent. */
export async function migrate(db: Database): Promise<void> {
  for (const statement of schemaStatements()) await db.run(statement);
}
