import type { Dialect } from '../db/dialect.js';
import type { EvaluationWindow } from './period.js';
import { dayNumber, isoFromDay } from './period.js';
import { literal } from './compile-scores.js';
import { skuCountAggregate } from '../orders/order-summary.js';

const date = (iso: string): string => `DATE '${iso}'`;

/** Weeks of order history the lifecycle, churn and lifetime-value figures look back on. */
export const LOOKBACK_WEEKS = 52;

/** The fixed dates and expressions every piece of the measures SQL shares. */
interface Context {
  readonly dialect: Dialect;
  readonly window: EvaluationWindow;
  readonly start: string;
  readonly end: string;
  readonly yearAgo: string;
  /** The customer's discounted lifetime value (the lifetime-value step's SQL). */
  readonly clv: string;
}

type OrderAggregate =
  | 'qty'
  | 'amount'
  | 'gross_profit'
  | 'qty_prev'
  | 'amount_prev'
  | 'qty_class12'
  | 'qty_limited'
  | 'qty_limit'
  | 'qty_demand'
  | 'qty_with_demand'
  | 'weekly_trend'
  | 'last_order_date'
  | 'order_count'
  | 'sku_count'
  | 'buckets';
type DistinctAggregate = 'qty_new_product' | 'new_skus_ordered';
type SideTable = 'displays' | 'new_products' | 'feedback' | 'promotions' | 'credit' | 'assessments' | 'surveys';

/** A side table a measure reads, and the column of its per-customer aggregate (none for the new products' count). */
interface SideNeed {
  readonly table: SideTable;
  readonly column?: string;
}

/** How the engine computes one measure: its expression and what it needs. */
interface MeasureSql {
  readonly expression: (context: Context) => string;
  readonly orders?: readonly OrderAggregate[];
  readonly distinct?: readonly DistinctAggregate[];
  readonly side?: readonly SideNeed[];
}

/** The aliases of the side tables' aggregates (their columns reach the measures as `sd.<alias>_<column>`). */
const SIDE_ALIAS: Readonly<Record<Exclude<SideTable, 'new_products'>, string>> = {
  displays: 'd',
  feedback: 'f',
  promotions: 'pr',
  credit: 'ce',
  assessments: 'a',
  surveys: 's',
};

/** A measure that is one column of a side table's aggregate, as it is or through `wrap`. */
function fromSide(table: Exclude<SideTable, 'new_products'>, column: string, wrap: (value: string) => string = (value) => value): MeasureSql {
  return { expression: () => wrap(sideColumn(SIDE_ALIAS[table], column)), side: [{ table, column }] };
}
const zeroIfAbsent = (value: string): string => `coalesce(${value}, 0)`;

const weekly = `c.order_cycle = 'weekly'`;

/** Whole weeks of the window on or after the licence date. */
function eligibleWeeks(context: Context): string {
  const weeks = context.window.weeks;
  const fromStart = context.dialect.daysBetween('c.license_date', context.start);
  return `(CASE WHEN c.license_date IS NULL OR c.license_date <= ${context.start} THEN ${weeks}
      WHEN c.license_date > ${context.end} THEN 0
      ELSE ${weeks} - ${context.dialect.intDiv(`${fromStart} + 6`, '7')} END)`;
}

function eligibleCycles(context: Context): string {
  return `(CASE WHEN ${weekly} THEN ${eligibleWeeks(context)} ELSE ${context.dialect.intDiv(`${eligibleWeeks(context)} + 1`, '2')} END)`;
}

/** The cycle statistics of the order aggregate for the customer's own cycle: weekly or biweekly. */
const byCycle = (weeklyColumn: string, biweeklyColumn: string): string =>
  `(CASE WHEN ${weekly} THEN coalesce(o.${weeklyColumn}, 0) ELSE coalesce(o.${biweeklyColumn}, 0) END)`;

const zeroIfNull = (column: string): ((context: Context) => string) => () => `coalesce(o.${column}, 0)`;

/**
 * A per-customer aggregate of a small fact table (feedback, promotions …):
 * its alias, the columns it gives, and a query with one row per customer_id.
 */
export interface SideAggregate {
  readonly alias: string;
  readonly columns: readonly string[];
  readonly sql: string;
}

/** The side aggregates reach the measures as one row per customer (`sd`), column `<alias>_<column>`. */
export const sideColumn = (alias: string, column: string): string => `sd.${alias}_${column}`;

