import { z } from 'zod';
import { DIMENSIONS } from '../indicators/dimensions.js';

/**
 * The evaluation scheme document (评价方案), a versioned JSON. Shape checks
 * live here; meaning checks (known indicators, AHP consistency, complete
 * weights) in validate-scheme.ts.
 */
// Texts are trimmed; a name or item of only spaces is as empty as no text.
export const localizedTextSchema = z.object({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

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
    /** Management strategy per lifecycle stage (新客户管理, 满意客户管理, 不满意客户管理 and 预防客户解约管理). */
    lifecycle: z
      .record(z.enum(['introduction', 'growth', 'maturity', 'decline', 'termination']), z.object({ strategy: localizedTextSchema, items: strategyItems }).strict())
      .optional(),
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

export const LIFECYCLE_STAGES = ['introduction', 'growth', 'maturity', 'decline', 'termination'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Lifecycle rules (DOMAIN §5 defaults), counted in the customer's own
 * ordering cycles over a look-back of 52 weeks.
 */
export const lifecycleRulesSchema = z
  .object({
    /** A licence younger than this is in introduction. */
    introductionWeeks: z.number().int().min(1).max(52).default(13),
    /** Fewer weeks with an order than this (licence inside the look-back) is still introduction. */
    introductionMinOrders: z.number().int().min(1).max(52).default(6),
    /** Cycles compared: the last `cycles` against the `cycles` before (13 weekly = 26 weeks, 13 biweekly = 52 weeks). */
    cycles: z.number().int().min(2).max(13).default(13),
    /** Growth and maturity need an order in at least this share of the recent cycles. */
    activeShare: share.default(0.7),
    /** Volume change that makes growth (≥ +) or decline (≤ −). */
    change: z.number().min(0).max(1).default(0.1),
    /** An order in fewer than this share of cycles is decline. */
    declineShare: share.default(0.5),
    /** This many cycles missed in a row (up to the as-of date) is decline. */
    missedCycles: z.number().int().min(1).max(26).default(4),
    /** No order for this many weeks is termination. */
    terminationWeeks: z.number().int().min(4).max(52).default(13),
    /** A licence with no trade within this many weeks of issue is deemed closed (视同歇业). */
    deemedClosedWeeks: z.number().int().min(4).max(52).default(26),
  })
  .strict();
export type LifecycleRules = z.infer<typeof lifecycleRulesSchema>;

/** Churn warning: points per reason, and the level cut-offs of the summed score. */
export const churnRulesSchema = z
  .object({
    missedCyclesWarn: z.number().int().min(1).default(2),
    missedCyclesWarnPoints: z.number().min(0).max(100).default(20),
    missedCyclesAlarm: z.number().int().min(1).default(4),
    missedCyclesAlarmPoints: z.number().min(0).max(100).default(40),
    ownDeclineWarn: z.number().min(0).max(1).default(0.1),
    ownDeclineWarnPoints: z.number().min(0).max(100).default(15),
    ownDeclineAlarm: z.number().min(0).max(1).default(0.3),
    ownDeclineAlarmPoints: z.number().min(0).max(100).default(30),
    /** Below the mean change of the peers (same market and service class) by this many standard deviations. */
    peerSigmas: z.number().min(0.5).max(5).default(2),
    peerPoints: z.number().min(0).max(100).default(25),
    creditDowngradePoints: z.number().min(0).max(100).default(20),
    /** Share of survey answers scored 1–2 in the last year that counts as dissatisfied. */
    dissatisfiedShare: share.default(0.3),
    dissatisfiedPoints: z.number().min(0).max(100).default(20),
    high: score.default(60),
    medium: score.default(30),
  })
  .strict();
export type ChurnRules = z.infer<typeof churnRulesSchema>;

export const CLV_MODELS = ['bg-nbd', 'pareto-nbd', 'run-rate'] as const;
export const clvSettingsSchema = z
  .object({
    model: z.enum(CLV_MODELS).default('run-rate'),
    horizonWeeks: z.number().int().min(4).max(260).default(52),
    annualDiscountRate: z.number().min(0).max(1).default(0.08),
    /** Weeks held out at the end of the history to validate the model before it is used. */
    holdoutWeeks: z.number().int().min(4).max(26).default(13),
  })
  .strict();
export type ClvSettings = z.infer<typeof clvSettingsSchema>;

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
    lifecycle: lifecycleRulesSchema.default(lifecycleRulesSchema.parse({})),
    churn: churnRulesSchema.default(churnRulesSchema.parse({})),
    clv: clvSettingsSchema.default(clvSettingsSchema.parse({})),
  })
  .strict();

export type SchemeInput = z.input<typeof schemeSchema>;
export type Scheme = z.output<typeof schemeSchema>;
