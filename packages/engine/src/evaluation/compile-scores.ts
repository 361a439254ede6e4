import { missingScore, type FrozenBounds, type PlannedIndicator } from '@retail-value/core';
import type { Dialect } from '../db/dialect.js';
import { compileFormula } from './compile-formula.js';

/**
 * A number as a SQL literal with full round-trip precision. Exponent
 * notation makes it a DOUBLE on every engine (a plain decimal literal is a
 * DECIMAL with a narrow precision, which overflows when multiplied).
 */
export function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`non-finite constant ${value}`);
  return value.toExponential();
}

/** The SQL expression naming an indicator's peer group. */
export function groupExpression(indicator: PlannedIndicator, alias: string): string {
  if (indicator.scope === 'market') return `${alias}.market`;
  if (indicator.scope === 'format') return `${alias}.format`;
  return `'all'`;
}

/** The raw value of an indicator over the measures row `alias`, rounded so reruns match to the byte. */
export function rawExpression(dialect: Dialect, indicator: PlannedIndicator, alias: string): string {
  return dialect.roundTo(compileFormula(indicator.formula, alias), 6);
}

/**
 * Aggregates that freeze an indicator's bounds within its groups. Its
 * quantiles come from one quantile_cont call over a list of fractions, so the
 * engine sorts each column once; `median` adds the median to them (see
 * {@link readsMedian}).
 */
export function boundsAggregates(indicator: PlannedIndicator, raw: string, median: boolean): string[] {
  const column = `b${indicator.index}`;
  const fractions = quantileFractions(indicator, median);
  return [
    // how many distinct values a percentile indicator has, roughly: it chooses how its percent ranks are computed
    ...(indicator.normalization.method === 'percentile' ? [`approx_count_distinct(${raw}) AS ${column}_distinct`] : []),
    `count(${raw}) AS ${column}_count`,
    `min(${raw}) AS ${column}_min`,
    `max(${raw}) AS ${column}_max`,
    ...(fractions.length > 0 ? [`quantile_cont(${raw}, [${fractions.map(literal).join(', ')}]) AS ${column}_quantiles`] : []),
    `avg(${raw}) AS ${column}_mean`,
    `stddev_pop(${raw}) AS ${column}_sd`,
  ];
}

/** The winsorising fractions of an indicator's bounds (0 and 1 when it is not winsorised). */
function winsorFractions(indicator: PlannedIndicator): readonly [number, number] {
  return indicator.normalization.method === 'minmax' ? indicator.normalization.winsor : [0, 1];
}

/**
 * Whether the scores can read the group's median: the missing-value score
 * of the `median` policy is the score of the median raw value, except for
 * percentile scoring, whose middle is 50 (core's missingScore). They read it
 * only where a value is missing, so the evaluation computes it only for an
 * indicator that has a missing value.
 */
export function readsMedian(indicator: PlannedIndicator): boolean {
  return indicator.missing === 'median' && indicator.normalization.method !== 'percentile';
}

/**
 * The quantiles the bounds aggregate computes: the winsorising fractions
 * strictly between 0 and 1, and the median where asked. The 0 and 1
 * quantiles are the minimum and maximum exactly, which the aggregate has
 * already; a quantile costs every value of its group gathered and selected
 * from. Bounds without the median have it null.
 */
function quantileFractions(indicator: PlannedIndicator, median: boolean): number[] {
  const [low, high] = winsorFractions(indicator);
  return [...(low > 0 ? [low] : []), ...(median ? [0.5] : []), ...(high < 1 ? [high] : [])];
}

/** Stored raw values are exact 6-decimal numbers (Dialect.decimalArrayOf), so they stay below this magnitude. */
const STORED_VALUE_LIMIT = 1e12;

/** The group's lowest or highest raw value when it is beyond what a run stores, from a row of {@link boundsAggregates}. */
export function valueBeyondStorage(indicator: PlannedIndicator, row: Record<string, unknown>): number | undefined {
  const column = `b${indicator.index}`;
  return [row[`${column}_min`], row[`${column}_max`]].find((value): value is number => typeof value === 'number' && !(Math.abs(value) < STORED_VALUE_LIMIT));
}

/**
 * A statistic the engine aggregates in parallel (a mean, a standard
 * deviation, a correlation), cut to 12 significant digits: the order in
 * which threads combine partial sums moves its last bits from run to run,
 * and frozen constants must be the same for the same data.
 */
