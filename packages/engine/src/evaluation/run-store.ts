import { issue, IssuesError } from '@retail-value/core';
import type { Database } from '../db/database.js';
import type { FrozenRun } from './frozen-run.js';

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
