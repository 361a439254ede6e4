import { IssuesError } from '@retail-value/core';
import { loadRun, type Database, type StoredRun } from '@retail-value/engine';
import { HttpProblem } from './http-problem.js';

const MISSING = new Set(['evaluation.run_not_found', 'evaluation.no_runs']);

/** Runs `work`, turning "no such run" / "no run yet" into 404 with the engine's message. */
export async function orRunNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const missing = error instanceof IssuesError ? error.issues.find((item) => MISSING.has(item.code)) : undefined;
    if (missing === undefined) throw error;
    throw new HttpProblem(404, missing.code, { params: { value: missing.value } });
  }
}

/** The run with `runId` (the latest when absent), or 404. */
export function loadRunOr404(db: Database, runId?: string): Promise<StoredRun> {
  return orRunNotFound(() => loadRun(db, runId));
}
