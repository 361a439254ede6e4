import { openDatabase, type Database } from '@retail-value/engine';

/** Opens the database named by --db for the duration of `work`, closing it afterwards. */
export async function withDatabase<T>(path: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(path);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
