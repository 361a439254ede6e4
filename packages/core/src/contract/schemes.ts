import { z } from 'zod';
import { localizedTextSchema, schemeSchema } from '../scheme/scheme-schema.js';
import { apiIssueSchema } from './error.js';
import { defineRoute } from './route.js';

const SCHEME_EDITORS = ['admin', 'analyst'] as const;

export const storedSchemeInfoSchema = z.object({
  schemeId: z.string(),
  version: z.number().int(),
  name: localizedTextSchema,
  description: localizedTextSchema.nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  contentHash: z.string(),
  /** Evaluation runs made with this version. */
  runs: z.number().int().min(0),
});
export type StoredSchemeInfo = z.infer<typeof storedSchemeInfoSchema>;

export const presetSchemeInfoSchema = z.object({
  schemeId: z.string(),
  name: localizedTextSchema,
  description: localizedTextSchema.nullable(),
});

export const schemeDocumentResponseSchema = z.object({
  schemeId: z.string(),
  /** The stored version; null for a built-in preset never stored. */
  version: z.number().int().nullable(),
  source: z.enum(['stored', 'preset']),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  document: schemeSchema,
});
export type SchemeDocumentResponse = z.infer<typeof schemeDocumentResponseSchema>;

/** A scheme document as sent for checking or saving; its meaning is checked by validateScheme. */
export const schemeDocumentSchema = z.record(z.string(), z.unknown());

export const schemeValidationSchema = z.object({
  ok: z.boolean(),
  /** Every problem, in the request's language. */
  issues: z.array(apiIssueSchema),
});

export const pairwiseCellSchema = z.union([z.number().positive(), z.string().min(1).max(20)]);

export const ahpRequestSchema = z
  .object({
    /** One pairwise comparison matrix per expert (3, "1/3", 0.5 …); several are combined by element-wise geometric mean. */
    matrices: z.array(z.array(z.array(pairwiseCellSchema)).min(1).max(15)).min(1).max(20),
  })
  .strict();

export const ahpResponseSchema = z.object({
  weights: z.array(z.number()),
  lambdaMax: z.number(),
  ci: z.number(),
  cr: z.number(),
  /** CR < 0.1 (Saaty). */
  consistent: z.boolean(),
});

const methodOutcome = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...shape }), z.object({ ok: z.literal(false), issues: z.array(apiIssueSchema) })]);

export const objectiveWeightsResponseSchema = z.object({
  runId: z.string(),
  dimension: z.string(),
  segment: z.string(),
  indicators: z.array(z.object({ code: z.string(), name: localizedTextSchema })),
  customers: z.number().int(),
  /** Customers whose scores were read; fewer than `customers` beyond the sample limit. */
  sampled: z.number().int(),
  entropy: methodOutcome({ weights: z.array(z.number()), entropies: z.array(z.number()) }),
  critic: methodOutcome({ weights: z.array(z.number()), stdDevs: z.array(z.number()) }),
});
export type ObjectiveWeightsResponse = z.infer<typeof objectiveWeightsResponseSchema>;

export const schemeRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/schemes',
    summary: 'Stored scheme versions and the built-in presets',
    tag: 'schemes',
    roles: SCHEME_EDITORS,
    response: z.object({ stored: z.array(storedSchemeInfoSchema), presets: z.array(presetSchemeInfoSchema) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/schemes/:schemeId',
    summary: 'A scheme document: the given stored version, else the latest stored one, else the preset of that id',
    tag: 'schemes',
    roles: SCHEME_EDITORS,
    params: z.object({ schemeId: z.string().min(1).max(60) }),
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
    response: schemeDocumentResponseSchema,
    errors: { 404: 'no such scheme or version' },
  }),
  validate: defineRoute({
    method: 'POST',
    path: '/api/schemes/validate',
    summary: 'Check a scheme document without saving it; issues come in the request’s language',
    tag: 'schemes',
    roles: SCHEME_EDITORS,
    body: schemeDocumentSchema,
    response: schemeValidationSchema,
  }),
  save: defineRoute({
    method: 'POST',
    path: '/api/schemes',
    summary: 'Save a scheme document as a new version of its id (audited); the same content as the latest version is not stored again',
    tag: 'schemes',
    roles: SCHEME_EDITORS,
    body: schemeDocumentSchema,
    response: z.object({ schemeId: z.string(), version: z.number().int(), created: z.boolean(), createdAt: z.string() }),
    status: 201,
  }),
};

export const weightRoutes = {
  ahp: defineRoute({
    method: 'POST',
    path: '/api/weights/ahp',
    summary: 'AHP weights of a pairwise comparison matrix (or several experts’), with λmax, CI, CR and whether CR < 0.1',
    tag: 'schemes',
    roles: SCHEME_EDITORS,
    body: ahpRequestSchema,
    response: ahpResponseSchema,
  }),
  objective: defineRoute({
    method: 'GET',
    path: '/api/weights/objective',
    summary: 'Entropy and CRITIC weights of one dimension’s indicators, from the scores a run stored (a deterministic sample beyond 20 000 customers)',
    tag: 'schemes',
    roles: SCHEME_EDITORS,
    query: z.object({
      run: z.string().min(1).max(100).optional(),
      dimension: z.string().min(1).max(40),
      segment: z.string().min(1).max(40).optional(),
    }),
    response: objectiveWeightsResponseSchema,
    errors: { 404: 'no such run' },
  }),
};
