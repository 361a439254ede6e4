import { issue, IssuesError } from '@retail-value/core';
import type { Database } from '../db/database.js';
import type { FrozenRun } from './frozen-run.js';
import { recordAudit } from '../accounts/audit.js';

export interface RunSummary {
  readonly runId: string;
  readonly period: string;
  readonly asOf: string;
  readonly windowStart: string;
  readonly windowWeeks: number;
  readonly schemeId: string;
  readonly schemeVersion: number;
  readonly inputFingerprint: string;
  readonly resultFingerprint: string;
  readonly customers: number;
  readonly createdAt: string;
}

export interface StoredRun extends RunSummary {
  readonly frozen: FrozenRun;
}

function toSummary(row: Record<string, unknown>): RunSummary {
  return {
    runId: row.run_id as string,
    period: row.period as string,
    asOf: row.as_of as string,
    windowStart: row.window_start as string,
    windowWeeks: row.window_weeks as number,
    schemeId: row.scheme_id as string,
    schemeVersion: row.scheme_version as number,
    inputFingerprint: row.input_fingerprint as string,
    resultFingerprint: row.result_fingerprint as string,
    customers: row.customer_count as number,
    createdAt: row.created_at as string,
  };
}

export async function listRuns(db: Database): Promise<RunSummary[]> {
  return (await db.all('SELECT * EXCLUDE (frozen) FROM runs ORDER BY created_at, run_id')).map(toSummary);
}

/** The run with `runId`, or the latest run when none is given. */
export async function loadRun(db: Database, runId?: string): Promise<StoredRun> {
  const rows =
    runId === undefined
      ? await db.all('SELECT * FROM runs ORDER BY created_at DESC, run_id DESC LIMIT 1')
      : await db.all('SELECT * FROM runs WHERE run_id = $1', [runId]);
  const row = rows[0];
  if (row === undefined) {
    throw new IssuesError([runId === undefined ? issue('evaluation.no_runs') : issue('evaluation.run_not_found', { value: runId })]);
  }
  return { ...toSummary(row), frozen: JSON.parse(row.frozen as string) as FrozenRun };
}

/** The audit action of a deleted run; its target is the run id, which is never given to another run. */
export const RUN_DELETE_ACTION = 'run.delete';

/**
 * Deletes a run — its results, its awards and the run itself — and records
 * who did it in the audit log, all in one transaction (a trial run, or one
 * made on wrong data). Runs are never changed; deleting is the only way one
 * goes. Awards already given by later runs stay as they were given, and the
 * run's id is not given again (the next run of the period counts past it).
 */
export async function deleteRun(db: Database, runId: string, by: { readonly username: string | null; readonly via?: string; readonly now?: Date }): Promise<RunSummary> {
  return db.transaction(async () => {
    const { frozen: _frozen, ...run } = await loadRun(db, runId);
    await db.run('DELETE FROM run_awards WHERE run_id = $1', [runId]);
    await db.run('DELETE FROM run_results WHERE run_id = $1', [runId]);
    await db.run('DELETE FROM runs WHERE run_id = $1', [runId]);
    const detail = { period: run.period, customers: run.customers, resultFingerprint: run.resultFingerprint, ...(by.via === undefined ? {} : { via: by.via }) };
    await recordAudit(db, { username: by.username, action: RUN_DELETE_ACTION, target: run.runId, detail }, by.now);
    return run;
  });
}