export function stableStatistic(value: number): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(12)) : value;
}

export function boundsFromRow(indicator: PlannedIndicator, group: string, row: Record<string, unknown>, withMedian: boolean): FrozenBounds {
  const column = `b${indicator.index}`;
  const finite = (found: unknown): number | null => (typeof found === 'number' && Number.isFinite(found) ? found : null);
  const value = (suffix: string): number | null => finite(row[`${column}_${suffix}`]);
  const quantiles = (row[`${column}_quantiles`] as unknown[] | null) ?? [];
  const [low, high] = winsorFractions(indicator);
  const median = low > 0 ? 1 : 0;
  return {
    group,
    count: value('count') ?? 0,
    min: value('min'),
    max: value('max'),
    lo: low > 0 ? finite(quantiles[0]) : value('min'),
    hi: high < 1 ? finite(quantiles[median + (withMedian ? 1 : 0)]) : value('max'),
    mean: stableOrNull(value('mean')),
    sd: stableOrNull(value('sd')),
    median: withMedian ? finite(quantiles[median]) : null,
  };
}

const stableOrNull = (value: number | null): number | null => (value === null ? null : stableStatistic(value));

/** least/greatest skip NULLs on DuckDB and PostgreSQL alike; a missing value must stay missing. */
const clampSql = (value: string, low: string, high: string): string =>
  `(CASE WHEN ${value} IS NULL THEN NULL ELSE least(greatest(${value}, ${low}), ${high}) END)`;

/** The score of one group's customers, from the frozen bounds (mirrors scoreValue in the core). */
function groupScore(indicator: PlannedIndicator, raw: string, bounds: FrozenBounds): string {
  const normalization = indicator.normalization;
  const cost = indicator.direction === 'cost';
  switch (normalization.method) {
    case 'minmax': {
      if (bounds.lo === null || bounds.hi === null) return 'NULL';
      if (bounds.hi <= bounds.lo) return `(CASE WHEN ${raw} IS NULL THEN NULL ELSE 50.0 END)`;
      const share = `(${clampSql(raw, literal(bounds.lo), literal(bounds.hi))} - ${literal(bounds.lo)}) / ${literal(bounds.hi - bounds.lo)}`;
      return cost ? `100.0 * (1 - ${share})` : `100.0 * ${share}`;
    }
    case 'zscore': {
      if (bounds.mean === null || bounds.sd === null) return 'NULL';
      if (bounds.sd <= 0) return `(CASE WHEN ${raw} IS NULL THEN NULL ELSE 50.0 END)`;
      const clip = literal(normalization.clip);
      const z = clampSql(`(${raw} - ${literal(bounds.mean)}) / ${literal(bounds.sd)}`, `-${clip}`, clip);
      const share = `(${z} + ${clip}) / ${literal(2 * normalization.clip)}`;
      return cost ? `100.0 * (1 - ${share})` : `100.0 * ${share}`;
    }
    default:
      throw new Error(`group score for ${normalization.method}`);
  }
}

/** The share of an indicator's present values that are distinct, from its rows of {@link boundsAggregates} (1 when it has none). */
export function distinctShare(indicator: PlannedIndicator, rows: readonly Record<string, unknown>[]): number {
  const column = `b${indicator.index}`;
  const sum = (suffix: string): number => rows.reduce((total, row) => total + (typeof row[`${column}_${suffix}`] === 'number' ? (row[`${column}_${suffix}`] as number) : 0), 0);
  const count = sum('count');
  return count > 0 ? sum('distinct') / count : 1;
}

/** Above this share of distinct values an indicator's percent ranks come from a sort of its values, below it from counting them. */
export const SORTED_RANKS_SHARE = 0.4;

/**
 * The percent ranks of the percentile-scored indicators, one row per row of
 * `table` (its `row_key`), column `p<index>`: what `percent_rank()` over the
 * group's present values gives for a present value — the share of the others
 * below it, 0 in a group of one. Most indicators have far fewer distinct
 * values than customers, and theirs are counted over the distinct values of
 * each group: a value's rank is the number of values below it. Those whose
 * values are mostly distinct (`sorted`, by index) take the window over their
 * values and row keys alone: counting would group, sort and join back as
 * many rows as the table holds. Grouping, like the sort, takes −0 and 0 for
 * one value (a test compares both ways on ties, missing values, zeros of
 * both signs and NaN).
 */
