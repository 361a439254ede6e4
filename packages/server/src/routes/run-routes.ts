import {
  compareRoutes,
  DEFAULT_SCHEME,
  evaluationRoutes,
  IssuesError,
  planScheme,
  PRESET_SCHEMES,
  runRoutes,
  t,
  type RunDetail,
  type SchemeInput,
  type StartEvaluationRequest,
} from '@retail-value/core';
import {
  compareRuns,
  countResults,
  deleteRun,
  evaluationWindow,
  exportComparison,
  exportRunList,
  latestScheme,
  listRunsInScope,
  recordAudit,
  schemeVersion,
  type Database,
  type RunSummary,
} from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';
import { asResponse } from '../http/as-response.js';
import { HttpProblem } from '../http/http-problem.js';
import { loadRunOr404, orRunNotFound } from '../http/load-run-or-404.js';
import { workbookResponse } from '../http/workbook-response.js';
import { EvaluationJobs } from '../jobs/evaluation-jobs.js';

/** The scheme an evaluation request names: a stored version, the latest stored one, a preset, or the default. */
async function requestedScheme(db: Database, request: StartEvaluationRequest): Promise<SchemeInput> {
  if (request.schemeId === undefined) return (await latestScheme(db, DEFAULT_SCHEME.id))?.document ?? DEFAULT_SCHEME;
  const id = request.schemeId;
  if (request.schemeVersion !== undefined) {
    try {
      return (await schemeVersion(db, id, request.schemeVersion)).document;
    } catch (error) {
      if (error instanceof IssuesError) throw new HttpProblem(404, 'scheme.not_found', { params: { id: `${id} v${request.schemeVersion}` } });
      throw error;
    }
  }
  const found = (await latestScheme(db, id))?.document ?? PRESET_SCHEMES.find((preset) => preset.id === id);
  if (found === undefined) throw new HttpProblem(404, 'scheme.not_found', { params: { id } });
  return found;
}

/** A run's own counts replaced by those of the caller's scope. */
function withCustomers(run: RunSummary, customers: number): RunSummary {
  return { ...run, customers };
}

/** Runs: list, detail, background evaluation, comparison and their workbooks. */
export function registerRunRoutes(api: ApiRouter, deps: AppDeps): void {
  const jobs = new EvaluationJobs(deps.db, deps.now);

  api.add(runRoutes.list, async ({ session }) => ({ runs: await listRunsInScope(deps.db, session.user) }));

  // Before /api/runs/:runId, which would otherwise take "export" for a run id.
  api.addDownload(runRoutes.exportList, async ({ c, session }) => {
    const locale = c.get('locale');
    const connection = await deps.db.connect();
    return workbookResponse(t(locale, 'runs.file.runs'), (out) =>
      exportRunList(connection, { out, locale, scope: session.user }).finally(() => connection.close()),
    );
  });

  api.add(runRoutes.delete, async ({ params, session }) => {
    // An evaluation reads earlier runs (its awards look back over them): none is deleted under it.
    jobs.assertIdle();
    await loadRunOr404(deps.db, params.runId);
    return { deleted: await deleteRun(deps.db, params.runId, { username: session.user.username, now: deps.now() }) };
  });

  api.add(runRoutes.get, async ({ params, session }) => {
    const run = await loadRunOr404(deps.db, params.runId);
    const counts = await countResults(deps.db, run, session.user);
    const scheme = await schemeVersion(deps.db, run.schemeId, run.schemeVersion).catch((error: unknown) => {
      if (error instanceof IssuesError) return undefined;
      throw error;
    });
    const { frozen, ...summary } = run;
    const detail: RunDetail = {
      run: withCustomers(summary, counts.customers),
      scheme: { schemeId: run.schemeId, version: run.schemeVersion, name: scheme?.document.name ?? null },
      window: frozen.window,
      counts: {
        customers: counts.customers,
        valueCells: counts.valueCells,
        serviceClasses: counts.serviceClasses,
        lifecycle: counts.lifecycle,
        churnRisk: counts.churnRisk,
      },
      classes: frozen.classes.map((found) => ({ ...found })),
      classScope: frozen.classScope,
      valueMatrix: frozen.valueMatrix,
      thresholds: frozen.thresholds,
      dimensions: frozen.dimensions.map((dimension) => ({ ...dimension, indicators: [...dimension.indicators] })),
      indicators: frozen.indicators.map((indicator) => ({
        code: indicator.code,
        name: indicator.name,
        dimension: indicator.dimension,
        direction: indicator.direction,
        normalization: indicator.normalization.method,
        scope: indicator.scope,
      })),
      weights: frozen.weights,
      lifetimeValue: {
        model: frozen.lifetimeValue.model,
        horizonWeeks: frozen.lifetimeValue.horizonWeeks,
        annualDiscountRate: frozen.lifetimeValue.annualDiscountRate,
        validation: frozen.lifetimeValue.validation,
      },
      steps: [...frozen.steps],
    };
    return detail;
  });

  api.add(evaluationRoutes.start, async ({ body, session }) => {
    const scheme = await requestedScheme(deps.db, body);
    // Problems the caller can fix answer now (400), not later as a failed job.
    const plan = planScheme(scheme);
    evaluationWindow(body.period, body.windowWeeks ?? plan.scheme.windowWeeks, body.asOf);
    const jobId = await jobs.start(
      { period: body.period, asOf: body.asOf, windowWeeks: body.windowWeeks, scheme, schemeId: plan.scheme.id },
      session.user.username,
    );
    await recordAudit(
      deps.db,
      {
        username: session.user.username,
        action: 'evaluation.start',
        target: body.period,
        detail: { jobId, asOf: body.asOf ?? null, windowWeeks: body.windowWeeks ?? null, schemeId: plan.scheme.id, schemeVersion: body.schemeVersion ?? null },
      },
      deps.now(),
    );
    return { jobId };
  });

  api.add(evaluationRoutes.list, async ({ c }) => ({ jobs: jobs.list(c.get('locale')) }));

  api.add(evaluationRoutes.get, async ({ c, params }) => {
    const job = jobs.get(params.jobId, c.get('locale'));
    if (job === undefined) throw new HttpProblem(404, 'runs.job_not_found', { params: { value: params.jobId } });
    return job;
  });

  api.add(compareRoutes.compare, async ({ query, session }) => {
    const comparison = await orRunNotFound(() =>
      compareRuns(deps.db, query.from, query.to, { moverLimit: query.limit, moverOffset: query.offset, scope: session.user }),
    );
    const { both, entered, left } = comparison.customers;
    return {
      ...asResponse(comparison),
      from: withCustomers(comparison.from, both + left),
      to: withCustomers(comparison.to, both + entered),
      limit: query.limit,
      offset: query.offset,
    };
  });

  api.addDownload(compareRoutes.export, async ({ c, query, session }) => {
    const locale = c.get('locale');
    await loadRunOr404(deps.db, query.from);
    await loadRunOr404(deps.db, query.to);
    const connection = await deps.db.connect();
    return workbookResponse(t(locale, 'runs.file.compare', { from: query.from, to: query.to }), (out) =>
      exportComparison(connection, query.from, query.to, { out, locale, scope: session.user }).finally(() => connection.close()),
    );
  });
}