/**
 * Joins the side aggregates to the customers in one join: their rows are
 * stacked and folded to one row per customer (each aggregate has at most one
 * row per customer, so max() takes its value). A join per aggregate would
 * carry every customer's growing row through each of them.
 */
function sideJoin(aggregates: readonly SideAggregate[]): string | undefined {
  if (aggregates.length === 0) return undefined;
  const all = aggregates.flatMap((aggregate) => aggregate.columns.map((column) => ({ alias: aggregate.alias, column, name: `${aggregate.alias}_${column}` })));
  const branches = aggregates.map(
    (aggregate) =>
      `SELECT customer_id, ${all.map((item) => (item.alias === aggregate.alias ? `${item.alias}.${item.column}` : 'NULL') + ` AS ${item.name}`).join(', ')}
      FROM (${aggregate.sql}) ${aggregate.alias}`,
  );
  return `LEFT JOIN (
      SELECT customer_id, ${all.map((item) => `max(${item.name}) AS ${item.name}`).join(', ')}
      FROM (${branches.join('\n      UNION ALL ')}) stacked
      GROUP BY customer_id) sd ON sd.customer_id = c.customer_id`;
}

/** Every measure of the core's catalog (indicators/measures.ts), as SQL over the per-customer aggregates. */
const MEASURE_SQL: Readonly<Record<string, MeasureSql>> = {
  qty: { expression: zeroIfNull('qty'), orders: ['qty'] },
  amount: { expression: zeroIfNull('amount'), orders: ['amount'] },
  gross_profit: { expression: zeroIfNull('gross_profit'), orders: ['gross_profit'] },
  qty_prev: { expression: zeroIfNull('qty_prev'), orders: ['qty_prev'] },
  amount_prev: { expression: zeroIfNull('amount_prev'), orders: ['amount_prev'] },
  qty_class12: { expression: zeroIfNull('qty_class12'), orders: ['qty_class12'] },
  qty_new_product: { expression: () => 'coalesce(od.qty_new_product, 0)', distinct: ['qty_new_product'] },
  qty_limited: { expression: () => 'o.qty_limited', orders: ['qty_limited'] },
  qty_limit: { expression: () => 'o.qty_limit', orders: ['qty_limit'] },
  qty_demand: { expression: () => 'o.qty_demand', orders: ['qty_demand'] },
  qty_with_demand: { expression: () => 'o.qty_with_demand', orders: ['qty_with_demand'] },
  order_count: { expression: zeroIfNull('order_count'), orders: ['order_count'] },
  sku_count: { expression: zeroIfNull('sku_count'), orders: ['sku_count'] },
  new_skus_ordered: { expression: () => 'coalesce(od.new_skus_ordered, 0)', distinct: ['new_skus_ordered'] },
  weeks: { expression: (context) => `${context.window.weeks}.0` },
  weekly_trend: { expression: zeroIfNull('weekly_trend'), orders: ['weekly_trend'] },
  order_cycles: { expression: () => byCycle('cycles_ordered_1', 'cycles_ordered_2'), orders: ['buckets'] },
  eligible_cycles: { expression: eligibleCycles },
  cycle_volume_mean: { expression: (context) => `coalesce(o.qty, 0) / NULLIF(${eligibleCycles(context)}, 0)`, orders: ['qty'] },
  // Σ v² over all cycles equals Σ v² over the eligible ones (cycles before the licence have no volume).
  cycle_volume_sd: {
    expression: (context) =>
      `sqrt(greatest(0, ${byCycle('cycle_volume_sq_1', 'cycle_volume_sq_2')} / NULLIF(${eligibleCycles(context)}, 0)
        - power(coalesce(o.qty, 0) / NULLIF(${eligibleCycles(context)}, 0), 2)))`,
    orders: ['qty', 'buckets'],
  },
  cycles_since_order: {
    expression: (context) =>
      context.dialect.intDiv(
        context.dialect.daysBetween(context.end, `coalesce(o.last_order_date, ${date(context.window.previousStart)} - 1)`),
        `(CASE WHEN ${weekly} THEN 7 ELSE 14 END)`,
      ),
    orders: ['last_order_date'],
  },
  new_products_available: { expression: () => 'np.available', side: [{ table: 'new_products' }] },
  new_products_displayed: fromSide('displays', 'displayed', zeroIfAbsent),
  feedback_due: fromSide('feedback', 'due'),
  feedback_on_time: fromSide('feedback', 'on_time'),
  feedback_submitted: fromSide('feedback', 'submitted'),
  feedback_accurate: fromSide('feedback', 'accurate'),
  promotions_invited: fromSide('promotions', 'invited'),
  promotions_joined: fromSide('promotions', 'joined'),
  promotions_executed: fromSide('promotions', 'executed'),
  credit_grade_score: {
    expression: () => `CASE c.credit_grade WHEN 'AAA' THEN 100 WHEN 'AA' THEN 90 WHEN 'A' THEN 80 WHEN 'B' THEN 60 WHEN 'C' THEN 40 WHEN 'D' THEN 20 END`,
  },
  violations: fromSide('credit', 'violations', zeroIfAbsent),
  defaults: fromSide('credit', 'defaults', zeroIfAbsent),
  credit_points: fromSide('credit', 'points', zeroIfAbsent),
  trade_area_level: { expression: () => `CASE c.trade_area WHEN 'core' THEN 100 WHEN 'secondary' THEN 70 WHEN 'ordinary' THEN 40 END` },
  modern_terminal: { expression: () => `CASE WHEN c.terminal_type = 'modern' THEN 100 ELSE 0 END` },
  business_area: { expression: () => 'c.business_area' },
  tenure_years: { expression: (context) => `${context.dialect.daysBetween(context.end, 'c.license_date')} / 365.25` },
  social_influence: fromSide('assessments', 'social_influence'),
  trade_area_maturity: fromSide('assessments', 'trade_area_maturity'),
  operating_skill: fromSide('assessments', 'operating_skill'),
  satisfaction: fromSide('surveys', 'satisfaction'),
  clv: { expression: (context) => `coalesce(${context.clv}, 0)` },
};

