import { createHash } from 'node:crypto';
import {
  criticWeightsFromStatistics,
  entropyWeightsFromEntropies,
  finalWeights,
  issue,
  IssuesError,
  type EvaluationPlan,
  type FrozenBounds,
  type PlannedWeightLevel,
  type SchemeInput,
  type Threshold,
  type ValueSide,
} from '@retail-value/core';
import { one, type Database } from '../db/database.js';
import { measuresSql, ORDER_PASS_TABLES, orderDistinctSql, orderPassesSql } from './compile-measures.js';
import { lifecycleLayers, lifecycleSideAggregates, STAGE_OF_RULE } from './compile-lifecycle.js';
import { computeLifetimeValues } from './lifetime-value-step.js';
import { boundsAggregates, boundsFromRow, distinctShare, groupExpression, literal, percentRanksSql, rawExpression, readsMedian, scoreExpression, SORTED_RANKS_SHARE, stableStatistic, valueBeyondStorage } from './compile-scores.js';
import { evaluationWindow, type EvaluationWindow } from './period.js';
import { resolveScheme } from './scheme-store.js';
import { RUN_DELETE_ACTION } from './run-store.js';
import { computeAwards } from '../dynamics/compute-awards.js';
import { orderSummarySkuBits, settleOrderSummary } from '../orders/order-summary.js';
import { columnList } from '../schema/migrate.js';
import type { FrozenRun, SegmentWeights } from './frozen-run.js';

export interface EvaluateOptions {
  readonly period: string;
  readonly scheme?: SchemeInput | undefined;
  readonly asOf?: string | undefined;
  readonly windowWeeks?: number | undefined;
  /** Called after each step with the share of the work done (0–1). */
  readonly onProgress?: ((step: string, done: number) => void) | undefined;
}

export interface StepTiming {
  readonly step: string;
  readonly seconds: number;
}

export interface EvaluateResult {
  readonly runId: string;
  readonly customers: number;
  readonly resultFingerprint: string;
  readonly inputFingerprint: string;
  readonly steps: readonly StepTiming[];
  readonly seconds: number;
}

const STEPS = ['orders', 'clv', 'measures', 'bounds', 'scores', 'weights', 'classes', 'thresholds', 'results', 'fingerprint'] as const;

/** Fingerprint of the facts (every recorded load and the row count of every fact table), and the customers counted for it. */
export async function inputFingerprint(db: Database): Promise<{ readonly fingerprint: string; readonly customers: number }> {
  const loads = await db.all('SELECT kind, content_hash, row_count FROM data_loads ORDER BY load_id');
  const counts = await db.all<{ customers: number }>(
    `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM products) AS products,
      (SELECT count(*) FROM order_lines) AS order_lines, (SELECT count(*) FROM feedback) AS feedback,
      (SELECT count(*) FROM promotions) AS promotions, (SELECT count(*) FROM displays) AS displays,
      (SELECT count(*) FROM credit_events) AS credit_events, (SELECT count(*) FROM assessments) AS assessments,
      (SELECT count(*) FROM survey_responses) AS survey_responses, (SELECT count(*) FROM visits) AS visits`,
  );
  return { fingerprint: createHash('sha256').update(JSON.stringify({ loads, counts })).digest('hex'), customers: counts[0]?.customers ?? 0 };
}

/**
 * The freed memory an evaluation asks the database to keep for reuse
 * (Database.keepFreedMemory, which caps it), in bytes. Its steps make and
 * drop tables and hash tables of a row per customer one after another; at a
 * million customers, memory given back to the system and faulted in again
 * cost about 0.6 s of a 10 s run. About 4 KiB per customer covers that; none
 * for fewer than 16,384 customers, whose runs take well under a second.
 */
export function evaluationMemory(customers: number): number {
  const wanted = customers * 4096;
  return wanted < 2 ** 26 ? 0 : wanted;
}

/** The period's next run number: one past the highest so far, deleted runs included, so no id is given twice. */
async function nextRunId(db: Database, period: string): Promise<string> {
  const rows = await db.all<{ run_id: string }>(
    `SELECT run_id FROM runs WHERE period = $1
     UNION ALL SELECT target FROM audit_log WHERE action = $2 AND starts_with(target, $1 || '-')`,
    [period, RUN_DELETE_ACTION],
  );
  const numbers = rows.map((row) => Number(/-(\d+)$/.exec(row.run_id)?.[1] ?? 0));
  return `${period}-${String(Math.max(0, ...numbers) + 1).padStart(3, '0')}`;
}

