import { CHURN_RISKS, LIFECYCLE_STAGES, VALUE_CELLS, type ScopedUser } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { scopePredicate } from '../accounts/scope-predicate.js';
import type { StoredRun } from './run-store.js';

/** Customers of one group (a district, market or format) by value cell and service class. */
export interface GroupCounts {
  readonly group: string;
  readonly customers: number;
  readonly valueCells: Readonly<Record<string, number>>;
  readonly serviceClasses: Readonly<Record<string, number>>;
}

/** A run's customers that one user may see, counted every way the overview shows them. */
export interface ResultCounts {
  readonly customers: number;
  readonly valueCells: Readonly<Record<string, number>>;
  readonly serviceClasses: Readonly<Record<string, number>>;
  readonly lifecycle: Readonly<Record<string, number>>;
  readonly churnRisk: Readonly<Record<string, number>>;
  readonly byDistrict: readonly GroupCounts[];
  readonly byMarket: readonly GroupCounts[];
  readonly byFormat: readonly GroupCounts[];
}

type CountRow = {
  readonly set_id: number;
  readonly district: string | null;
  readonly market: string | null;
  readonly format: string | null;
  readonly value_cell: string | null;
  readonly service_class: string | null;
  readonly lifecycle_stage: string | null;
  readonly churn_risk: string | null;
  readonly n: number;
};

const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((key) => [key, 0]));

/**
 * Counts a run's results within the user's scope in one pass: by value cell
 * and service class per district, market and format, and by lifecycle stage
 * and churn risk (GROUPING SETS, so the engine reads the run once).
 */
export async function countResults(db: Database, run: StoredRun, scope: ScopedUser): Promise<ResultCounts> {
  const predicate = scopePredicate(scope, 'c', 2);
  // GROUPING(...) is a bit mask of the listed expressions missing from the row's set; it tells the sets apart.
  const rows = await db.all<CountRow>(
    `SELECT GROUPING(coalesce(c.district, ''), r.market, r.format, r.lifecycle_stage, r.churn_risk) AS set_id,
       coalesce(c.district, '') AS district, r.market, r.format, r.value_cell, r.service_class, r.lifecycle_stage, r.churn_risk, count(*) AS n
     FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id
     WHERE r.run_id = $1 AND ${predicate.sql}
     GROUP BY GROUPING SETS (
       (coalesce(c.district, ''), r.value_cell, r.service_class),
       (r.market, r.value_cell, r.service_class),
       (r.format, r.value_cell, r.service_class),
       (r.lifecycle_stage),
       (r.churn_risk)
     )
     ORDER BY 1, 2, 3, 4`,
    [run.runId, ...predicate.params],
  );
  const classes = run.frozen.classes.map((found) => found.code);
  // Bits from the left: district 16, market 8, format 4, stage 2, risk 1; a set's own expression is the one bit not set.
  const SET = { district: 0b01111, market: 0b10111, format: 0b11011, stage: 0b11101, risk: 0b11110 } as const;
  const breakdown = (set: number, key: 'district' | 'market' | 'format'): GroupCounts[] => {
    const groups = new Map<string, { customers: number; valueCells: Record<string, number>; serviceClasses: Record<string, number> }>();
    for (const row of rows) {
      if (row.set_id !== set) continue;
      const name = row[key] ?? '';
      const group = groups.get(name) ?? { customers: 0, valueCells: zeros(VALUE_CELLS), serviceClasses: zeros(classes) };
      group.customers += row.n;
      const cell = row.value_cell ?? '';
      const serviceClass = row.service_class ?? '';
      group.valueCells[cell] = (group.valueCells[cell] ?? 0) + row.n;
      group.serviceClasses[serviceClass] = (group.serviceClasses[serviceClass] ?? 0) + row.n;
      groups.set(name, group);
    }
    return [...groups].map(([group, totals]) => ({ group, ...totals }));
  };
  const byDistrict = breakdown(SET.district, 'district');
  const valueCells = zeros(VALUE_CELLS);
  const serviceClasses = zeros(classes);
  for (const group of byDistrict) {
    for (const [cell, n] of Object.entries(group.valueCells)) valueCells[cell] = (valueCells[cell] ?? 0) + n;
    for (const [code, n] of Object.entries(group.serviceClasses)) serviceClasses[code] = (serviceClasses[code] ?? 0) + n;
  }
  const single = (set: number, key: 'lifecycle_stage' | 'churn_risk', order: readonly string[]): Record<string, number> => {
    const counts = zeros(order);
    for (const row of rows) if (row.set_id === set) counts[row[key] ?? ''] = (counts[row[key] ?? ''] ?? 0) + row.n;
    return counts;
  };
  return {
    customers: byDistrict.reduce((sum, group) => sum + group.customers, 0),
    valueCells,
    serviceClasses,
    lifecycle: single(SET.stage, 'lifecycle_stage', LIFECYCLE_STAGES),
    churnRisk: single(SET.risk, 'churn_risk', CHURN_RISKS),
    byDistrict,
    byMarket: breakdown(SET.market, 'market'),
    byFormat: breakdown(SET.format, 'format'),
  };
}