/** The measure codes the engine can compute (a test checks they match the core's catalog). */
export const ENGINE_MEASURES: readonly string[] = Object.keys(MEASURE_SQL);

function needs(measures: readonly string[]): { orders: Set<OrderAggregate>; distinct: Set<DistinctAggregate>; side: Map<SideTable, Set<string>> } {
  const orders = new Set<OrderAggregate>();
  const distinct = new Set<DistinctAggregate>();
  const side = new Map<SideTable, Set<string>>();
  for (const code of measures) {
    const found = MEASURE_SQL[code];
    if (found === undefined) throw new Error(`no SQL for measure ${code}`);
    found.orders?.forEach((item) => orders.add(item));
    found.distinct?.forEach((item) => distinct.add(item));
    for (const item of found.side ?? []) {
      const columns = side.get(item.table) ?? new Set<string>();
      if (item.column !== undefined) columns.add(item.column);
      side.set(item.table, columns);
    }
  }
  return { orders, distinct, side };
}

function context(dialect: Dialect, window: EvaluationWindow, clv = 'NULL'): Context {
  return { dialect, window, start: date(window.start), end: date(window.asOf), yearAgo: date(isoFromDay(dayNumber(window.asOf) - 365)), clv };
}

/** A sum of an order-line quantity over a range of weeks counted back from the as-of date ([from, to)). */
interface RangeSum {
  readonly name: string;
  readonly value: 'qty' | 'amount' | 'gross_profit';
  readonly from: number;
  readonly to: number;
}

/** How each final column of the order aggregate is assembled from the passes. */
type OrderColumn =
  | { readonly kind: 'range'; readonly sum: RangeSum }
  | { readonly kind: 'recent'; readonly name: string; readonly aggregate: string; readonly scaled: boolean }
  | { readonly kind: 'mask' | 'first' | 'last'; readonly name: string }
  | { readonly kind: 'cycles'; readonly weeks: number };

/**
 * The order summary (order_days) counts quantities and money in whole units
 * of 10⁻⁴, so its sums are whole numbers that add exactly in any order:
 * floating-point sums in parallel threads would differ in the last bit from
 * run to run, enough to move a ratio's 6th decimal, and a run must give the
 * same result for the same data. The merge divides by {@link EXACT_SCALE}.
 */
const EXACT_SCALE = '1e4';
const unscaled = (sum: string): string => `(${sum} / ${EXACT_SCALE})`;

/** The temporary tables the passes may create (at most four segments of weeks). */
export const ORDER_PASS_TABLES: readonly string[] = ['eval_orders_0', 'eval_orders_1', 'eval_orders_2', 'eval_orders_3', 'eval_cycle_buckets'];

/**
 * The statements that build `eval_orders`: one pass per segment of weeks (the
 * first is the window), then their merge, then — when `pending` counts any
 * customer — the patch of the cycle statistics the merge could not give.
 */
