import type { CustomerFacets, RunReference, ScopedUser } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { loadRun } from '../evaluation/run-store.js';
import { ConditionBuilder } from './customer-query.js';
import { listRunReferences } from './run-reference.js';

/**
 * What a customer list can be filtered by, within the caller's scope: the
 * districts, routes and managers of the archive, and the run's service
 * classes with their names.
 */
export async function customerFacets(db: Database, user: ScopedUser, run: RunReference | undefined): Promise<CustomerFacets> {
  const builder = new ConditionBuilder();
  builder.scope(user);
  const { where, params } = builder.build();
  const distinct = async (column: string): Promise<string[]> =>
    (
      await db.all<{ value: string }>(
        `SELECT DISTINCT c.${column} AS value FROM customers c WHERE ${where} AND c.${column} IS NOT NULL ORDER BY value`,
        params,
      )
    ).map((row) => row.value);
  const classes = run === undefined ? [] : (await loadRun(db, run.runId)).frozen.classes;
  return {
    run: run ?? null,
    runs: await listRunReferences(db),
    districts: await distinct('district'),
    routes: await distinct('route'),
    managers: await distinct('manager_id'),
    serviceClasses: classes.map((serviceClass) => ({ code: serviceClass.code, name: serviceClass.name })),
  };
}
