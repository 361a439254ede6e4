import { LIFECYCLE_STAGES, VALUE_CELLS } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { loadRun, type RunSummary } from './run-store.js';

export interface BreakdownRow {
  readonly group: string;
  readonly customers: number;
  readonly valueCells: Readonly<Record<string, number>>;
  readonly serviceClasses: Readonly<Record<string, number>>;
}

export interface ResultsSummary {
  readonly run: RunSummary;
  readonly customers: number;
  readonly valueCells: Readonly<Record<string, number>>;
  readonly serviceClasses: Readonly<Record<string, number>>;
  readonly classNames: Readonly<Record<string, { 'zh-CN': string; en: string }>>;
  readonly lifecycleStages: Readonly<Record<string, number>>;
  readonly churnRisk: Readonly<Record<string, number>>;
  readonly deemedClosed: number;
  readonly byMarket: readonly BreakdownRow[];
  readonly byDistrict: readonly BreakdownRow[];
}

/** Counts of value cells and service classes of a run, in total and by market and district. */
export async function summarizeResults(db: Database, runId?: string): Promise<ResultsSummary> {
  const run = await loadRun(db, runId);
  const classes = run.frozen.classes.map((serviceClass) => serviceClass.code);
  const rows = await db.all<{ market: string; district: string; value_cell: string; service_class: string; n: number }>(
    `SELECT r.market, coalesce(c.district, '') AS district, r.value_cell, r.service_class, count(*) AS n
     FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id
     WHERE r.run_id = $1 GROUP BY ALL ORDER BY ALL`,
    [run.runId],
  );
  const empty = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((key) => [key, 0]));
  const breakdown = (key: 'market' | 'district'): BreakdownRow[] => {
    const groups = new Map<string, { customers: number; valueCells: Record<string, number>; serviceClasses: Record<string, number> }>();
    for (const row of rows) {
      const group = groups.get(row[key]) ?? { customers: 0, valueCells: empty(VALUE_CELLS), serviceClasses: empty(classes) };
      group.customers += row.n;
      group.valueCells[row.value_cell] = (group.valueCells[row.value_cell] ?? 0) + row.n;
      group.serviceClasses[row.service_class] = (group.serviceClasses[row.service_class] ?? 0) + row.n;
      groups.set(row[key], group);
    }
    return [...groups].map(([group, totals]) => ({ group, ...totals }));
  };
  const valueCells = empty(VALUE_CELLS);
  const serviceClasses = empty(classes);
  for (const row of rows) {
    valueCells[row.value_cell] = (valueCells[row.value_cell] ?? 0) + row.n;
    serviceClasses[row.service_class] = (serviceClasses[row.service_class] ?? 0) + row.n;
  }
  const dynamics = await db.all<{ lifecycle_stage: string; churn_risk: string; deemed: number; n: number }>(
    `SELECT lifecycle_stage, churn_risk, count(*) FILTER (WHERE deemed_closed) AS deemed, count(*) AS n FROM run_results WHERE run_id = $1 GROUP BY ALL ORDER BY ALL`,
    [run.runId],
  );
  const lifecycleStages = empty(LIFECYCLE_STAGES);
  const churnRisk = empty(['high', 'medium', 'low']);
  let deemedClosed = 0;
  for (const row of dynamics) {
    lifecycleStages[row.lifecycle_stage] = (lifecycleStages[row.lifecycle_stage] ?? 0) + row.n;
    churnRisk[row.churn_risk] = (churnRisk[row.churn_risk] ?? 0) + row.n;
    deemedClosed += row.deemed;
  }
  return {
    run,
    lifecycleStages,
    churnRisk,
    deemedClosed,
    customers: rows.reduce((sum, row) => sum + row.n, 0),
    valueCells,
    serviceClasses,
    classNames: Object.fromEntries(run.frozen.classes.map((serviceClass) => [serviceClass.code, serviceClass.name])),
    byMarket: breakdown('market'),
    byDistrict: breakdown('district'),
  };
}