export interface OrderPasses {
  readonly passes: readonly { readonly table: string; readonly sql: string }[];
  readonly merge: string;
  readonly cycleFix?: { readonly pending: string; readonly statements: readonly string[] };
}

/** Cycles with volume and Σ volume² for cycles of one and of two weeks, from the window's weekly volumes (the first week first). */
function bucketStatistics(buckets: readonly string[]): string[] {
  const statistics = (cycleWeeks: number): string[] => {
    const volumes: string[] = [];
    for (let first = 0; first < buckets.length; first += cycleWeeks) volumes.push(`(${buckets.slice(first, first + cycleWeeks).join(' + ')})`);
    return [
      `${volumes.map((volume) => `(CASE WHEN ${volume} > 0 THEN 1 ELSE 0 END)`).join(' + ')} AS cycles_ordered_${cycleWeeks}`,
      `(${volumes.map((volume) => `${volume} * ${volume}`).join(' + ')}) / ${EXACT_SCALE} / ${EXACT_SCALE} AS cycle_volume_sq_${cycleWeeks}`,
    ];
  };
  return [...statistics(1), ...statistics(2)];
}

/** A mask of the weeks (counted back) that begin a two-week cycle; the cycles start at the window's first week. */
function cycleStarts(weeks: number): string {
  let mask = 0n;
  for (let back = weeks - 1; back >= 0; back -= 2) mask |= 1n << BigInt(back);
  return `CAST(${mask} AS UBIGINT)`;
}

/**
 * The per-customer order aggregate for the measures a plan needs, in passes
 * that each read a disjoint segment of weeks of the order summary
 * (order_days: a row per customer and order day) once: the
 * evaluation window (every window-only measure, the weekly buckets), the
 * previous window, and the weeks before it back to the 52-week lookback.
 * Ranges are cut at those segments, so most sums need no filter; each pass
 * keeps only the aggregates its weeks can contribute to, and a sum asked for
 * twice (the window volume is also the lifecycle's recent volume) is
 * computed once. Weeks are counted back from the as-of
 * date (`back`, never negative), so a week never straddles the window's
 * start. The passes group by the customer's integer key; the merge names the
 * customer. `skuBits` is the capacity of the summary's SKU sets
 * (order_summary_state.sku_bits): the lanes the SKU count reads.
 */