/** Objective weights of a level's children within one segment, from statistics the engine computes. */
async function objectiveWeights(db: Database, method: 'entropy' | 'critic', children: readonly string[], segment: string): Promise<number[]> {
  if (method === 'entropy') {
    // e_j = −(1/ln m) Σ p ln p with p = x/S: Σ p ln p = (Σ x ln x)/S − ln S.
    const selects = children.flatMap((expression, index) => [
      `sum(${expression}) AS s${index}`,
      `sum(CASE WHEN ${expression} > 0 THEN ${expression} * ln(${expression}) ELSE 0 END) AS l${index}`,
    ]);
    const row = await one(db, `SELECT count(*) AS m, ${selects.join(', ')} FROM eval_scores WHERE segment = $1`, [segment]);
    const m = row.m as number;
    const entropies = children.map((_, index) => {
      const total = row[`s${index}`] as number;
      if (m <= 1 || !(total > 0)) return 1;
      return -((row[`l${index}`] as number) / total - Math.log(total)) / Math.log(m);
    });
    // No customer in the segment, or every column constant: the data carries no information, so equal weights.
    if (entropies.every((entropy) => entropy >= 1 - 1e-12)) return children.map(() => 1 / children.length);
    return entropyWeightsFromEntropies(entropies);
  }
  // CRITIC on min-max normalised columns: σ of the normalised column is σ(x)/(max − min); r is unchanged by scaling.
  const selects = children.flatMap((expression, index) => [
    `stddev_samp(${expression}) AS sd${index}`,
    `max(${expression}) - min(${expression}) AS range${index}`,
  ]);
  const pairs: string[] = [];
  children.forEach((left, i) => children.forEach((right, j) => (j > i ? pairs.push(`corr(${left}, ${right}) AS r${i}_${j}`) : undefined)));
  const row = await one(db, `SELECT ${[...selects, ...pairs].join(', ')} FROM eval_scores WHERE segment = $1`, [segment]);
  const stdDevs = children.map((_, index) => {
    const range = row[`range${index}`] as number | null;
    return range !== null && range > 0 ? (row[`sd${index}`] as number) / range : 0;
  });
  const correlations = children.map((_, i) =>
    children.map((__, j) => {
      if (i === j) return 1;
      const found = row[i < j ? `r${i}_${j}` : `r${j}_${i}`];
      return typeof found === 'number' && Number.isFinite(found) ? found : Number.NaN;
    }),
  );
  if (stdDevs.every((deviation) => !(deviation > 0))) return children.map(() => 1 / children.length);
  return criticWeightsFromStatistics({ stdDevs, correlations });
}

async function levelWeights(db: Database, level: PlannedWeightLevel, childExpressions: readonly string[], segment: string): Promise<number[]> {
  const objective = level.objective === undefined ? undefined : (await objectiveWeights(db, level.objective, childExpressions, segment)).map(stableStatistic);
  return finalWeights(level.spec, level.subjective?.weights, objective);
}

function weightedSum(weights: readonly number[], expressions: readonly string[]): string {
  return `(${expressions.map((expression, index) => `${literal(weights[index] as number)} * ${expression}`).join(' + ')})`;
}

function bySegment(plan: EvaluationPlan, expressions: ReadonlyMap<string, string>): string {
  if (plan.segmentBy === 'none') return expressions.get('all') as string;
  return `(CASE segment ${[...expressions].map(([segment, expression]) => `WHEN '${segment}' THEN ${expression}`).join(' ')} END)`;
}

function thresholdAggregate(threshold: Threshold, expression: string): string {
  switch (threshold.method) {
    case 'median':
      return `quantile_cont(${expression}, 0.5)`;
    case 'mean':
      return `avg(${expression})`;
    case 'percentile':
      return `quantile_cont(${expression}, ${literal(threshold.value as number)})`;
    case 'fixed':
      return literal(threshold.value as number);
  }
}

/**
 * Runs an evaluation: compiles the scheme's plan to SQL, runs it inside the
 * engine, and stores the run immutably with its frozen bounds, weights and
 * cut-offs and every customer's raw values, scores and classes.
 */
