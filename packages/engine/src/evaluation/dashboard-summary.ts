import type { LocalizedText, ScopedUser, Scheme } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { scopePredicate } from '../accounts/scope-predicate.js';
import { countResults, type ResultCounts } from './result-counts.js';
import { loadRun, type RunSummary } from './run-store.js';

/** One customer on the value-matrix scatter: current value, potential value, id, market. */
export type MatrixPoint = readonly [current: number, potential: number, customerId: string, market: string];

export interface ValueMatrixSample {
  /** The run's frozen cut-offs per axis, by group (`all`, or `urban` / `rural` when split by market). */
  readonly thresholds: Readonly<Record<'current' | 'potential', Readonly<Record<string, number>>>>;
  readonly scopes: Readonly<Record<'current' | 'potential', Scheme['valueMatrix']['current']['scope']>>;
  /** At most this many customers per cell are drawn. */
  readonly perCell: number;
  /** Customers drawn, over all cells (equal to the customers in scope unless a cell holds more than perCell). */
  readonly shown: number;
  readonly points: Readonly<Record<string, readonly MatrixPoint[]>>;
}

export interface ChurnWarning {
  readonly customerId: string;
  readonly name: string | null;
  readonly managerId: string | null;
  readonly district: string | null;
  readonly score: number;
  /** Reason codes (`missed_cycles`, `own_decline`, …), rendered by the `reason.*` messages. */
  readonly reasons: readonly string[];
  readonly stage: string;
  readonly valueCell: string;
  readonly serviceClass: string;
}

export interface DashboardSummary extends ResultCounts {
  readonly run: RunSummary;
  /** The run's service classes, best first. */
  readonly classes: readonly { readonly code: string; readonly name: LocalizedText }[];
  readonly matrix: ValueMatrixSample;
  /** High churn risk among customers not yet at the termination stage, highest score first. */
  readonly churnWarnings: readonly ChurnWarning[];
  /** All such customers in scope (the list holds the first few). */
  readonly churnWarningTotal: number;
}

export interface DashboardOptions {
  /** The run to show; the latest when absent. */
  readonly runId?: string | undefined;
  readonly scope: ScopedUser;
  readonly perCell?: number | undefined;
  readonly warnings?: number | undefined;
}

export const MATRIX_POINTS_PER_CELL = 2000;

/**
 * The overview of one run as a user may see it: counts by cell, class,
 * district, market, format, lifecycle stage and churn risk; a sample of the
 * value matrix; the customers still trading with the highest churn scores.
 *
 * The scatter draws at most `perCell` customers per cell, chosen by the MD5
 * of their id, so the sample is the same on every load and in every engine,
 * and a cell's share of the picture never hides a small cell.
 */
export async function dashboardSummary(db: Database, options: DashboardOptions): Promise<DashboardSummary> {
  const run = await loadRun(db, options.runId);
  const perCell = options.perCell ?? MATRIX_POINTS_PER_CELL;
  const counts = await countResults(db, run, options.scope);
  const predicate = scopePredicate(options.scope, 'c', 2);
  const params = [run.runId, ...predicate.params];

  const sampled = await db.all<{ value_cell: string; current_value: number; potential_value: number; customer_id: string; market: string | null }>(
    `SELECT value_cell, current_value, potential_value, customer_id, market FROM (
       SELECT r.value_cell, round(r.current_value, 2) AS current_value, round(r.potential_value, 2) AS potential_value, r.customer_id, r.market,
         row_number() OVER (PARTITION BY r.value_cell ORDER BY ${db.dialect.md5('r.customer_id')}, r.customer_id) AS pick
       FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id
       WHERE r.run_id = $1 AND ${predicate.sql}
     ) drawn WHERE pick <= ${Math.max(1, Math.floor(perCell))} ORDER BY value_cell, pick`,
    params,
  );
  const points: Record<string, MatrixPoint[]> = {};
  for (const row of sampled) (points[row.value_cell] ??= []).push([row.current_value, row.potential_value, row.customer_id, row.market ?? '']);

  const warnings = await db.all<{
    customer_id: string;
    name: string | null;
    manager_id: string | null;
    district: string | null;
    churn_score: number;
    churn_reasons: string;
    lifecycle_stage: string;
    value_cell: string;
    service_class: string;
    total: number;
  }>(
    // Customers already at the termination stage are lost rather than at risk: the warnings leave them out.
    `SELECT r.customer_id, c.name, c.manager_id, c.district, r.churn_score, r.churn_reasons, r.lifecycle_stage, r.value_cell, r.service_class,
       count(*) OVER () AS total
     FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id
     WHERE r.run_id = $1 AND r.churn_risk = 'high' AND r.lifecycle_stage <> 'termination' AND ${predicate.sql}
     ORDER BY r.churn_score DESC, r.customer_id LIMIT ${Math.max(0, Math.floor(options.warnings ?? 10))}`,
    params,
  );
  const warningTotal =
    warnings[0]?.total ??
    (await db.all<{ n: number }>(
      `SELECT count(*) AS n FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id
       WHERE r.run_id = $1 AND r.churn_risk = 'high' AND r.lifecycle_stage <> 'termination' AND ${predicate.sql}`,
      params,
    ))[0]?.n ??
    0;

  const { frozen, ...summary } = run;
  return {
    // The run as this user sees it: its customers are those in scope.
    run: { ...summary, customers: counts.customers },
    classes: frozen.classes.map((found) => ({ code: found.code, name: found.name })),
    ...counts,
    matrix: {
      thresholds: frozen.thresholds,
      scopes: { current: frozen.valueMatrix.current.scope, potential: frozen.valueMatrix.potential.scope },
      perCell,
      shown: sampled.length,
      points,
    },
    churnWarningTotal: warningTotal,
    churnWarnings: warnings.map((row) => ({
      customerId: row.customer_id,
      name: row.name,
      managerId: row.manager_id,
      district: row.district,
      score: row.churn_score,
      reasons: row.churn_reasons.split(',').filter((reason) => reason !== ''),
      stage: row.lifecycle_stage,
      valueCell: row.value_cell,
      serviceClass: row.service_class,
    })),
  };
}