export function orderPassesSql(dialect: Dialect, window: EvaluationWindow, measures: readonly string[], cycles: number, skuBits: number): OrderPasses {
  const { orders } = needs(measures);
  const { end } = context(dialect, window);
  const weeks = window.weeks;
  const centre = (weeks - 1) / 2;
  const spread = (weeks * (weeks * weeks - 1)) / 12;
  const range = (name: string, value: RangeSum['value'], from: number, to: number): OrderColumn => ({ kind: 'range', sum: { name, value, from, to } });
  const recent = (name: string, aggregate: string, scaled = true): OrderColumn => ({ kind: 'recent', name, aggregate, scaled });
  const columns: Record<OrderAggregate, OrderColumn[]> = {
    qty: [range('qty', 'qty', 0, weeks)],
    amount: [range('amount', 'amount', 0, weeks)],
    gross_profit: [range('gross_profit', 'gross_profit', 0, weeks)],
    qty_prev: [range('qty_prev', 'qty', weeks, 2 * weeks)],
    amount_prev: [range('amount_prev', 'amount', weeks, 2 * weeks)],
    qty_class12: [recent('qty_class12', 'sum(o.qty_class12)')],
    qty_limited: [recent('qty_limited', 'sum(o.qty_limited)')],
    qty_limit: [recent('qty_limit', 'sum(o.qty_limit)')],
    qty_demand: [recent('qty_demand', 'sum(o.qty_demand)')],
    qty_with_demand: [recent('qty_with_demand', 'sum(o.qty_with_demand)')],
    // Least-squares slope of weekly volume on week number w = weeks − 1 − back: Σ q·(w − w̄) / Σ(w − w̄)²,
    // with w̄ doubled so the sum stays in whole numbers.
    weekly_trend: [recent('weekly_trend', `sum(o.qty * (${2 * centre} - 2 * o.back)) / ${literal(2 * spread)}`)],
    last_order_date: [{ kind: 'last', name: 'last_order_date' }],
    // An order number is one order on one day: the days' counts add up to the window's.
    order_count: [recent('order_count', 'sum(o.orders)', false)],
    sku_count: [recent('sku_count', skuCountAggregate(skuBits, 'o'), false)],
    buckets: [{ kind: 'cycles', weeks }],
  };
  // The lifecycle, churn and lifetime-value figures: a mask of the weeks with an order (bit k = k
  // weeks before the as-of date), volumes of the recent and earlier cycles for weekly (1-week) and
  // biweekly (2-week) cycles, and the last 52 weeks' amount, gross profit and first order.
  const lifecycle: OrderColumn[] = [
    { kind: 'mask', name: 'week_mask' },
    range('lc_recent_1', 'qty', 0, cycles),
    range('lc_previous_1', 'qty', cycles, 2 * cycles),
    range('lc_recent_2', 'qty', 0, 2 * cycles),
    range('lc_previous_2', 'qty', 2 * cycles, 4 * cycles),
    range('year_amount', 'amount', 0, LOOKBACK_WEEKS),
    range('year_gross_profit', 'gross_profit', 0, LOOKBACK_WEEKS),
    { kind: 'first', name: 'first_order_date' },
  ];
  const wanted = [...[...orders].sort().flatMap((item) => columns[item]), ...lifecycle];

  // Segments of weeks back from the as-of date, cut at the window, the previous window and the
  // lookback; back < maxBack covers the scan from its first day to the as-of date.
  const scanFrom = Math.min(dayNumber(window.previousStart), dayNumber(window.asOf) - 7 * LOOKBACK_WEEKS + 1);
  const maxBack = Math.round((dayNumber(window.asOf) - scanFrom + 1) / 7);
  // The window stays whole: the lookback cuts only weeks before it.
  const cuts = [...new Set([0, weeks, 2 * weeks, maxBack, ...(LOOKBACK_WEEKS > weeks ? [LOOKBACK_WEEKS] : [])])].sort((left, right) => left - right);
  const dayBack = (weeksBack: number): string => date(isoFromDay(dayNumber(window.asOf) - 7 * weeksBack));
  const passes = cuts.slice(0, -1).map((from, index) => {
    const to = cuts[index + 1] as number;
    return { alias: `s${index}`, table: `eval_orders_${index}`, from, to, dates: `${date(isoFromDay(dayNumber(window.asOf) - 7 * to + 1))} AND ${dayBack(from)}` };
  });
  type Pass = (typeof passes)[number];
  const filter = (conditions: readonly string[]): string => (conditions.length === 0 ? '' : ` FILTER (WHERE ${conditions.join(' AND ')})`);
  const within = (pass: Pass, from: number, to: number): string[] => [
    ...(from > pass.from ? [`o.back >= ${from}`] : []),
    ...(to < pass.to ? [`o.back < ${to}`] : []),
  ];
  // The aggregates of each pass by name; an aggregate asked for twice is computed once.
  const pieces = passes.map(() => new Map<string, string>());
  const addPiece = (passIndex: number, name: string, sql: string): string => {
    const aggregates = pieces[passIndex] as Map<string, string>;
    const found = [...aggregates].find(([, entry]) => entry === sql);
    if (found !== undefined) return found[0];
    aggregates.set(name, sql);
    return name;
  };
  // The piece of a final column a pass computes, or undefined when its weeks cannot contribute.
  const piece = (column: Exclude<OrderColumn, { kind: 'cycles' }>, passIndex: number): string | undefined => {
    const pass = passes[passIndex] as Pass;
    switch (column.kind) {
      case 'range': {
        const from = Math.max(column.sum.from, pass.from);
        const to = Math.min(column.sum.to, pass.to);
        if (from >= to) return undefined;
        return addPiece(passIndex, column.sum.name, `sum(o.${column.sum.value})${filter(within(pass, from, to))}`);
      }
      case 'recent':
        return passIndex === 0 ? addPiece(passIndex, column.name, column.aggregate) : undefined;
      case 'mask':
        return addPiece(passIndex, column.name, `${dialect.bitOrAggregate(dialect.bitAt('o.back'))}${filter(within(pass, pass.from, LOOKBACK_WEEKS))}`);
      case 'first':
        return addPiece(passIndex, column.name, `min(o.order_date)${filter(within(pass, pass.from, LOOKBACK_WEEKS))}`);
      case 'last':
        return addPiece(passIndex, column.name, `max(o.order_date)${filter(within(pass, pass.from, 2 * weeks))}`);
    }
  };
  // The cycle statistics of the window for cycles of one and of two weeks: cycles with volume and
  // Σ volume². When each of a customer's cycles holds at most one order day, a cycle's volume is
  // its day's, and both come from the days directly (count, Σ q²); the weekly mask tells whether
  // that is so. Otherwise the statistic is left NULL here and the patch sums weekly buckets for
  // those customers alone (a second order in a week is rare; a pass of 13 filtered sums for
  // every customer is not cheap).
  const cycleStatistics = (): string[] => {
    const alias = (passes[0] as Pass).alias;
    const days = `${alias}.${addPiece(0, 'cycle_days', 'count(*)')}`;
    const ordered = `${alias}.${addPiece(0, 'cycle_days_ordered', 'count(*) FILTER (WHERE o.qty > 0)')}`;
    const squares = `${alias}.${addPiece(0, 'cycle_day_squares', `sum(${dialect.exactSquare('o.qty')})`)}`;
    const mask = `${alias}.${addPiece(0, 'cycle_mask', dialect.bitOrAggregate(dialect.bitAt('o.back')))}`;
    const single = (cycleWeeks: number): string =>
      cycleWeeks === 1 ? `${days} = ${dialect.bitCount(mask)}` : `${days} = ${dialect.bitCount(`((${mask} | (${mask} << 1)) & ${cycleStarts(weeks)})`)}`;
    return [
      `${days} AS cycle_days`,
      ...[1, 2].flatMap((cycleWeeks) => [
        `(CASE WHEN ${single(cycleWeeks)} THEN ${ordered} END) AS cycles_ordered_${cycleWeeks}`,
        `(CASE WHEN ${single(cycleWeeks)} THEN ${squares} / ${EXACT_SCALE} / ${EXACT_SCALE} END) AS cycle_volume_sq_${cycleWeeks}`,
      ]),
    ];
  };
  const allNull = (found: readonly string[]): string => found.map((item) => `${item} IS NULL`).join(' AND ');
  const assembled = wanted.flatMap((column) => {
    if (column.kind === 'cycles') return cycleStatistics();
    const name = column.kind === 'range' ? column.sum.name : column.name;
    const found = passes.flatMap((pass, index) => {
      const aggregate = piece(column, index);
      return aggregate === undefined ? [] : [`${pass.alias}.${aggregate}`];
    });
    if (found.length === 0) return `NULL AS ${name}`;
    // Exact sums come back in their own units.
    const sum = (sql: string): string => (column.kind === 'range' || (column.kind === 'recent' && column.scaled) ? unscaled(sql) : sql);
    if (found.length === 1) return `${sum(found[0] as string)} AS ${name}`;
    switch (column.kind) {
      case 'mask':
        return `(CASE WHEN ${allNull(found)} THEN NULL ELSE ${found.map((item) => `coalesce(${item}, CAST(0 AS UBIGINT))`).join(' | ')} END) AS ${name}`;
      case 'first':
        return `least(${found.join(', ')}) AS ${name}`;
      case 'last':
        return `greatest(${found.join(', ')}) AS ${name}`;
      default:
        return `${sum(`(CASE WHEN ${allNull(found)} THEN NULL ELSE ${found.map((item) => `coalesce(${item}, 0)`).join(' + ')} END)`)} AS ${name}`;
    }
  });
  const back = dialect.intDiv(dialect.daysBetween(end, 'o.order_date'), '7');
  const passSql = (index: number): string => {
    const pass = passes[index] as Pass;
    const entries = [...(pieces[index] as Map<string, string>)];
    return `
    SELECT o.customer_key${entries.map(([name, sql]) => `,\n      ${sql} AS ${name}`).join('')}
    FROM (SELECT o.*, ${back} AS back FROM order_days o WHERE o.order_date BETWEEN ${pass.dates}) o
    GROUP BY o.customer_key`;
  };
  const keys: string[] = [];
  const joins = passes.map((pass, index) => {
    const joined = index === 0 ? `${pass.table} ${pass.alias}` : `FULL OUTER JOIN ${pass.table} ${pass.alias} ON ${pass.alias}.customer_key = ${keys.length === 1 ? keys[0] : `coalesce(${keys.join(', ')})`}`;
    keys.push(`${pass.alias}.customer_key`);
    return joined;
  });
  // Customers whose own cycle's statistic the merge left open (see cycleStatistics), and their patch
  // from weekly buckets. A second day in a week leaves both lengths open; a second day in a two-week
  // cycle only the biweekly one, which only biweekly orderers read (the customers are looked up for
  // those few rows alone).
  const open = `e.cycle_days IS NOT NULL AND (e.cycles_ordered_1 IS NULL
      OR (e.cycles_ordered_2 IS NULL AND e.customer_id IN (SELECT c.customer_id FROM customers c WHERE NOT ${weekly})))`;
  const windowPass = passes[0] as Pass;
  const buckets = Array.from({ length: weeks }, (_, index) => `sum(o.qty) FILTER (WHERE o.back = ${weeks - 1 - index}) AS w${index}`);
  const cycleFix = orders.has('buckets')
    ? {
        pending: `SELECT count(*) AS n FROM eval_orders e WHERE ${open}`,
        statements: [
          `CREATE OR REPLACE TEMP TABLE eval_cycle_buckets AS
    SELECT o.customer_key, ${buckets.join(', ')}
    FROM (SELECT o.*, ${back} AS back FROM order_days o WHERE o.order_date BETWEEN ${windowPass.dates}) o
    WHERE o.customer_key IN (
      SELECT k.customer_key FROM eval_orders e JOIN customer_keys k ON k.customer_id = e.customer_id WHERE ${open})
    GROUP BY o.customer_key`,
          `UPDATE eval_orders SET cycles_ordered_1 = f.cycles_ordered_1, cycle_volume_sq_1 = f.cycle_volume_sq_1,
      cycles_ordered_2 = f.cycles_ordered_2, cycle_volume_sq_2 = f.cycle_volume_sq_2
    FROM (SELECT k.customer_id, ${bucketStatistics(buckets.map((_, index) => `coalesce(b.w${index}, 0)`)).join(', ')}
      FROM eval_cycle_buckets b JOIN customer_keys k ON k.customer_key = b.customer_key) f
    WHERE eval_orders.customer_id = f.customer_id`,
          'DROP TABLE eval_cycle_buckets',
        ],
      }
    : undefined;
  return {
    ...(cycleFix === undefined ? {} : { cycleFix }),
    passes: passes.map((pass, index) => ({ table: pass.table, sql: passSql(index) })),
    merge: `
    SELECT k.customer_id,
      ${assembled.join(',\n      ')}
    FROM ${joins.join('\n      ')}
      JOIN customer_keys k ON k.customer_key = ${keys.length === 1 ? keys[0] : `coalesce(${keys.join(', ')})`}`,
  };
}

