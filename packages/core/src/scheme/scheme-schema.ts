import { z } from 'zod';
import { DIMENSIONS } from '../indicators/dimensions.js';

/**
 * The evaluation scheme document (评价方案), a versioned JSON. Shape checks
 * live here; meaning checks (known indicators, AHP consistency, complete
 * weights) in validate-scheme.ts.
 */
export const localizedTextSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();

const share = z.number().min(0).max(1);
const score = z.number().min(0).max(100);

export const normalizationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('minmax'), winsor: z.tuple([z.number().min(0).max(0.5), z.number().min(0.5).max(1)]).default([0.01, 0.99]) }).strict(),
  z.object({ method: z.literal('percentile') }).strict(),
  z.object({ method: z.literal('zscore'), clip: z.number().positive().max(10).default(3) }).strict(),
  z
    .object({
      method: z.literal('piecewise'),
      /** Step scores: the first row whose `min` the value reaches gives its score (rows sorted by min descending). */
      points: z.array(z.object({ min: z.number(), score }).strict()).min(1).max(20),
      otherwise: score.default(0),
    })
    .strict(),
  z.object({ method: z.literal('target'), target: z.number().positive(), cap: z.number().positive().max(1000).default(100) }).strict(),
]);
export type Normalization = z.infer<typeof normalizationSchema>;

export const PEER_SCOPES = ['all', 'market', 'format'] as const;
export type PeerScope = (typeof PEER_SCOPES)[number];

export const indicatorChoiceSchema = z
  .object({
    code: z.string().min(1),
    normalization: normalizationSchema.default({ method: 'minmax', winsor: [0.01, 0.99] }),
    scope: z.enum(PEER_SCOPES).default('all'),
    /** Score for a customer whose raw value is undefined (e.g. no feedback was due). */
    missing: z.union([z.enum(['median', 'zero']), score]).default('median'),
  })
  .strict();
export type IndicatorChoice = z.infer<typeof indicatorChoiceSchema>;

export const customIndicatorSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
    name: localizedTextSchema,
    dimension: z.enum(DIMENSIONS),
    direction: z.enum(['benefit', 'cost']),
    unit: localizedTextSchema.optional(),
    formula: z.string().min(1).max(500),
    definition: localizedTextSchema.optional(),
  })
  .strict();
export type CustomIndicator = z.infer<typeof customIndicatorSchema>;

const pairwiseCell = z.union([z.number().positive(), z.string().regex(/^\s*\d+(\.\d+)?(\s*\/\s*\d+(\.\d+)?)?\s*$/)]);
const subjectiveWeightSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('direct'), values: z.record(z.string(), z.number().min(0)) }).strict(),
  z
    .object({
      method: z.literal('ahp'),
      /** Criteria in the order of the matrices' rows and columns. */
      order: z.array(z.string()).min(1),
      /** One pairwise matrix per expert; several are combined by element-wise geometric mean. */
      matrices: z.array(z.array(z.array(pairwiseCell))).min(1),
    })
    .strict(),
]);
export const weightSpecSchema = z.discriminatedUnion('method', [
  ...subjectiveWeightSchema.options,
  z.object({ method: z.literal('entropy') }).strict(),
  z.object({ method: z.literal('critic') }).strict(),
  z
    .object({
      method: z.literal('combined'),
      alpha: share,
      subjective: subjectiveWeightSchema,
      objective: z.enum(['entropy', 'critic']),
    })
    .strict(),
]);
export type WeightSpec = z.infer<typeof weightSpecSchema>;

export const weightSetSchema = z
  .object({
    /** current vs potential in the composite score */
    sides: weightSpecSchema,
    /** dimensions within each side */
    dimensions: z.object({ current: weightSpecSchema, potential: weightSpecSchema }).strict(),
    /** indicators within each dimension */
    indicators: z.record(z.enum(DIMENSIONS), weightSpecSchema),
  })
  .strict();
export type WeightSet = z.infer<typeof weightSetSchema>;

export const thresholdSchema = z
  .object({
    method: z.enum(['median', 'mean', 'percentile', 'fixed']),
    value: z.number().optional(),
    scope: z.enum(['all', 'market']).default('all'),
  })
  .strict();
export type Threshold = z.infer<typeof thresholdSchema>;

export const CREDIT_GRADES = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

export const serviceClassSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/),
    name: localizedTextSchema,
    /** Exactly one rule, except the last class, which takes everyone left. */
    quota: share.optional(),
    minScore: score.optional(),
    minPercentile: share.optional(),
    /** Credit gate: only customers with at least this grade may enter the class. */
    minCreditGrade: z.enum(CREDIT_GRADES).optional(),
  })
  .strict();
export type ServiceClass = z.infer<typeof serviceClassSchema>;

export const VALUE_CELLS = ['value', 'sub_value', 'potential_value', 'low_value'] as const;
export type ValueCell = (typeof VALUE_CELLS)[number];

export const VISIT_FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;

const strategyItems = z.array(localizedTextSchema).max(30);
export const strategyCatalogSchema = z
  .object({
    /** 共性项目: what every customer gets. */
    commonItems: strategyItems,
    cells: z.record(z.enum(VALUE_CELLS), z.object({ goal: localizedTextSchema, items: strategyItems }).strict()),
    classes: z.record(
      z.string(),
      z.object({ goal: localizedTextSchema, personalItems: strategyItems, visitFrequency: z.enum(VISIT_FREQUENCIES) }).strict(),
    ),
  })
  .strict();
export type StrategyCatalog = z.infer<typeof strategyCatalogSchema>;

/**
 * An award rule (评优, e.g. 星级客户): customers who held one of `classes`
 * (and, if given, one of `valueCells`), a credit grade of at least
 * `minCreditGrade` and — with `noViolations` — no violation or default
 * credit event, in each of the last `periods` runs of the same scheme
 * including this one, receive the rule's rewards (增值服务).
 */
export const awardRuleSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/),
    name: localizedTextSchema,
    classes: z.array(z.string()).min(1),
    valueCells: z.array(z.enum(VALUE_CELLS)).optional(),
    minCreditGrade: z.enum(CREDIT_GRADES).optional(),
    periods: z.number().int().min(1).max(12),
    noViolations: z.boolean().default(true),
    rewards: z.array(localizedTextSchema).min(1).max(20),
  })
  .strict();
export type AwardRule = z.infer<typeof awardRuleSchema>;

export const schemeSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/),
    name: localizedTextSchema,
    description: localizedTextSchema.optional(),
    windowWeeks: z.number().int().min(4).max(53).default(13),
    customIndicators: z.array(customIndicatorSchema).default([]),
    indicators: z.array(indicatorChoiceSchema).min(1).max(60),
    /** Grouping of the chosen indicators into dimensions (each dimension belongs to one side). */
    dimensions: z.array(z.object({ code: z.enum(DIMENSIONS), indicators: z.array(z.string()).min(1) }).strict()).min(1),
    weights: z
      .object({
        segmentBy: z.enum(['none', 'market']),
        sets: z.record(z.string(), weightSetSchema),
      })
      .strict(),
    valueMatrix: z.object({ current: thresholdSchema, potential: thresholdSchema }).strict(),
    serviceClasses: z.object({ scope: z.enum(['all', 'market']).default('all'), classes: z.array(serviceClassSchema).min(2).max(8) }).strict(),
    strategies: strategyCatalogSchema,
    awards: z.array(awardRuleSchema).max(10).default([]),
  })
  .strict();

export type SchemeInput = z.input<typeof schemeSchema>;
export type Scheme = z.output<typeof schemeSchema>;
