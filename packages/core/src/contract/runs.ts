import { z } from 'zod';
import { localizedTextSchema, thresholdSchema } from '../scheme/scheme-schema.js';
import { apiIssueSchema } from './error.js';
import { defineRoute, fileResponseSchema, XLSX_MEDIA_TYPE } from './route.js';

const count = z.number().int().min(0);
const counts = z.record(z.string(), count);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const runId = z.string().min(1).max(100);

/** A stored evaluation run; `customers` counts those in the caller's scope. */
export const runSummarySchema = z.object({
  runId: z.string(),
  period: z.string(),
  asOf: z.string(),
  windowStart: z.string(),
  windowWeeks: z.number().int(),
  schemeId: z.string(),
  schemeVersion: z.number().int(),
  inputFingerprint: z.string(),
  resultFingerprint: z.string(),
  customers: count,
  createdAt: z.string(),
});
export type RunSummaryDto = z.infer<typeof runSummarySchema>;

export const serviceClassInfoSchema = z.object({ code: z.string(), name: localizedTextSchema });

/** Counts of a run's customers in the caller's scope. */
export const runCountsSchema = z.object({
  customers: count,
  valueCells: counts,
  serviceClasses: counts,
  lifecycle: counts,
  churnRisk: counts,
});

const weightsOfSegmentSchema = z.object({
  sides: z.object({ current: z.number(), potential: z.number() }),
  dimensions: z.record(z.string(), z.number()),
  indicators: z.record(z.string(), z.number()),
});

/** A run with what it froze: scheme, window, thresholds, weights, class rules, CLV check and step timings. */
export const runDetailSchema = z.object({
  run: runSummarySchema,
  scheme: z.object({ schemeId: z.string(), version: z.number().int(), name: localizedTextSchema.nullable() }),
  window: z.object({ period: z.string(), asOf: z.string(), start: z.string(), weeks: z.number().int(), previousStart: z.string() }),
  counts: runCountsSchema,
  classes: z.array(
    serviceClassInfoSchema.extend({
      quota: z.number().optional(),
      minScore: z.number().optional(),
      minPercentile: z.number().optional(),
      minCreditGrade: z.string().optional(),
    }),
  ),
  classScope: z.enum(['all', 'market']),
  valueMatrix: z.object({ current: thresholdSchema, potential: thresholdSchema }),
  /** Frozen cut-offs per axis and group (`all`, or `urban` / `rural`). */
  thresholds: z.object({ current: z.record(z.string(), z.number()), potential: z.record(z.string(), z.number()) }),
  dimensions: z.array(z.object({ code: z.string(), side: z.enum(['current', 'potential']), name: localizedTextSchema, indicators: z.array(z.string()) })),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: localizedTextSchema,
      dimension: z.string(),
      direction: z.enum(['benefit', 'cost']),
      normalization: z.string(),
      scope: z.string(),
    }),
  ),
  /** Resolved weights per segment (`all`, or `urban` and `rural`). */
  weights: z.record(z.string(), weightsOfSegmentSchema),
  lifetimeValue: z.object({
    model: z.string(),
    horizonWeeks: z.number(),
    annualDiscountRate: z.number(),
    /** The model fitted without the last weeks and checked on them (purchase weeks predicted against actual). */
    validation: z.object({
      holdoutWeeks: z.number(),
      customers: z.number(),
      actual: z.number(),
      predicted: z.number(),
      percentError: z.number().nullable(),
      meanAbsoluteError: z.number().nullable(),
    }),
  }),
  steps: z.array(z.object({ step: z.string(), seconds: z.number() })),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

export const startEvaluationSchema = z
  .object({
    /** 2026Q3, 2026M07 or 2026. */
    period: z.string().trim().min(4).max(10),
    /** Last day of the window; the period's last day when absent. */
    asOf: isoDate.optional(),
    windowWeeks: z.number().int().min(4).max(53).optional(),
    /** A stored scheme or a preset; the latest stored default scheme when absent. */
    schemeId: z.string().min(1).max(60).optional(),
    /** A stored version of `schemeId`; its latest when absent. */
    schemeVersion: z.number().int().min(1).optional(),
  })
  .strict();
export type StartEvaluationRequest = z.infer<typeof startEvaluationSchema>;

export const EVALUATION_JOB_STATUSES = ['running', 'done', 'failed'] as const;

/** A background evaluation started through the API (kept in the server's memory). */
export const evaluationJobSchema = z.object({
  jobId: z.string(),
  status: z.enum(EVALUATION_JOB_STATUSES),
  /** Share of the steps done, 0–1. */
  progress: z.number().min(0).max(1),
  /** The last step finished (`orders`, `clv`, `measures`, …); null before the first. */
  step: z.string().nullable(),
  period: z.string(),
  asOf: z.string().nullable(),
  windowWeeks: z.number().int().nullable(),
  schemeId: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  runId: z.string().nullable(),
  customers: z.number().int().nullable(),
  seconds: z.number().nullable(),
  /** Why it failed, in the caller's language. */
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(apiIssueSchema) }).nullable(),
});
export type EvaluationJob = z.infer<typeof evaluationJobSchema>;

