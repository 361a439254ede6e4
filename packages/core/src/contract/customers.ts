import { z } from 'zod';
import { CREDIT_GRADES, LIFECYCLE_STAGES, VALUE_CELLS, VISIT_FREQUENCIES } from '../scheme/scheme-schema.js';
import { defineRoute, fileResponseSchema, XLSX_MEDIA_TYPE } from './route.js';

/** 业态 codes (中烟销网[2008]52号): 食杂店 Z, 便利店 B, 超市 S, 商场 N, 烟酒商店 Y, 娱乐服务类 F, 其他 Q. */
export const CUSTOMER_FORMATS = ['Z', 'B', 'S', 'N', 'Y', 'F', 'Q'] as const;
export const CUSTOMER_MARKETS = ['urban', 'rural'] as const;
export const CHURN_RISKS = ['high', 'medium', 'low'] as const;
/** The reasons a churn warning gives (comma-separated in the stored results). */
export const CHURN_REASONS = ['missed_cycles', 'own_decline', 'peer_decline', 'credit_downgrade', 'dissatisfied', 'terminated'] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];

/** What a customer list may be sorted by; the server maps each key to one column. */
export const CUSTOMER_SORT_KEYS = [
  'rank',
  'compositeScore',
  'currentValue',
  'potentialValue',
  'clv',
  'churnScore',
  'customerId',
  'name',
  'licenseNo',
  'district',
  'route',
  'managerId',
  'creditGrade',
] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

const localizedSchema = z.object({ 'zh-CN': z.string(), en: z.string() });

/** `a,b,c` in a query string: one or more codes from `values`. */
function codeList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .pipe(z.array(z.enum(values)).min(1).max(values.length))
    .optional();
}

const text = z.string().trim().min(1).max(100).optional();

/**
 * Filters of a customer list, shared by the list and its export. Codes may be
 * given as comma-separated lists (`valueCell=value,sub_value`); `search`
 * matches the name or the licence number, anywhere, case-insensitively.
 */
