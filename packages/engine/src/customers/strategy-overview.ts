import { LIFECYCLE_STAGES, VALUE_CELLS, type RunReference, type ScopedUser, type StrategyOverview } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { loadRun } from '../evaluation/run-store.js';
import { schemeVersion } from '../evaluation/scheme-store.js';
import { ConditionBuilder, matchingRows } from './customer-query.js';

/**
 * The service strategies of the run's scheme version — the common items, and
 * per service class, value cell and lifecycle stage its goal and items —
 * with how many of the caller's customers each one applies to.
 */
export async function strategyOverview(db: Database, user: ScopedUser, reference: RunReference): Promise<StrategyOverview> {
  const run = await loadRun(db, reference.runId);
  const strategies = (await schemeVersion(db, run.schemeId, run.schemeVersion)).document.strategies;
  const builder = new ConditionBuilder();
  builder.add(`r.run_id = ${builder.bind(run.runId)}`);
  builder.scope(user);
  const conditions = builder.build();
  const rows = await db.all<{ service_class: string; value_cell: string; lifecycle_stage: string; n: number }>(
    `SELECT r.service_class, r.value_cell, r.lifecycle_stage, count(*) AS n ${matchingRows(conditions, false)} GROUP BY ALL`,
    conditions.params,
  );
  const count = (key: 'service_class' | 'value_cell' | 'lifecycle_stage', value: string): number =>
    rows.filter((row) => row[key] === value).reduce((sum, row) => sum + row.n, 0);
  return {
    run: reference,
    commonItems: [...strategies.commonItems],
    classes: run.frozen.classes.map((serviceClass) => {
      const strategy = strategies.classes[serviceClass.code];
      return {
        code: serviceClass.code,
        name: serviceClass.name,
        goal: strategy?.goal ?? null,
        personalItems: [...(strategy?.personalItems ?? [])],
        visitFrequency: strategy?.visitFrequency ?? 'monthly',
        customers: count('service_class', serviceClass.code),
      };
    }),
    cells: VALUE_CELLS.map((cell) => ({
      cell,
      goal: strategies.cells[cell]?.goal ?? null,
      items: [...(strategies.cells[cell]?.items ?? [])],
      customers: count('value_cell', cell),
    })),
    lifecycle: LIFECYCLE_STAGES.map((stage) => ({
      stage,
      strategy: strategies.lifecycle?.[stage]?.strategy ?? null,
      items: [...(strategies.lifecycle?.[stage]?.items ?? [])],
      customers: count('lifecycle_stage', stage),
    })),
  };
}
