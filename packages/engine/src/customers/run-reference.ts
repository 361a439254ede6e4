import type { RunReference } from '@retail-value/core';
import type { Database } from '../db/database.js';

type RunRow = { run_id: string; period: string; as_of: string; created_at: string };

const COLUMNS = 'run_id, period, CAST(as_of AS VARCHAR) AS as_of, created_at';

function toReference(row: RunRow): RunReference {
  return { runId: row.run_id, period: row.period, asOf: row.as_of, createdAt: row.created_at };
}

/**
 * The run `runId`, or the latest run when none is given; undefined when there
 * is no such run (or no run at all). Reads only the run's header, not its
 * frozen constants.
 */
export async function findRunReference(db: Database, runId?: string): Promise<RunReference | undefined> {
  const rows =
    runId === undefined
      ? await db.all<RunRow>(`SELECT ${COLUMNS} FROM runs ORDER BY created_at DESC, run_id DESC LIMIT 1`)
      : await db.all<RunRow>(`SELECT ${COLUMNS} FROM runs WHERE run_id = $1`, [runId]);
  return rows[0] === undefined ? undefined : toReference(rows[0]);
}

/** Every run, newest first. */
export async function listRunReferences(db: Database): Promise<RunReference[]> {
  return (await db.all<RunRow>(`SELECT ${COLUMNS} FROM runs ORDER BY created_at DESC, run_id DESC`)).map(toReference);
}