/**
 * New-product figures per customer over the evaluation window: products
 * launched in the 365 days before the as-of date. Read from the summary's
 * lines of products that were new when ordered (order_new_lines), a small
 * share of all lines.
 */
export function orderDistinctSql(dialect: Dialect, window: EvaluationWindow, measures: readonly string[]): string | undefined {
  const { distinct } = needs(measures);
  if (distinct.size === 0) return undefined;
  const { start, end, yearAgo } = context(dialect, window);
  const pieces: Record<DistinctAggregate, string> = {
    qty_new_product: `${unscaled('sum(n.qty)')} AS qty_new_product`,
    new_skus_ordered: 'count(DISTINCT n.sku_key) AS new_skus_ordered',
  };
  return `
    SELECT k.customer_id, ${[...distinct].sort().map((item) => pieces[item]).join(', ')}
    FROM order_new_lines n JOIN customer_keys k ON k.customer_key = n.customer_key
    WHERE n.order_date BETWEEN ${start} AND ${end} AND n.launch_date > ${yearAgo}
    GROUP BY k.customer_id`;
}

/** Every side table but the new products (a single count, cross-joined) has one aggregate row per customer. */
const stacks = (entry: [SideTable, Set<string>]): entry is [Exclude<SideTable, 'new_products'>, Set<string>] => entry[0] !== 'new_products';

