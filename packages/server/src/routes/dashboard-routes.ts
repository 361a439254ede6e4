import { dashboardRoutes } from '@retail-value/core';
import { dashboardSummary, listRuns } from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';
import { asResponse } from '../http/as-response.js';
import { orRunNotFound } from '../http/load-run-or-404.js';

export function registerDashboardRoutes(api: ApiRouter, deps: AppDeps): void {
  api.add(dashboardRoutes.get, async ({ query, session }) => {
    // The runs to choose from: their ids and dates are no customer's data, so no scope applies.
    const runs = (await listRuns(deps.db)).reverse();
    if (runs.length === 0 && query.run === undefined) return { runs: [], summary: null };
    const summary = await orRunNotFound(() => dashboardSummary(deps.db, { runId: query.run, scope: session.user, warnings: query.warnings }));
    return {
      runs: runs.map(({ runId, period, asOf, createdAt }) => ({ runId, period, asOf, createdAt })),
      summary: asResponse(summary),
    };
  });
}
