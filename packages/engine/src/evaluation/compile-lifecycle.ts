import type { ChurnRules, LifecycleRules } from '@retail-value/core';
import type { Dialect } from '../db/dialect.js';
import { LOOKBACK_WEEKS, sideColumn, type SideAggregate } from './compile-measures.js';
import { dayNumber, isoFromDay, type EvaluationWindow } from './period.js';

const date = (iso: string): string => `DATE '${iso}'`;

/** Index of the lowest set bit of a non-zero mask: popcount(isolated lowest bit − 1), exact in integers. */
export function lowestBit(dialect: Dialect, mask: string): string {
  const safe = `greatest(${mask}, CAST(1 AS UBIGINT))`;
  return dialect.bitCount(`((${safe} & ~(${safe} - CAST(1 AS UBIGINT))) - CAST(1 AS UBIGINT))`);
}

function lowBits(count: number): string {
  return `CAST(${(2n ** BigInt(count) - 1n).toString()} AS UBIGINT)`;
}

function evenBits(count: number): string {
  let mask = 0n;
  for (let index = 0; index < count; index += 1) mask |= 1n << BigInt(2 * index);
  return `CAST(${mask.toString()} AS UBIGINT)`;
}

/** The lifecycle and churn columns in three layers, each naming what the next one reads. */
export interface LifecycleLayers {
  /** Over the customer, the order aggregate `o` and the side aggregates of {@link lifecycleSideAggregates}. */
  readonly base: readonly string[];
  /** Over the base columns. */
  readonly cycles: readonly string[];
  /** Over the cycle columns: the deciding rule, churn points and reasons. */
  readonly verdict: readonly string[];
}

/**
 * Per-customer lifecycle and churn figures (`lc_*`). Everything is counted in
 * the customer's own ordering cycle from the week mask of the order aggregate
 * (`o.week_mask`, bit k = an order k weeks before the as-of date). Each figure
 * is computed once in its layer and read by name above it, so the rule that
 * tests a figure several times does not evaluate it several times.
 */
export function lifecycleLayers(dialect: Dialect, window: EvaluationWindow, rules: LifecycleRules, churn: ChurnRules): LifecycleLayers {
  const end = date(window.asOf);
  const cycles = rules.cycles;
  const mask = 'lc_mask';
  const cycleWeeks = `(CASE WHEN lc_weekly THEN 1 ELSE 2 END)`;
  const deemedSince = date(isoFromDay(dayNumber(window.asOf) - 7 * rules.deemedClosedWeeks));
  const lookbackStart = date(isoFromDay(dayNumber(window.asOf) - 7 * LOOKBACK_WEEKS + 1));
  const base = [
    'coalesce(o.week_mask, CAST(0 AS UBIGINT)) AS lc_mask',
    `c.order_cycle = 'weekly' AS lc_weekly`,
    `(CASE WHEN c.license_date IS NULL THEN ${LOOKBACK_WEEKS * 10} ELSE ${dialect.intDiv(dialect.daysBetween(end, 'c.license_date'), '7')} + 1 END) AS lc_licence_weeks`,
    `(CASE WHEN c.order_cycle = 'weekly' THEN (coalesce(o.lc_recent_1, 0) - o.lc_previous_1) / NULLIF(o.lc_previous_1, 0)
      ELSE (coalesce(o.lc_recent_2, 0) - o.lc_previous_2) / NULLIF(o.lc_previous_2, 0) END) AS lc_change`,
    `(c.status IN ('suspended', 'cancelled', 'closed') AND (c.status_date IS NULL OR c.status_date <= ${end})) AS lc_status_ended`,
    `(c.license_date IS NOT NULL AND c.license_date <= ${deemedSince} AND c.license_date >= ${lookbackStart}
      AND (o.first_order_date IS NULL OR o.first_order_date > c.license_date + ${7 * rules.deemedClosedWeeks})) AS lc_deemed_closed`,
    `coalesce(${sideColumn('cd', 'downgraded')}, FALSE) AS lc_downgraded`,
    `coalesce(${sideColumn('ds', 'share')}, 0) >= ${churn.dissatisfiedShare} AS lc_dissatisfied`,
  ];
  const weeksSinceOrder = `(CASE WHEN ${mask} = 0 THEN ${LOOKBACK_WEEKS} ELSE ${lowestBit(dialect, mask)} END)`;
  const recentWithOrder = `(CASE WHEN lc_weekly THEN ${dialect.bitCount(`${mask} & ${lowBits(cycles)}`)}
      ELSE ${dialect.bitCount(`(${mask} | (${mask} >> 1)) & ${evenBits(cycles)}`)} END)`;
  const eligible = `least(${cycles}, ${dialect.intDiv(`lc_licence_weeks + ${cycleWeeks} - 1`, cycleWeeks)})`;
  const cycleColumns = [
    `${weeksSinceOrder} AS lc_weeks_since_order`,
    `${dialect.intDiv(weeksSinceOrder, cycleWeeks)} AS lc_missed_cycles`,
    `(${recentWithOrder} * 1.0 / NULLIF(${eligible}, 0)) AS lc_active_share`,
    `${dialect.bitCount(mask)} AS lc_weeks_with_orders`,
  ];
  const share = 'lc_active_share';
  const change = 'lc_change';
  const missed = 'lc_missed_cycles';
  const rule = `(CASE
      WHEN lc_status_ended THEN 'status'
      WHEN lc_licence_weeks <= ${rules.introductionWeeks} THEN 'young_licence'
      WHEN lc_weeks_since_order >= ${rules.terminationWeeks} THEN 'no_recent_order'
      WHEN lc_weeks_with_orders < ${rules.introductionMinOrders} AND lc_licence_weeks <= ${LOOKBACK_WEEKS} THEN 'few_orders'
      WHEN coalesce(${share}, 0) < ${rules.declineShare} THEN 'low_share'
      WHEN ${missed} >= ${rules.missedCycles} THEN 'missed_cycles'
      WHEN ${change} <= -${rules.change} THEN 'volume_down'
      WHEN ${share} >= ${rules.activeShare} AND ${change} >= ${rules.change} THEN 'volume_up'
      WHEN ${share} >= ${rules.activeShare} THEN 'steady'
      ELSE 'irregular' END)`;
  const points = (condition: string, value: number): string => `(CASE WHEN ${condition} THEN ${value} ELSE 0 END)`;
  const reason = (condition: string, code: string): string => `(CASE WHEN ${condition} THEN '${code}' END)`;
  const missedAlarm = `${missed} >= ${churn.missedCyclesAlarm}`;
  const missedWarn = `${missed} >= ${churn.missedCyclesWarn} AND NOT (${missedAlarm})`;
  const declineAlarm = `${change} <= -${churn.ownDeclineAlarm}`;
  const declineWarn = `${change} <= -${churn.ownDeclineWarn} AND NOT (${declineAlarm})`;
  const verdict = [
    `${rule} AS lc_rule`,
    `(${points(missedAlarm, churn.missedCyclesAlarmPoints)} + ${points(missedWarn, churn.missedCyclesWarnPoints)} + ${points(declineAlarm, churn.ownDeclineAlarmPoints)}
      + ${points(declineWarn, churn.ownDeclineWarnPoints)} + ${points('lc_downgraded', churn.creditDowngradePoints)} + ${points('lc_dissatisfied', churn.dissatisfiedPoints)}) AS lc_churn_points`,
    `concat_ws(',', ${reason(missedAlarm, 'missed_cycles')}, ${reason(missedWarn, 'missed_cycles')}, ${reason(declineAlarm, 'own_decline')}, ${reason(declineWarn, 'own_decline')},
      ${reason('lc_downgraded', 'credit_downgrade')}, ${reason('lc_dissatisfied', 'dissatisfied')}) AS lc_churn_reasons`,
  ];
  return { base, cycles: cycleColumns, verdict };
}