/**
 * The aggregate of one small fact table over the window (or the year before
 * the as-of date), with only the `wanted` columns: every column is one more
 * aggregate over the table's rows and one more in the fold of the stacked
 * aggregates. Manual assessments are read for the wanted indicators only.
 */
function sideAggregate(table: Exclude<SideTable, 'new_products'>, wanted: ReadonlySet<string>, { start, end, yearAgo }: Context): SideAggregate {
  const alias = SIDE_ALIAS[table];
  const pick = (all: Readonly<Record<string, string>>): { columns: string[]; selects: string } => {
    const columns = Object.keys(all).filter((column) => wanted.has(column));
    return { columns, selects: columns.map((column) => `${all[column] as string} AS ${column}`).join(',\n        ') };
  };
  // The wanted aggregates of `from`'s rows that pass `where`, per customer.
  const perCustomer = (from: string, where: string, all: Readonly<Record<string, string>>): SideAggregate => {
    const { columns, selects } = pick(all);
    return { alias, columns, sql: `SELECT customer_id, ${selects}\n      FROM ${from} WHERE ${where} GROUP BY customer_id` };
  };
  switch (table) {
    case 'displays': {
      const { columns, selects } = pick({ displayed: 'count(DISTINCT d.sku)' });
      return {
        alias,
        columns,
        sql: `SELECT d.customer_id, ${selects}
      FROM displays d JOIN products p ON p.sku = d.sku
      WHERE p.launch_date > ${yearAgo} AND p.launch_date <= ${end} AND d.start_date <= ${end} AND (d.end_date IS NULL OR d.end_date >= ${start})
      GROUP BY d.customer_id`,
      };
    }
    case 'feedback':
      return perCustomer('feedback', `due_date BETWEEN ${start} AND ${end}`, {
        due: 'count(*)',
        on_time: 'count(*) FILTER (WHERE submitted_date <= due_date)',
        submitted: 'count(submitted_date)',
        accurate: 'count(*) FILTER (WHERE submitted_date IS NOT NULL AND accurate)',
      });
    case 'promotions':
      return perCustomer('promotions', `activity_date BETWEEN ${start} AND ${end}`, {
        invited: 'count(*) FILTER (WHERE invited)',
        joined: 'count(*) FILTER (WHERE joined)',
        executed: 'count(*) FILTER (WHERE executed)',
      });
    case 'credit':
      return perCustomer('credit_events', `event_date > ${yearAgo} AND event_date <= ${end}`, {
        violations: `count(*) FILTER (WHERE category IN ('violation_law', 'violation_rule'))`,
        defaults: `count(*) FILTER (WHERE category = 'default')`,
        points: 'sum(points)',
      });
    case 'assessments': {
      const indicators = ['social_influence', 'trade_area_maturity', 'operating_skill'].filter((indicator) => wanted.has(indicator));
      return perCustomer(
        'assessments',
        `period = $1 AND indicator IN (${indicators.map((indicator) => `'${indicator}'`).join(', ')})`,
        Object.fromEntries(indicators.map((indicator) => [indicator, `max(score) FILTER (WHERE indicator = '${indicator}')`])),
      );
    }
    case 'surveys':
      return perCustomer('survey_responses', `response_date > ${yearAgo} AND response_date <= ${end}`, { satisfaction: 'avg(score)' });
  }
}

