import type { ScopedUser } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { scopePredicate } from '../accounts/scope-predicate.js';
import { listRuns, type RunSummary } from './run-store.js';

/**
 * Every run, newest first, with `customers` counted within the user's
 * scope: a district head sees how many of their district's customers each
 * run evaluated, not the company's total.
 */
export async function listRunsInScope(db: Database, user: ScopedUser): Promise<RunSummary[]> {
  const runs = (await listRuns(db)).reverse();
  const predicate = scopePredicate(user, 'c', 1);
  if (predicate.sql === 'TRUE') return runs;
  const counts = await db.all<{ run_id: string; n: number }>(
    `SELECT r.run_id, count(*) AS n FROM run_results r JOIN customers c ON c.customer_id = r.customer_id WHERE ${predicate.sql} GROUP BY r.run_id`,
    predicate.params,
  );
  const byRun = new Map(counts.map((row) => [row.run_id, row.n]));
  return runs.map((run) => ({ ...run, customers: byRun.get(run.runId) ?? 0 }));
}
