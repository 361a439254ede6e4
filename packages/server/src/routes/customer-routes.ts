import { customerRoutes, warningRoutes, type RunReference, type Warning } from '@retail-value/core';
import {
  customerDetail,
  customerFacets,
  findRunReference,
  listCustomers,
  listWarnings,
  recordAudit,
  strategyOverview,
  writeCustomerWorkbook,
  type Database,
} from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';
import { HttpProblem } from '../http/http-problem.js';
import { workbookResponse } from '../http/workbook-response.js';

/**
 * The run a request asks for, or the latest. A run asked for by id that does
 * not exist is a 404; no run at all is undefined, for lists to answer empty.
 */
export async function requestedRun(db: Database, runId: string | undefined): Promise<RunReference | undefined> {
  const run = await findRunReference(db, runId);
  if (run === undefined && runId !== undefined) throw new HttpProblem(404, 'evaluation.run_not_found', { params: { value: runId } });
  return run;
}

/** Like requestedRun, but a run is required (exports): none at all is a 404 too. */
async function requiredRun(db: Database, runId: string | undefined): Promise<RunReference> {
  const run = await requestedRun(db, runId);
  if (run === undefined) throw new HttpProblem(404, 'evaluation.no_runs');
  return run;
}

export function registerCustomerRoutes(api: ApiRouter, deps: AppDeps): void {
  api.add(customerRoutes.list, async ({ query, session }) => {
    const run = await requestedRun(deps.db, query.run);
    if (run === undefined) return { items: [], total: 0, run: null };
    return { ...(await listCustomers(deps.db, session.user, run, query)), run };
  });

  api.add(customerRoutes.facets, async ({ query, session }) => customerFacets(deps.db, session.user, await requestedRun(deps.db, query.run)));

  api.add(customerRoutes.strategies, async ({ query, session }) => {
    const run = await requestedRun(deps.db, query.run);
    if (run === undefined) return { run: null, commonItems: [], classes: [], cells: [], lifecycle: [] };
    return strategyOverview(deps.db, session.user, run);
  });

  api.addDownload(customerRoutes.export, async ({ query, session }) => {
    const { headers, ...filter } = query;
    const run = await requiredRun(deps.db, filter.run);
    await recordAudit(
      deps.db,
      { username: session.user.username, action: 'export.customers', target: run.runId, detail: { filter, headers } },
      deps.now(),
    );
    // A connection of its own: statements of other requests on the shared one would end the stream early.
    const connection = await deps.db.connect();
    return workbookResponse(`customers-${run.runId}.xlsx`, (out) =>
      writeCustomerWorkbook(connection, { user: session.user, run, filter, headers, out }).finally(() => connection.close()),
    );
  });

  api.add(customerRoutes.detail, async ({ c, params, query, session }) => {
    const run = await requestedRun(deps.db, query.run);
    const detail = await customerDetail(deps.db, session.user, params.customerId, run, c.get('locale'));
    if (detail === undefined) throw new HttpProblem(404, 'customer.not_found', { params: { value: params.customerId } });
    return detail;
  });

  api.add(warningRoutes.list, async ({ query, session }) => {
    const run = await requestedRun(deps.db, query.run);
    if (run === undefined) return { items: [], total: 0, run: null };
    const found = await listWarnings(deps.db, {
      runId: run.runId,
      scope: session.user,
      managerId: query.manager,
      level: query.level,
      includeTerminated: query.terminated === 'true',
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    // The engine types codes as strings; they come from the run's fixed code lists.
    return { items: found.items.map((item) => ({ ...item, reasons: [...item.reasons] }) as Warning), total: found.total, run };
  });
}