/**
 * One row per evaluated customer with the measures the plan needs. Customers
 * are evaluated when their licence was issued by the as-of date and they were
 * not cancelled or closed before the window began. `$1` is the period (for
 * manual assessments).
 */
export function measuresSql(
  dialect: Dialect,
  window: EvaluationWindow,
  measures: readonly string[],
  tables: { readonly distinct: boolean },
  extraColumns: readonly string[],
  extra: { readonly side: readonly SideAggregate[]; readonly joins: readonly string[]; readonly clv: string },
): string {
  const shared = context(dialect, window, extra.clv);
  const { side } = needs(measures);
  const columns = [...measures.map((code) => `${(MEASURE_SQL[code] as MeasureSql).expression(shared)} AS ${code}`), ...extraColumns];
  const aggregates = [
    ...[...side]
      .filter(stacks)
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([table, columns]) => sideAggregate(table, columns, shared)),
    ...extra.side,
  ];
  const stacked = sideJoin(aggregates);
  const joins = [
    'LEFT JOIN eval_orders o ON o.customer_id = c.customer_id',
    ...(stacked === undefined ? [] : [stacked]),
    ...(side.has('new_products') ? [`CROSS JOIN (SELECT count(*) AS available FROM products WHERE launch_date > ${shared.yearAgo} AND launch_date <= ${shared.end}) np`] : []),
    ...extra.joins,
  ];
  if (tables.distinct) joins.unshift('LEFT JOIN eval_order_distinct od ON od.customer_id = c.customer_id');
  // `$1` must appear in the statement even when no assessment is needed, so the bound period is always used.
  return `
    SELECT c.customer_id, c.market, c.format, c.credit_grade, c.order_cycle, $1 AS period${columns.length > 0 ? `,\n      ${columns.join(',\n      ')}` : ''}
    FROM customers c
    ${joins.join('\n    ')}
    WHERE (c.license_date IS NULL OR c.license_date <= ${shared.end})
      AND NOT (c.status IN ('cancelled', 'closed') AND c.status_date IS NOT NULL AND c.status_date < ${shared.start})`;
}