export async function evaluate(db: Database, options: EvaluateOptions): Promise<EvaluateResult> {
  const began = performance.now();
  const { stored, plan } = await resolveScheme(db, options.scheme);
  const window = evaluationWindow(options.period, options.windowWeeks ?? plan.scheme.windowWeeks, options.asOf);
  const steps: StepTiming[] = [];
  let stepStart = performance.now();
  const done = (step: (typeof STEPS)[number]): void => {
    const now = performance.now();
    steps.push({ step, seconds: (now - stepStart) / 1000 });
    stepStart = now;
    options.onProgress?.(step, (STEPS.indexOf(step) + 1) / STEPS.length);
  };
  const { fingerprint, customers } = await inputFingerprint(db);
  await db.keepFreedMemory(evaluationMemory(customers));
  const runId = await nextRunId(db, window.period);
  // A run stopped half-way (a killed process) leaves result rows without a runs row; its id is the next one.
  await db.run('DELETE FROM run_results WHERE run_id = $1', [runId]);
  return withSetting(db, db.dialect.unorderedWrites, async () => {
    try {
      const { digest: result, ...frozen } = await computeRun(db, plan, window, runId, done);
      const frozenWithTimings: FrozenRun = { ...frozen, steps };
      await db.run(
        `INSERT INTO runs (run_id, period, as_of, window_start, window_weeks, scheme_id, scheme_version, input_fingerprint, result_fingerprint, customer_count, frozen, created_at)
         VALUES ($1, $2, $3::DATE, $4::DATE, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [runId, window.period, window.asOf, window.start, window.weeks, stored.schemeId, stored.version, fingerprint, result.fp, result.n, JSON.stringify(frozenWithTimings), new Date().toISOString()],
      );
      await computeAwards(db, runId);
      return { runId, customers: result.n, resultFingerprint: result.fp, inputFingerprint: fingerprint, steps, seconds: (performance.now() - began) / 1000 };
    } catch (error) {
      await db.run('DELETE FROM run_results WHERE run_id = $1', [runId]);
      throw error;
    } finally {
      for (const table of [...ORDER_PASS_TABLES, 'eval_orders', 'eval_order_distinct', 'eval_clv', 'eval_clv_patterns', 'eval_raw', 'eval_percent_ranks', 'eval_scores', 'eval_classes']) await db.run(`DROP TABLE IF EXISTS ${table}`);
    }
  });
}

/** Runs `work` between a dialect's pair of setting statements (none where the dialect has none), restoring the setting whatever happens. */
async function withSetting<T>(db: Database, setting: { readonly on: string; readonly off: string } | undefined, work: () => Promise<T>): Promise<T> {
  if (setting === undefined) return work();
  await db.run(setting.on);
  try {
    return await work();
  } finally {
    await db.run(setting.off);
  }
}

/** What an evaluation computes: the run's frozen record (without its timings) and the digest of its results. */
interface ComputedRun extends Omit<FrozenRun, 'steps'> {
  readonly digest: { readonly fp: string; readonly n: number };
}

async function computeRun(db: Database, plan: EvaluationPlan, window: EvaluationWindow, runId: string, done: (step: (typeof STEPS)[number]) => void): Promise<ComputedRun> {
  const dialect = db.dialect;
  const rules = plan.scheme.lifecycle;
  // The summary the passes read is kept by the imports; a database written to otherwise is summarised first.
  await settleOrderSummary(db);
  const passes = orderPassesSql(dialect, window, plan.measures, rules.cycles, await orderSummarySkuBits(db));
  for (const pass of passes.passes) await db.run(`CREATE OR REPLACE TEMP TABLE ${pass.table} AS ${pass.sql}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE eval_orders AS ${passes.merge}`);
  for (const pass of passes.passes) await db.run(`DROP TABLE ${pass.table}`);
  if (passes.cycleFix !== undefined && (await one<{ n: number }>(db, passes.cycleFix.pending)).n > 0) {
    for (const statement of passes.cycleFix.statements) await db.run(statement);
  }
  const distinctSql = orderDistinctSql(dialect, window, plan.measures);
  if (distinctSql !== undefined) await db.run(`CREATE OR REPLACE TEMP TABLE eval_order_distinct AS ${distinctSql}`);
  done('orders');
  const lifetimeValue = await computeLifetimeValues(db, window.asOf, plan.scheme.clv);
  done('clv');

  // Measures, lifecycle figures and raw indicator values in one statement: each layer reads the
  // one below by column name, so a figure tested several times is computed once.
  const layers = lifecycleLayers(dialect, window, rules, plan.scheme.churn);
  const measures = measuresSql(
    dialect,
    window,
    plan.measures,
    { distinct: distinctSql !== undefined },
    [
      ...layers.base,
      `${lifetimeValue.sql.pAlive} AS lc_p_alive`,
      `${lifetimeValue.sql.expectedTransactions} AS lc_expected_transactions`,
      `coalesce(${lifetimeValue.sql.clv}, 0) AS lc_clv`,
      `${dialect.rowKey('c')} AS row_key`,
    ],
    { side: lifecycleSideAggregates(window), joins: lifetimeValue.sql.joins, clv: lifetimeValue.sql.clv },
  );
  const segment = plan.segmentBy === 'market' ? 'm.market' : `'all'`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE eval_raw AS
     SELECT m.row_key, m.customer_id, ${segment} AS segment, m.market, m.format, m.credit_grade, ${LIFECYCLE_CARRIED.map((column) => `m.${column}`).join(', ')},
       ${plan.indicators.map((indicator) => `${rawExpression(dialect, indicator, 'm')} AS r${indicator.index}`).join(', ')}
     FROM (SELECT l2.*, ${layers.verdict.join(', ')}
       FROM (SELECT l1.*, ${layers.cycles.join(', ')} FROM (${measures}) l1) l2) m`,
    [window.period],
  );
  await db.run('DROP TABLE eval_orders');
  // The customers, and the present values of each indicator whose missing values take the median's score.
  const medianRead = plan.indicators.filter(readsMedian);
  const counted = await one<Record<string, number>>(db, `SELECT ${['count(*) AS n', ...medianRead.map((indicator) => `count(r${indicator.index}) AS c${indicator.index}`)].join(', ')} FROM eval_raw`);
  if (counted.n === 0) throw new IssuesError([issue('evaluation.no_customers')]);
  const withMedian = new Set(medianRead.filter((indicator) => counted[`c${indicator.index}`] !== counted.n).map((indicator) => indicator.index));
  done('measures');

  // Frozen bounds per indicator and peer group (one aggregate query per scope kind), then the
  // scores with the bounds inlined as constants.
  const bounds = new Map<string, FrozenBounds[]>();
  const sortedRanks = new Set<number>();
  for (const scope of ['all', 'market', 'format'] as const) {
    const members = plan.indicators.filter((indicator) => indicator.scope === scope);
    if (members.length === 0) continue;
    const group = groupExpression(members[0] as (typeof members)[number], 'm');
    const aggregates = members.flatMap((indicator) => boundsAggregates(indicator, `m.r${indicator.index}`, withMedian.has(indicator.index)));
    const rows = await db.all(`SELECT ${group} AS grp, ${aggregates.join(', ')} FROM eval_raw m GROUP BY 1 ORDER BY 1`);
    for (const indicator of members) {
      const beyond = rows.map((row) => valueBeyondStorage(indicator, row)).find((value) => value !== undefined);
      if (beyond !== undefined) throw new IssuesError([issue('evaluation.value_out_of_range', { params: { indicator: indicator.code, value: String(beyond) } })]);
      bounds.set(indicator.code, rows.map((row) => boundsFromRow(indicator, String(row.grp), row, withMedian.has(indicator.index))));
      if (indicator.normalization.method === 'percentile' && distinctShare(indicator, rows) > SORTED_RANKS_SHARE) sortedRanks.add(indicator.index);
    }
  }
  done('bounds');

  // Percent ranks in a narrow table of their own (counted over each group's distinct values, or sorted), then joined.
  const ranked = plan.indicators.filter((indicator) => indicator.normalization.method === 'percentile');
  if (ranked.length > 0) {
    await db.run(`CREATE OR REPLACE TEMP TABLE eval_percent_ranks AS ${percentRanksSql(ranked, 'eval_raw', sortedRanks)}`);
  }
  const columns = plan.indicators.map(
    (indicator) =>
      `${scoreExpression(dialect, indicator, `m.r${indicator.index}`, groupExpression(indicator, 'm'), bounds.get(indicator.code) ?? [], `pr.p${indicator.index}`)} AS s${indicator.index}`,
  );
  // The scores beside everything the raw table holds: the classes and the stored row read this table alone.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE eval_scores AS SELECT m.*, ${columns.join(', ')} FROM eval_raw m${
      ranked.length > 0 ? ' JOIN eval_percent_ranks pr ON pr.row_key = m.row_key' : ''
    }`,
  );
  await db.run('DROP TABLE IF EXISTS eval_percent_ranks');
  await db.run('DROP TABLE eval_raw');
  done('scores');

  // Weights, level by level: indicators within dimensions, dimensions within sides, sides.
  const indexOf = new Map(plan.indicators.map((indicator) => [indicator.code, indicator.index]));
  const weights: Record<string, SegmentWeights> = {};
  const dimensionExpression = new Map<string, Map<string, string>>();
  for (const set of plan.weightSets) {
    const segmentWeights: SegmentWeights = { sides: { current: 0, potential: 0 }, dimensions: {}, indicators: {} };
    const dimensionSql = new Map<string, string>();
    for (const dimension of plan.dimensions) {
      const level = set.indicators[dimension.code] as PlannedWeightLevel;
      const children = dimension.indicatorCodes.map((code) => `s${indexOf.get(code) as number}`);
      const found = await levelWeights(db, level, children, set.segment);
      dimension.indicatorCodes.forEach((code, position) => (segmentWeights.indicators[code] = found[position] as number));
      dimensionSql.set(dimension.code, weightedSum(found, children));
    }
    const sideSql = new Map<ValueSide, string>();
    for (const side of ['current', 'potential'] as const) {
      const level = set.dimensions[side];
      const children = level.children.map((code) => dimensionSql.get(code) as string);
      const found = await levelWeights(db, level, children, set.segment);
      level.children.forEach((code, position) => (segmentWeights.dimensions[code] = found[position] as number));
      sideSql.set(side, weightedSum(found, children));
    }
    const sides = await levelWeights(db, set.sides, [sideSql.get('current') as string, sideSql.get('potential') as string], set.segment);
    segmentWeights.sides = { current: sides[0] as number, potential: sides[1] as number };
    weights[set.segment] = segmentWeights;
    dimensionExpression.set(set.segment, dimensionSql);
    dimensionSql.set('__current', sideSql.get('current') as string);
    dimensionSql.set('__potential', sideSql.get('potential') as string);
  }
  const perSegment = (key: string): string =>
    bySegment(plan, new Map([...dimensionExpression].map(([segmentName, expressions]) => [segmentName, expressions.get(key) as string])));
  const currentSql = dialect.roundTo(perSegment('__current'), 6);
  const potentialSql = dialect.roundTo(perSegment('__potential'), 6);
  const compositeSql = dialect.roundTo(bySegment(
    plan,
    new Map(Object.entries(weights).map(([segmentName, found]) => [segmentName, `${literal(found.sides.current)} * current_value + ${literal(found.sides.potential)} * potential_value`])),
  ), 6);
  done('weights');

  const classes = plan.scheme.serviceClasses.classes;
  const churn = plan.scheme.churn;
  const classScope = plan.scheme.serviceClasses.scope === 'market' ? 'market' : `'all'`;
  let cumulativeQuota = 0;
  const byScore: string[] = [];
  const gated: string[] = [];
  const last = classes[classes.length - 1] as (typeof classes)[number];
  // Every class but the last has a rule; the last takes the rest.
  const ruled = classes.slice(0, -1);
  for (const serviceClass of ruled) {
    let condition: string;
    if (serviceClass.quota !== undefined) {
      cumulativeQuota += serviceClass.quota;
      condition = `class_position <= ${literal(cumulativeQuota)} * class_count`;
    } else if (serviceClass.minScore !== undefined) {
      condition = `composite_score >= ${literal(serviceClass.minScore)}`;
    } else {
      condition = `class_percentile >= ${literal(serviceClass.minPercentile as number)}`;
    }
    const gate = serviceClass.minCreditGrade === undefined ? 'TRUE' : `credit_grade IN (${creditGradesAtLeast(serviceClass.minCreditGrade).map((grade) => `'${grade}'`).join(', ')})`;
    byScore.push(`WHEN ${condition} THEN '${serviceClass.code}'`);
    gated.push(`WHEN ${condition} AND ${gate} THEN '${serviceClass.code}'`);
  }
  // Each window sorts the table once: only those the class rules read are computed.
  const classWindows = [
    'rank() OVER (ORDER BY composite_score DESC) AS overall_rank',
    ...(ruled.some((serviceClass) => serviceClass.quota !== undefined)
      ? ['row_number() OVER (PARTITION BY class_group ORDER BY composite_score DESC, customer_id) AS class_position', 'count(*) OVER (PARTITION BY class_group) AS class_count']
      : []),
    ...(ruled.some((serviceClass) => serviceClass.minPercentile !== undefined) ? ['percent_rank() OVER (PARTITION BY class_group ORDER BY composite_score) AS class_percentile'] : []),
  ];
  // Values, ranks and classes in a narrow table (the windows sort only what the classes and the
  // churn peers read); the insert joins it to the scores once and derives the dimension scores
  // there. The value-matrix cells come after the thresholds, which read this table's values.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE eval_classes AS
     WITH valued AS (
       SELECT row_key, customer_id, segment, market, credit_grade, lc_change, ${classScope} AS class_group, ${currentSql} AS current_value, ${potentialSql} AS potential_value
       FROM eval_scores scored
     ), composed AS (
       SELECT valued.*, ${compositeSql} AS composite_score FROM valued
     ), ranked AS (
       SELECT composed.*,
         ${classWindows.join(',\n         ')}
       FROM composed
     )
     SELECT ranked.*,
       CASE ${gated.join(' ')} ELSE '${last.code}' END AS service_class,
       CASE ${byScore.join(' ')} ELSE '${last.code}' END AS class_by_score
     FROM ranked`,
  );
  done('classes');

  // Value-matrix thresholds, frozen per scope group, over the values of the classes table.
  // (one query for the axes that share a scope)
  const thresholds: Record<'current' | 'potential', Record<string, number>> = { current: {}, potential: {} };
  const axesByGroup = new Map<string, ('current' | 'potential')[]>();
  for (const axis of ['current', 'potential'] as const) {
    const group = plan.scheme.valueMatrix[axis].scope === 'market' ? 'market' : `'all'`;
    axesByGroup.set(group, [...(axesByGroup.get(group) ?? []), axis]);
  }
  for (const [group, axes] of axesByGroup) {
    const cuts = axes.map((axis) => `${thresholdAggregate(plan.scheme.valueMatrix[axis], `${axis}_value`)} AS ${axis}_cut`);
    const rows = await db.all(`SELECT ${group} AS grp, ${cuts.join(', ')} FROM eval_classes GROUP BY 1 ORDER BY 1`);
    for (const row of rows) for (const axis of axes) thresholds[axis][String(row.grp)] = round6(row[`${axis}_cut`] as number);
  }
  const cut = (axis: 'current' | 'potential'): string => {
    const scope = plan.scheme.valueMatrix[axis].scope;
    const entries = Object.entries(thresholds[axis]);
    if (scope !== 'market') return literal(entries[0]?.[1] ?? 0);
    return `(CASE market ${entries.map(([group, value]) => `WHEN '${group}' THEN ${literal(value)}`).join(' ')} END)`;
  };
  // The value-matrix cell of a row with market, current_value and potential_value.
  const valueCell = `CASE WHEN current_value >= ${cut('current')} THEN (CASE WHEN potential_value >= ${cut('potential')} THEN 'value' ELSE 'sub_value' END)
            ELSE (CASE WHEN potential_value >= ${cut('potential')} THEN 'potential_value' ELSE 'low_value' END) END`;
  done('thresholds');

  const peerDecline = `lc_change < peer_mean - ${literal(churn.peerSigmas)} * peer_sd`;
  const dimensionColumns = plan.dimensions.map((dimension) => dialect.roundTo(perSegment(dimension.code), 6));
  await withSetting(db, dialect.storedResultsWrite, () =>
    db.run(
      `INSERT INTO run_results (${columnList('run_results')})
     WITH peers AS (
       SELECT market, service_class, avg(lc_change) AS peer_mean, stddev_pop(lc_change) AS peer_sd FROM eval_classes GROUP BY market, service_class
     ), joined AS (
       SELECT r.*, k.current_value, k.potential_value, k.composite_score, k.overall_rank, k.service_class, k.class_by_score,
         ${STAGE_OF_RULE} AS lifecycle_stage, p.peer_mean, p.peer_sd
       FROM eval_scores r JOIN eval_classes k ON k.row_key = r.row_key
         JOIN peers p ON p.market = k.market AND p.service_class = k.service_class
     ), warned AS (
       SELECT joined.*,
         CASE WHEN lifecycle_stage = 'termination' THEN 100.0
           ELSE least(100.0, lc_churn_points + CASE WHEN ${peerDecline} THEN ${literal(churn.peerPoints)} ELSE 0 END) END AS churn_score,
         CASE WHEN lifecycle_stage = 'termination' THEN 'terminated'
           ELSE concat_ws(',', nullif(lc_churn_reasons, ''), CASE WHEN ${peerDecline} THEN 'peer_decline' END) END AS churn_reasons
       FROM joined
     )
     SELECT $1 AS run_id, customer_id, segment, market, format, credit_grade,
       ${dialect.decimalArrayOf(plan.indicators.map((indicator) => `r${indicator.index}`))} AS raw_values,
       ${dialect.decimalArrayOf(plan.indicators.map((indicator) => `s${indicator.index}`))} AS scores,
       ${dialect.decimalArrayOf(dimensionColumns)} AS dimension_scores,
       current_value, potential_value, composite_score, overall_rank AS rank,
       ${valueCell} AS value_cell, service_class, class_by_score,
       lifecycle_stage, lc_rule AS lifecycle_rule, ${dialect.roundTo('lc_active_share', 6)} AS active_share, ${dialect.roundTo('lc_change', 6)} AS volume_change,
       lc_missed_cycles AS missed_cycles, lc_weeks_since_order AS weeks_since_order, lc_deemed_closed AS deemed_closed,
       churn_score, CASE WHEN churn_score >= ${literal(churn.high)} THEN 'high' WHEN churn_score >= ${literal(churn.medium)} THEN 'medium' ELSE 'low' END AS churn_risk,
       churn_reasons, ${dialect.roundTo('lc_p_alive', 6)} AS p_alive, ${dialect.roundTo('lc_expected_transactions', 6)} AS expected_transactions, ${dialect.roundTo('lc_clv', 2)} AS clv
     FROM warned`,
      [runId],
    ),
  );
  done('results');
  // The digest of the classes table the insert just stored: the same values, without reading them back.
  const digest = await one<{ fp: string; n: number }>(
    db,
    `SELECT ${dialect.setDigest(
      `concat_ws('|', customer_id, ${dialect.fixedText('composite_score', 4)}, ${dialect.fixedText('current_value', 4)}, ${dialect.fixedText('potential_value', 4)}, ${valueCell}, service_class)`,
    )} AS fp, count(*) AS n FROM eval_classes`,
  );
  done('fingerprint');

  return {
    digest,
    runId,
    window,
    schemeId: plan.scheme.id,
    indicators: plan.indicators.map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      dimension: indicator.dimension,
      side: indicator.side,
      direction: indicator.direction,
      formula: indicator.formulaText,
      normalization: indicator.normalization,
      scope: indicator.scope,
      missing: indicator.missing,
    })),
    dimensions: plan.dimensions.map((dimension) => ({ code: dimension.code, side: dimension.side, name: dimension.name, indicators: [...dimension.indicatorCodes] })),
    bounds: Object.fromEntries(bounds),
    weights,
    thresholds,
    classes: classes.map((serviceClass) => ({ ...serviceClass })),
    classScope: plan.scheme.serviceClasses.scope,
    valueMatrix: plan.scheme.valueMatrix,
    lifecycle: rules,
    churn: plan.scheme.churn,
    lifetimeValue: lifetimeValue.frozen,
  };
}

/** Lifecycle, churn and lifetime-value columns carried from the measures to the final insert. */
const LIFECYCLE_CARRIED = [
  'lc_rule',
  'lc_active_share',
  'lc_change',
  'lc_missed_cycles',
  'lc_weeks_since_order',
  'lc_deemed_closed',
  'lc_churn_points',
  'lc_churn_reasons',
  'lc_p_alive',
  'lc_expected_transactions',
  'lc_clv',
];

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function creditGradesAtLeast(minimum: string): string[] {
  const grades = ['AAA', 'AA', 'A', 'B', 'C', 'D'];
  return grades.slice(0, grades.indexOf(minimum) + 1);
}
