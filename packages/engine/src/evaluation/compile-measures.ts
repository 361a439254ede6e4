import type { Dialect } from '../db/dialect.js';
import type { EvaluationWindow } from './period.js';
import { dayNumber, isoFromDay } from './period.js';

const date = (iso: string): string => `DATE '${iso}'`;

/**
 * The per-customer order aggregate: ONE pass over the order lines of the
 * evaluation window and the previous window, joined to the (small) product
 * table. Everything that needs the cycle structure comes from weekly
 * buckets computed in the same pass (sum … FILTER), so no second grouping
 * by customer × week is needed — that keeps the evaluation within a small
 * multiple of a bare scan.
 */
export function orderAggregateSql(dialect: Dialect, window: EvaluationWindow): string {
  const weeks = window.weeks;
  const start = date(window.start);
  const end = date(window.asOf);
  const newSince = date(isoFromDay(dayNumber(window.asOf) - 365));
  const week = dialect.intDiv(dialect.daysBetween('o.order_date', start), '7');
  const current = 'o.week >= 0';
  // Least-squares slope of weekly volume on week number: Σ_w c_w·q_w with
  // c_w = (w − w̄)/Σ(w − w̄)², w = 0…W−1 (a linear aggregate of the lines).
  const centre = (weeks - 1) / 2;
  const spread = (weeks * (weeks * weeks - 1)) / 12;
  const buckets = Array.from({ length: weeks }, (_, index) => `sum(o.qty) FILTER (WHERE o.week = ${index}) AS w${index}`);
  return `
    SELECT o.customer_id,
      sum(o.qty) FILTER (WHERE ${current}) AS qty,
      sum(o.amount) FILTER (WHERE ${current}) AS amount,
      sum(o.qty * o.margin) FILTER (WHERE ${current}) AS gross_profit,
      sum(o.qty) FILTER (WHERE o.week < 0) AS qty_prev,
      sum(o.amount) FILTER (WHERE o.week < 0) AS amount_prev,
      sum(o.qty) FILTER (WHERE ${current} AND o.price_class IN (1, 2)) AS qty_class12,
      sum(o.qty) FILTER (WHERE ${current} AND o.is_new) AS qty_new_product,
      sum(o.qty) FILTER (WHERE ${current} AND o.qty_limit IS NOT NULL) AS qty_limited,
      sum(o.qty_limit) FILTER (WHERE ${current} AND o.qty_limit IS NOT NULL) AS qty_limit,
      sum(o.qty_demand) FILTER (WHERE ${current} AND o.qty_demand IS NOT NULL) AS qty_demand,
      sum(o.qty) FILTER (WHERE ${current} AND o.qty_demand IS NOT NULL) AS qty_with_demand,
      sum(o.qty * (o.week - ${centre})) FILTER (WHERE ${current}) / ${spread} AS weekly_trend,
      max(o.order_date) AS last_order_date,
      ${buckets.join(',\n      ')}
    FROM (
      SELECT o.customer_id, o.order_date, o.qty, o.amount, o.qty_limit, o.qty_demand, ${week} AS week,
        p.wholesale_price - p.cost_price AS margin, p.price_class, p.launch_date > ${newSince} AS is_new
      FROM order_lines o JOIN products p ON p.sku = o.sku
      WHERE o.order_date BETWEEN ${date(window.previousStart)} AND ${end}) o
    GROUP BY o.customer_id`;
}

/**
 * Distinct counts per customer over the evaluation window only. DuckDB
 * computes DISTINCT aggregates with a separate strategy; kept out of the
 * main aggregate they cost a fraction of the scan instead of a multiple.
 */
export function orderDistinctSql(window: EvaluationWindow): string {
  const newSince = date(isoFromDay(dayNumber(window.asOf) - 365));
  return `
    SELECT o.customer_id, count(DISTINCT o.order_id) AS order_count, count(DISTINCT o.sku) AS sku_count,
      count(DISTINCT o.sku) FILTER (WHERE p.launch_date > ${newSince}) AS new_skus_ordered
    FROM order_lines o JOIN products p ON p.sku = o.sku
    WHERE o.order_date BETWEEN ${date(window.start)} AND ${date(window.asOf)}
    GROUP BY o.customer_id`;
}