export const customerFilterSchema = z.object({
  /** The run whose results are listed; the latest run when absent. */
  run: z.string().min(1).max(100).optional(),
  district: text,
  route: text,
  manager: text,
  format: codeList(CUSTOMER_FORMATS),
  market: codeList(CUSTOMER_MARKETS),
  valueCell: codeList(VALUE_CELLS),
  serviceClass: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{0,30}$/)).min(1).max(8))
    .optional(),
  lifecycleStage: codeList(LIFECYCLE_STAGES),
  churnRisk: codeList(CHURN_RISKS),
  search: text,
  sort: z.enum(CUSTOMER_SORT_KEYS).default('rank'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type CustomerFilter = z.output<typeof customerFilterSchema>;

export const customerListQuerySchema = customerFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CustomerListQuery = z.output<typeof customerListQuerySchema>;

/** The run a list or a detail comes from. */
export const runReferenceSchema = z.object({
  runId: z.string(),
  period: z.string(),
  asOf: z.string(),
  createdAt: z.string(),
});
export type RunReference = z.infer<typeof runReferenceSchema>;

export const customerListItemSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  licenseNo: z.string().nullable(),
  managerId: z.string().nullable(),
  district: z.string(),
  route: z.string().nullable(),
  market: z.string(),
  format: z.string(),
  creditGrade: z.string().nullable(),
  currentValue: z.number(),
  potentialValue: z.number(),
  compositeScore: z.number(),
  rank: z.number().int(),
  valueCell: z.enum(VALUE_CELLS),
  serviceClass: z.string(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  churnRisk: z.enum(CHURN_RISKS),
  churnScore: z.number(),
  clv: z.number().nullable(),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const customerListSchema = z.object({
  items: z.array(customerListItemSchema),
  /** Customers matching the filters (all pages). */
  total: z.number().int(),
  /** The run listed; null while the database holds no run. */
  run: runReferenceSchema.nullable(),
});
export type CustomerList = z.infer<typeof customerListSchema>;

/** The values a list can be filtered by, within the user's scope. */
export const customerFacetsSchema = z.object({
  run: runReferenceSchema.nullable(),
  /** Every run, newest first, for choosing another. */
  runs: z.array(runReferenceSchema),
  districts: z.array(z.string()),
  routes: z.array(z.string()),
  managers: z.array(z.string()),
  serviceClasses: z.array(z.object({ code: z.string(), name: localizedSchema })),
});
export type CustomerFacets = z.infer<typeof customerFacetsSchema>;

export const customerArchiveSchema = z.object({
  customerId: z.string(),
  licenseNo: z.string().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  format: z.string(),
  market: z.string(),
  scale: z.string().nullable(),
  tradeArea: z.string().nullable(),
  terminalType: z.string().nullable(),
  district: z.string(),
  route: z.string().nullable(),
  managerId: z.string().nullable(),
  licenseDate: z.string().nullable(),
  status: z.string(),
  statusDate: z.string().nullable(),
  creditGrade: z.enum(CREDIT_GRADES).nullable(),
  orderCycle: z.string(),
  businessArea: z.number().nullable(),
});
export type CustomerArchive = z.infer<typeof customerArchiveSchema>;

export const customerEvaluationSchema = z.object({
  run: runReferenceSchema,
  segment: z.string(),
  currentValue: z.number(),
  potentialValue: z.number(),
  compositeScore: z.number(),
  rank: z.number().int(),
  /** Customers in the run. */
  customers: z.number().int(),
  valueCell: z.enum(VALUE_CELLS),
  /** The value-matrix cut-offs this customer was compared with. */
  thresholds: z.object({ current: z.number().nullable(), potential: z.number().nullable() }),
  sideWeights: z.object({ current: z.number(), potential: z.number() }),
  serviceClass: z.string(),
  serviceClassName: localizedSchema,
  /** The class the score alone gives; differs from serviceClass when the credit gate held the customer back. */
  classByScore: z.string(),
  classByScoreName: localizedSchema,
  creditGate: z.object({ minGrade: z.string().nullable(), passed: z.boolean() }),
  dimensions: z.array(
    z.object({ code: z.string(), name: localizedSchema, side: z.enum(['current', 'potential']), score: z.number(), weight: z.number() }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: localizedSchema,
      unit: localizedSchema,
      dimension: z.string(),
      direction: z.enum(['benefit', 'cost']),
      raw: z.number().nullable(),
      score: z.number(),
      /** Weight within its dimension. */
      weight: z.number(),
      /** Weight in the composite: indicator × dimension × side. */
      compositeWeight: z.number(),
      /** Points this indicator adds to the composite score. */
      contribution: z.number(),
    }),
  ),
  lifecycle: z.object({
    stage: z.enum(LIFECYCLE_STAGES),
    /** The rule that decided the stage. */
    rule: z.string(),
    /** The rule with its figures and thresholds, in the request's language. */
    reason: z.string(),
    strategy: localizedSchema.nullable(),
    items: z.array(localizedSchema),
    activeShare: z.number().nullable(),
    volumeChange: z.number().nullable(),
    missedCycles: z.number().nullable(),
    weeksSinceOrder: z.number().nullable(),
    licenceWeeks: z.number().nullable(),
    /** 视同歇业: no trade within the first weeks of the licence. */
    deemedClosed: z.boolean(),
  }),
  churn: z.object({
    score: z.number(),
    risk: z.enum(CHURN_RISKS),
    /** Reason codes: one of CHURN_REASONS each. */
    reasons: z.array(z.string()),
  }),
  lifetimeValue: z.object({
    model: z.string(),
    clv: z.number().nullable(),
    pAlive: z.number().nullable(),
    expectedTransactions: z.number().nullable(),
    horizonWeeks: z.number(),
  }),
  strategy: z.object({
    goals: z.array(localizedSchema),
    commonItems: z.array(localizedSchema),
    personalItems: z.array(localizedSchema),
    visitFrequency: z.enum(VISIT_FREQUENCIES),
  }),
});
export type CustomerEvaluation = z.infer<typeof customerEvaluationSchema>;

export const customerHistoryEntrySchema = z.object({
  run: runReferenceSchema,
  valueCell: z.enum(VALUE_CELLS),
  serviceClass: z.string(),
  serviceClassName: localizedSchema,
  compositeScore: z.number(),
  rank: z.number().int(),
  customers: z.number().int(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  churnRisk: z.enum(CHURN_RISKS),
});
export type CustomerHistoryEntry = z.infer<typeof customerHistoryEntrySchema>;

export const customerDetailSchema = z.object({
  customer: customerArchiveSchema,
  /** The customer's result in the run asked for (the latest by default); null when that run did not evaluate it. */
  evaluation: customerEvaluationSchema.nullable(),
  /** Every run that evaluated the customer, oldest first. */
  history: z.array(customerHistoryEntrySchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const warningQuerySchema = z.object({
  run: z.string().min(1).max(100).optional(),
  /** This churn risk level or worse: `high`, `medium` (high and medium, the default) or `low` (all). */
  level: z.enum(CHURN_RISKS).default('medium'),
  manager: text,
  /** Customers already in the termination stage have gone; they are listed only with `terminated=true`. */
  terminated: z.enum(['true', 'false']).default('false'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type WarningQuery = z.output<typeof warningQuerySchema>;

export const warningSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  managerId: z.string().nullable(),
  district: z.string().nullable(),
  route: z.string().nullable(),
  valueCell: z.enum(VALUE_CELLS),
  serviceClass: z.string(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  churnScore: z.number(),
  churnRisk: z.enum(CHURN_RISKS),
  reasons: z.array(z.string()),
  weeksSinceOrder: z.number().nullable(),
  missedCycles: z.number().nullable(),
  volumeChange: z.number().nullable(),
});
export type Warning = z.infer<typeof warningSchema>;

export const warningListSchema = z.object({
  items: z.array(warningSchema),
  total: z.number().int(),
  run: runReferenceSchema.nullable(),
});
export type WarningList = z.infer<typeof warningListSchema>;

/** A run's service strategies with how many of the user's customers each applies to. */
export const strategyOverviewSchema = z.object({
  run: runReferenceSchema.nullable(),
  commonItems: z.array(localizedSchema),
  classes: z.array(
    z.object({
      code: z.string(),
      name: localizedSchema,
      goal: localizedSchema.nullable(),
      personalItems: z.array(localizedSchema),
      visitFrequency: z.enum(VISIT_FREQUENCIES),
      customers: z.number().int(),
    }),
  ),
  cells: z.array(z.object({ cell: z.enum(VALUE_CELLS), goal: localizedSchema.nullable(), items: z.array(localizedSchema), customers: z.number().int() })),
  lifecycle: z.array(
    z.object({ stage: z.enum(LIFECYCLE_STAGES), strategy: localizedSchema.nullable(), items: z.array(localizedSchema), customers: z.number().int() }),
  ),
});
export type StrategyOverview = z.infer<typeof strategyOverviewSchema>;

const customerIdParams = z.object({ customerId: z.string().min(1).max(100) });
const runQuery = z.object({ run: z.string().min(1).max(100).optional() });
const scopeNote = 'Lists only the customers in the caller’s scope (a district head’s district, a manager’s own customers).';

export const customerRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/customers',
    summary: `Customers of a run with their values and classes, filtered, searched, sorted and paged. ${scopeNote}`,
    tag: 'customers',
    query: customerListQuerySchema,
    response: customerListSchema,
    errors: { 404: 'no such run' },
  }),
  facets: defineRoute({
    method: 'GET',
    path: '/api/customers/facets',
    summary: 'The districts, routes, managers, service classes and runs a customer list can be filtered by, within the caller’s scope',
    tag: 'customers',
    query: runQuery,
    response: customerFacetsSchema,
    errors: { 404: 'no such run' },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/api/customers/export',
    summary: `The filtered customer list as an Excel workbook (streamed; audited). ${scopeNote}`,
    tag: 'customers',
    query: customerFilterSchema.extend({ headers: z.enum(['zh', 'en']).default('zh') }),
    response: fileResponseSchema,
    download: { mediaTypes: [XLSX_MEDIA_TYPE] },
    errors: { 404: 'no such run' },
  }),
  strategies: defineRoute({
    method: 'GET',
    path: '/api/customers/strategies',
    summary: 'The service strategies of a run (common items, per class, cell and lifecycle stage) with how many of the caller’s customers each applies to',
    tag: 'customers',
    query: runQuery,
    response: strategyOverviewSchema,
    errors: { 404: 'no such run' },
  }),
  detail: defineRoute({
    method: 'GET',
    path: '/api/customers/:customerId',
    summary: 'One customer: archive, explanation of its result (indicators, dimensions, class, lifecycle, churn warning, lifetime value, strategy) and its history across runs',
    tag: 'customers',
    params: customerIdParams,
    query: runQuery,
    response: customerDetailSchema,
    errors: { 404: 'no such customer in the caller’s scope, or no such run' },
  }),
};

export const warningRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/warnings',
    summary: `Churn warnings of a run, worst first. ${scopeNote}`,
    tag: 'customers',
    query: warningQuerySchema,
    response: warningListSchema,
    errors: { 404: 'no such run' },
  }),
};