const transitionMatrixSchema = z.object({
  from: z.array(z.string()),
  to: z.array(z.string()),
  counts: z.array(z.array(count)),
  rowShares: z.array(z.array(z.number().nullable())),
  entered: counts,
  left: counts,
  stayed: count,
  stability: z.number().nullable(),
});

const move = z.enum(['up', 'down', 'none']);
export const moverSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  district: z.string().nullable(),
  managerId: z.string().nullable(),
  direction: z.enum(['up', 'down', 'across']),
  fromCell: z.string(),
  toCell: z.string(),
  cellMove: move,
  fromClass: z.string(),
  toClass: z.string(),
  classMove: move,
  compositeFrom: z.number(),
  compositeTo: z.number(),
  compositeChange: z.number(),
  rankFrom: z.number().int(),
  rankTo: z.number().int(),
  dimension: z.string().nullable(),
  dimensionChange: z.number().nullable(),
});
export type MoverDto = z.infer<typeof moverSchema>;

export const compareQuerySchema = z.object({
  from: runId,
  to: runId,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Two runs compared over the caller's customers: transitions, stability and one page of movers. */
export const comparisonSchema = z.object({
  from: runSummarySchema,
  to: runSummarySchema,
  customers: z.object({ both: count, entered: count, left: count }),
  valueCells: transitionMatrixSchema,
  serviceClasses: transitionMatrixSchema,
  classNames: z.record(z.string(), localizedTextSchema),
  dimensions: z.array(z.object({ code: z.string(), name: localizedTextSchema })),
  moverCount: z.object({ total: count, up: count, down: count, across: count }),
  movers: z.array(moverSchema),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ComparisonDto = z.infer<typeof comparisonSchema>;

const RUN_READERS = ['admin', 'analyst', 'district'] as const;
const RUN_WRITERS = ['admin', 'analyst'] as const;

export const runRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/runs',
    summary: 'Every evaluation run, newest first; customers counted within the caller’s scope',
    tag: 'runs',
    roles: RUN_READERS,
    response: z.object({ runs: z.array(runSummarySchema) }),
  }),
  exportList: defineRoute({
    method: 'GET',
    path: '/api/runs/export',
    summary: 'The run list as an XLSX workbook (headers in the request’s language)',
    tag: 'runs',
    roles: RUN_READERS,
    response: fileResponseSchema,
    download: { mediaTypes: [XLSX_MEDIA_TYPE] },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/runs/:runId',
    summary: 'One run: counts in the caller’s scope, scheme, fingerprints, frozen thresholds and weights, CLV validation, step timings',
    tag: 'runs',
    roles: RUN_READERS,
    params: z.object({ runId }),
    response: runDetailSchema,
    errors: { 404: 'no such run' },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/runs/:runId',
    summary: 'Delete a run with its results and awards (administrators; audited). Runs are never changed, only deleted',
    tag: 'runs',
    roles: ['admin'],
    params: z.object({ runId }),
    response: z.object({ deleted: runSummarySchema }),
    errors: { 404: 'no such run', 409: 'an evaluation is running on this server' },
  }),
};

export const evaluationRoutes = {
  start: defineRoute({
    method: 'POST',
    path: '/api/evaluations',
    summary: 'Start an evaluation in the background (audited); poll GET /api/evaluations/{jobId}',
    tag: 'runs',
    roles: RUN_WRITERS,
    body: startEvaluationSchema,
    response: z.object({ jobId: z.string() }),
    status: 202,
    errors: { 404: 'no such scheme or scheme version', 409: 'another evaluation is running on this server' },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/evaluations',
    summary: 'Evaluations started on this server since it started, newest first',
    tag: 'runs',
    roles: RUN_WRITERS,
    response: z.object({ jobs: z.array(evaluationJobSchema) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/evaluations/:jobId',
    summary: 'An evaluation’s status: running with its progress, done with its run, or failed with its issues',
    tag: 'runs',
    roles: RUN_WRITERS,
    params: z.object({ jobId: z.string().min(1).max(100) }),
    response: evaluationJobSchema,
    errors: { 404: 'no such job (jobs live in the server’s memory)' },
  }),
};

export const compareRoutes = {
  compare: defineRoute({
    method: 'GET',
    path: '/api/compare',
    summary: 'Compare two runs over the caller’s customers: value-cell and class transitions, stability, movers (paged)',
    tag: 'runs',
    roles: RUN_READERS,
    query: compareQuerySchema,
    response: comparisonSchema,
    errors: { 404: 'no such run' },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/api/compare/export',
    summary: 'The comparison as an XLSX workbook: both transition matrices and every mover in the caller’s scope',
    tag: 'runs',
    roles: RUN_READERS,
    query: compareQuerySchema.pick({ from: true, to: true }),
    response: fileResponseSchema,
    download: { mediaTypes: [XLSX_MEDIA_TYPE] },
    errors: { 404: 'no such run' },
  }),
};