export function percentRanksSql(indicators: readonly PlannedIndicator[], table: string, sorted: ReadonlySet<number> = new Set()): string {
  const counted = indicators.map((indicator) => {
    const raw = `r${indicator.index}`;
    if (sorted.has(indicator.index)) {
      return `c${indicator.index} AS (
       SELECT t.row_key, percent_rank() OVER (PARTITION BY ${groupExpression(indicator, 't')} ORDER BY t.${raw}) AS p FROM ${table} t WHERE t.${raw} IS NOT NULL
     )`;
    }
    return `c${indicator.index} AS (
       SELECT g, v, sum(n) OVER (PARTITION BY g ORDER BY v) - n AS below, sum(n) OVER (PARTITION BY g) AS total
       FROM (SELECT ${groupExpression(indicator, 't')} AS g, t.${raw} AS v, count(*) AS n FROM ${table} t WHERE t.${raw} IS NOT NULL GROUP BY 1, 2) d${indicator.index}
     )`;
  });
  const ranks = indicators.map((indicator) => {
    const cte = `c${indicator.index}`;
    return sorted.has(indicator.index) ? `${cte}.p AS p${indicator.index}` : `CASE WHEN ${cte}.total > 1 THEN ${cte}.below / (${cte}.total - 1) ELSE 0 END AS p${indicator.index}`;
  });
  const joins = indicators.map((indicator) => {
    const cte = `c${indicator.index}`;
    return sorted.has(indicator.index)
      ? `LEFT JOIN ${cte} ON ${cte}.row_key = m.row_key`
      : `LEFT JOIN ${cte} ON ${cte}.g = ${groupExpression(indicator, 'm')} AND ${cte}.v = m.r${indicator.index}`;
  });
  return `WITH ${counted.join(', ')}
     SELECT m.row_key, ${ranks.join(', ')}
     FROM ${table} m ${joins.join(' ')}`;
}

/**
 * The 0–100 score expression of an indicator, with the frozen bounds and
 * missing-value scores inlined as constants per group.
 */
export function scoreExpression(
  dialect: Dialect,
  indicator: PlannedIndicator,
  raw: string,
  group: string,
  bounds: readonly FrozenBounds[],
  percentRank: string,
): string {
  const normalization = indicator.normalization;
  const cost = indicator.direction === 'cost';
  let score: string;
  switch (normalization.method) {
    case 'percentile': {
      const rank = percentRank;
      score = `(CASE WHEN ${raw} IS NULL THEN NULL ELSE 100.0 * ${cost ? `(1 - ${rank})` : rank} END)`;
      break;
    }
    case 'piecewise': {
      const steps = normalization.points.map((point) => `WHEN ${raw} >= ${literal(point.min)} THEN ${literal(point.score)}`);
      score = `(CASE WHEN ${raw} IS NULL THEN NULL ${steps.join(' ')} ELSE ${literal(normalization.otherwise)} END)`;
      break;
    }
    case 'target': {
      const cap = literal(normalization.cap);
      const target = literal(normalization.target);
      score = cost
        ? `(CASE WHEN ${raw} IS NULL THEN NULL WHEN ${raw} <= 0 THEN ${cap} ELSE least(${cap}, 100.0 * ${target} / ${raw}) END)`
        : `${clampSql(`100.0 * ${raw} / ${target}`, '0.0', cap)}`;
      break;
    }
    default: {
      const branches = bounds.map((found) => `WHEN ${dialect.quoteLiteral(found.group)} THEN ${groupScore(indicator, raw, found)}`);
      score = branches.length === 0 ? 'NULL' : `(CASE ${group} ${branches.join(' ')} END)`;
    }
  }
  const fallbacks = bounds.map(
    (found) => `WHEN ${dialect.quoteLiteral(found.group)} THEN ${literal(missingScore(indicator.missing, normalization, indicator.direction, found))}`,
  );
  const fallback = fallbacks.length === 0 ? literal(missingScore(indicator.missing, normalization, indicator.direction, emptyBounds('all'))) : `(CASE ${group} ${fallbacks.join(' ')} ELSE 50.0 END)`;
  return dialect.roundTo(`coalesce(${score}, ${fallback})`, 6);
}

export function emptyBounds(group: string): FrozenBounds {
  return { group, count: 0, min: null, max: null, lo: null, hi: null, mean: null, sd: null, median: null };
}