/** Stage of a lifecycle rule code. */
export const STAGE_OF_RULE = `CASE lc_rule WHEN 'status' THEN 'termination' WHEN 'no_recent_order' THEN 'termination'
  WHEN 'young_licence' THEN 'introduction' WHEN 'few_orders' THEN 'introduction'
  WHEN 'low_share' THEN 'decline' WHEN 'missed_cycles' THEN 'decline' WHEN 'volume_down' THEN 'decline'
  WHEN 'volume_up' THEN 'growth' ELSE 'maturity' END`;

/** What the lifecycle and churn columns read besides the order aggregate and the lifetime values: credit downgrades and dissatisfaction, per customer. */
export function lifecycleSideAggregates(window: EvaluationWindow): SideAggregate[] {
  const end = date(window.asOf);
  const yearAgo = date(isoFromDay(dayNumber(window.asOf) - 365));
  const gradeRank = (column: string): string =>
    `CASE ${column} WHEN 'AAA' THEN 1 WHEN 'AA' THEN 2 WHEN 'A' THEN 3 WHEN 'B' THEN 4 WHEN 'C' THEN 5 WHEN 'D' THEN 6 END`;
  return [
    {
      alias: 'cd',
      columns: ['downgraded'],
      sql: `SELECT customer_id, bool_or(grade_rank > previous_rank) AS downgraded FROM (
        SELECT customer_id, event_date, ${gradeRank('grade_after')} AS grade_rank,
          lag(${gradeRank('grade_after')}) OVER (PARTITION BY customer_id ORDER BY event_date, event_id) AS previous_rank
        FROM credit_events WHERE grade_after IS NOT NULL AND event_date <= ${end}) ranked
      WHERE event_date > ${yearAgo} GROUP BY customer_id`,
    },
    {
      alias: 'ds',
      columns: ['share'],
      sql: `SELECT customer_id, avg(CASE WHEN score <= 2 THEN 1.0 ELSE 0.0 END) AS share
      FROM survey_responses WHERE response_date > ${yearAgo} AND response_date <= ${end} GROUP BY customer_id`,
    },
  ];
}
