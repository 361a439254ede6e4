import type { ScopedUser } from '@retail-value/core';
import type { Database, SqlValue } from '../db/database.js';
import { scopePredicate } from '../accounts/scope-predicate.js';
import { loadRun } from './run-store.js';

export interface Warning {
  readonly customerId: string;
  readonly name: string | null;
  readonly managerId: string | null;
  readonly district: string | null;
  readonly route: string | null;
  readonly valueCell: string;
  readonly serviceClass: string;
  readonly churnScore: number;
  readonly churnRisk: string;
  readonly lifecycleStage: string;
  readonly reasons: readonly string[];
  readonly weeksSinceOrder: number | null;
  readonly missedCycles: number | null;
  readonly volumeChange: number | null;
}

export interface WarningList {
  readonly runId: string;
  readonly total: number;
  readonly items: readonly Warning[];
}

const LEVELS = { high: ['high'], medium: ['high', 'medium'], low: ['high', 'medium', 'low'] } as const;

/** Churn warnings of a run at `level` or worse, worst first (score, then customer id); terminated customers only on request. */
export async function listWarnings(
  db: Database,
  options: {
    readonly runId?: string | undefined;
    readonly managerId?: string | undefined;
    readonly level: keyof typeof LEVELS;
    readonly limit: number;
    /** Rows skipped before the first listed (paging). */
    readonly offset?: number | undefined;
    /** Only the customers this user may see (a district head's district, a manager's own); everyone when absent. */
    readonly scope?: ScopedUser | undefined;
    /** Terminated customers have already gone; they are listed only on request. */
    readonly includeTerminated?: boolean | undefined;
  },
): Promise<WarningList> {
  const run = await loadRun(db, options.runId);
  const levels = LEVELS[options.level];
  const params: SqlValue[] = [run.runId, ...levels];
  let where = `r.run_id = $1 AND r.churn_risk IN (${levels.map((_, index) => `$${index + 2}`).join(', ')})`;
  if (options.includeTerminated !== true) where += ` AND r.lifecycle_stage <> 'termination'`;
  if (options.scope !== undefined) {
    const scope = scopePredicate(options.scope, 'c', params.length + 1);
    params.push(...scope.params);
    where += ` AND ${scope.sql}`;
  }
  if (options.managerId !== undefined) {
    params.push(options.managerId);
    where += ` AND c.manager_id = $${params.length}`;
  }
  const from = `FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id WHERE ${where}`;
  const total = await db.all<{ n: number }>(`SELECT count(*) AS n ${from}`, params);
  const rows = await db.all(
    `SELECT r.customer_id, c.name, c.manager_id, c.district, c.route, r.value_cell, r.service_class, r.churn_score, r.churn_risk,
       r.lifecycle_stage, r.churn_reasons, r.weeks_since_order, r.missed_cycles, r.volume_change ${from}
     ORDER BY r.churn_score DESC, r.customer_id LIMIT ${Math.floor(options.limit)} OFFSET ${Math.floor(options.offset ?? 0)}`,
    params,
  );
  return {
    runId: run.runId,
    total: total[0]?.n ?? 0,
    items: rows.map((row) => ({
      customerId: row.customer_id as string,
      name: (row.name as string | null) ?? null,
      managerId: (row.manager_id as string | null) ?? null,
      district: (row.district as string | null) ?? null,
      route: (row.route as string | null) ?? null,
      valueCell: row.value_cell as string,
      serviceClass: row.service_class as string,
      churnScore: row.churn_score as number,
      churnRisk: row.churn_risk as string,
      lifecycleStage: row.lifecycle_stage as string,
      reasons: (row.churn_reasons as string).split(',').filter((reason) => reason !== ''),
      weeksSinceOrder: (row.weeks_since_order as number | null) ?? null,
      missedCycles: (row.missed_cycles as number | null) ?? null,
      volumeChange: (row.volume_change as number | null) ?? null,
    })),
  };
}