/** Σ over ordering cycles of f(cycle volume), for weekly (one bucket a cycle) or biweekly (two). */
function overCycles(weeks: number, cycleWeeks: 1 | 2, volume: (expression: string) => string): string {
  const terms: string[] = [];
  for (let first = 0; first < weeks; first += cycleWeeks) {
    const members = Array.from({ length: Math.min(cycleWeeks, weeks - first) }, (_, offset) => `coalesce(o.w${first + offset}, 0)`);
    terms.push(volume(members.join(' + ')));
  }
  return terms.join(' + ');
}

/**
 * One row per evaluated customer with every measure of the catalog
 * (indicators/measures.ts in the core). Customers are evaluated when their
 * licence was issued by the as-of date and they were not cancelled or
 * closed before the window began.
 */
export function measuresSql(dialect: Dialect, window: EvaluationWindow): string {
  const weeks = window.weeks;
  const start = date(window.start);
  const end = date(window.asOf);
  const yearAgo = date(isoFromDay(dayNumber(window.asOf) - 365));
  const daysFromStart = dialect.daysBetween('c.license_date', start);
  // Whole weeks of the window on or after the licence date.
  const eligibleWeeks = `(CASE WHEN c.license_date IS NULL OR c.license_date <= ${start} THEN ${weeks}
      WHEN c.license_date > ${end} THEN 0
      ELSE ${weeks} - ${dialect.intDiv(`${daysFromStart} + 6`, '7')} END)`;
  const weekly = `c.order_cycle = 'weekly'`;
  const ordered = (expression: string): string => `(CASE WHEN ${expression} > 0 THEN 1 ELSE 0 END)`;
  const squared = (expression: string): string => `power(${expression}, 2)`;
  const cycles = `(CASE WHEN ${weekly} THEN ${eligibleWeeks} ELSE ${dialect.intDiv(`${eligibleWeeks} + 1`, '2')} END)`;
  return `
    SELECT c.customer_id, c.market, c.format, c.credit_grade, c.order_cycle,
      coalesce(o.qty, 0) AS qty,
      coalesce(o.amount, 0) AS amount,
      coalesce(o.gross_profit, 0) AS gross_profit,
      coalesce(o.qty_prev, 0) AS qty_prev,
      coalesce(o.amount_prev, 0) AS amount_prev,
      coalesce(o.qty_class12, 0) AS qty_class12,
      coalesce(o.qty_new_product, 0) AS qty_new_product,
      o.qty_limited, o.qty_limit, o.qty_demand, o.qty_with_demand,
      coalesce(od.order_count, 0) AS order_count,
      coalesce(od.sku_count, 0) AS sku_count,
      coalesce(od.new_skus_ordered, 0) AS new_skus_ordered,
      coalesce(o.weekly_trend, 0) AS weekly_trend,
      ${weeks}.0 AS weeks,
      CASE WHEN ${weekly} THEN ${overCycles(weeks, 1, ordered)} ELSE ${overCycles(weeks, 2, ordered)} END AS order_cycles,
      ${cycles} AS eligible_cycles,
      coalesce(o.qty, 0) / NULLIF(${cycles}, 0) AS cycle_volume_mean,
      sqrt(greatest(0, (CASE WHEN ${weekly} THEN ${overCycles(weeks, 1, squared)} ELSE ${overCycles(weeks, 2, squared)} END) / NULLIF(${cycles}, 0)
        - power(coalesce(o.qty, 0) / NULLIF(${cycles}, 0), 2))) AS cycle_volume_sd,
      ${dialect.intDiv(dialect.daysBetween(end, `coalesce(o.last_order_date, ${date(window.previousStart)} - 1)`), `(CASE WHEN ${weekly} THEN 7 ELSE 14 END)`)} AS cycles_since_order,
      np.available AS new_products_available,
      coalesce(d.displayed, 0) AS new_products_displayed,
      f.due AS feedback_due, f.on_time AS feedback_on_time, f.submitted AS feedback_submitted, f.accurate AS feedback_accurate,
      pr.invited AS promotions_invited, pr.joined AS promotions_joined, pr.executed AS promotions_executed,
      CASE c.credit_grade WHEN 'AAA' THEN 100 WHEN 'AA' THEN 90 WHEN 'A' THEN 80 WHEN 'B' THEN 60 WHEN 'C' THEN 40 WHEN 'D' THEN 20 END AS credit_grade_score,
      coalesce(ce.violations, 0) AS violations,
      coalesce(ce.defaults, 0) AS defaults,
      coalesce(ce.points, 0) AS credit_points,
      CASE c.trade_area WHEN 'core' THEN 100 WHEN 'secondary' THEN 70 WHEN 'ordinary' THEN 40 END AS trade_area_level,
      CASE WHEN c.terminal_type = 'modern' THEN 100 ELSE 0 END AS modern_terminal,
      c.business_area,
      ${dialect.daysBetween(end, 'c.license_date')} / 365.25 AS tenure_years,
      a.social_influence, a.trade_area_maturity, a.operating_skill,
      s.satisfaction
    FROM customers c
    LEFT JOIN eval_orders o ON o.customer_id = c.customer_id
    LEFT JOIN eval_order_distinct od ON od.customer_id = c.customer_id
    CROSS JOIN (SELECT count(*) AS available FROM products WHERE launch_date > ${yearAgo} AND launch_date <= ${end}) np
    LEFT JOIN (
      SELECT d.customer_id, count(DISTINCT d.sku) AS displayed
      FROM displays d JOIN products p ON p.sku = d.sku
      WHERE p.launch_date > ${yearAgo} AND p.launch_date <= ${end} AND d.start_date <= ${end} AND (d.end_date IS NULL OR d.end_date >= ${start})
      GROUP BY d.customer_id) d ON d.customer_id = c.customer_id
    LEFT JOIN (
      SELECT customer_id, count(*) AS due,
        count(*) FILTER (WHERE submitted_date <= due_date) AS on_time,
        count(submitted_date) AS submitted,
        count(*) FILTER (WHERE submitted_date IS NOT NULL AND accurate) AS accurate
      FROM feedback WHERE due_date BETWEEN ${start} AND ${end} GROUP BY customer_id) f ON f.customer_id = c.customer_id
    LEFT JOIN (
      SELECT customer_id, count(*) FILTER (WHERE invited) AS invited, count(*) FILTER (WHERE joined) AS joined, count(*) FILTER (WHERE executed) AS executed
      FROM promotions WHERE activity_date BETWEEN ${start} AND ${end} GROUP BY customer_id) pr ON pr.customer_id = c.customer_id
    LEFT JOIN (
      SELECT customer_id,
        count(*) FILTER (WHERE category IN ('violation_law', 'violation_rule')) AS violations,
        count(*) FILTER (WHERE category = 'default') AS defaults,
        sum(points) AS points
      FROM credit_events WHERE event_date > ${yearAgo} AND event_date <= ${end} GROUP BY customer_id) ce ON ce.customer_id = c.customer_id
    LEFT JOIN (
      SELECT customer_id,
        max(score) FILTER (WHERE indicator = 'social_influence') AS social_influence,
        max(score) FILTER (WHERE indicator = 'trade_area_maturity') AS trade_area_maturity,
        max(score) FILTER (WHERE indicator = 'operating_skill') AS operating_skill
      FROM assessments WHERE period = $1 GROUP BY customer_id) a ON a.customer_id = c.customer_id
    LEFT JOIN (
      SELECT customer_id, avg(score) AS satisfaction
      FROM survey_responses WHERE response_date > ${yearAgo} AND response_date <= ${end} GROUP BY customer_id) s ON s.customer_id = c.customer_id
    WHERE (c.license_date IS NULL OR c.license_date <= ${end})
      AND NOT (c.status IN ('cancelled', 'closed') AND c.status_date IS NOT NULL AND c.status_date < ${start})`;
}
