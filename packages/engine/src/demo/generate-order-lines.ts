import type { Database } from '../db/database.js';
import { CLASS_QUANTITY_FACTOR } from './demo-distributions.js';
import { sqlList } from './sql-constants.js';

/**
 * One week of order lines. A customer orders on its route's weekday, every
 * week or every other week (by parity), between its first order date and its
 * stop date, with a probability that follows its lifecycle pattern; declining
 * customers also skip whole 4-week blocks more often as the window goes on.
 * The order's cartons follow the customer's size, its trend, the season and
 * noise; its SKU lines are consecutive ranks of the customer's profile list,
 * starting near the customer's own offset, so a shop keeps buying much the
 * same assortment and no SKU repeats within an order.
 */
function weekSql(db: Database): string {
  return `INSERT INTO order_lines (order_id, customer_id, order_date, sku, qty, amount, qty_demand, qty_limit)
    WITH placed AS (
      SELECT c.idx, c.customer_id, k.date_key || '-' || c.customer_id AS order_id, k.week, k.order_date,
        c.profile, c.assortment, c.scarce_limit,
        c.base_qty * c.cycle_weeks * k.volume_factor * exp(c.trend_rate * k.week)
          -- a new shop builds up to its volume over its first 8 weeks
          * least(1.0, 0.5 + (k.order_date - c.license_date) / 112.0)
          * (0.8 + 0.4 * demo_u2(c.idx, k.week, 'order.size')) AS order_qty,
        -- stochastic rounding keeps the mean number of lines at demo_lines × breadth
        least(c.assortment, greatest(1, floor(getvariable('demo_lines') * c.breadth
          * (0.75 + 0.5 * demo_u2(c.idx, k.week, 'order.lines')) + demo_u2(c.idx, k.week, 'order.rounding'))))::INTEGER AS line_count,
        c.start_rank + floor(demo_u2(c.idx, k.week, 'order.jitter') * 3)::INTEGER AS first_rank
      FROM demo_customer c
      JOIN demo_calendar k ON k.weekday = c.weekday
      WHERE k.week = $1
        AND (c.cycle_weeks = 1 OR k.week % 2 = c.parity)
        AND k.order_date >= c.first_date AND k.order_date < c.stop_date
        AND demo_u2(c.idx, k.week, 'order.placed') < k.presence
          * (c.prob_start + (c.prob_end - c.prob_start) * k.week / greatest(1, getvariable('demo_weeks') - 1))
        AND NOT (c.pattern = 'declining' AND demo_u2(c.idx, k.week // 4, 'order.gap') < 0.3 * k.week / getvariable('demo_weeks'))
    ), lines AS (
      SELECT p.*, unnest(range(p.line_count)) AS line_no FROM placed p
    ), picked AS (
      SELECT l.idx, l.order_id, l.customer_id, l.order_date, l.line_no, l.scarce_limit, r.sku, r.scarce, r.wholesale_price,
        greatest(1, round(l.order_qty / l.line_count * ${sqlList(db.dialect, CLASS_QUANTITY_FACTOR)}[r.price_class]
          * (0.5 + demo_u3(l.idx, l.week, l.line_no, 'line.qty'))
          -- scarce SKUs are asked for beyond what the allocation allows
          * CASE WHEN r.scarce THEN 1.6 ELSE 1 END)) AS qty_demand
      FROM lines l
      JOIN demo_sku_rank r ON r.profile = l.profile AND r.rank = (l.first_rank + l.line_no) % l.assortment
      WHERE r.launch_date <= l.order_date
    ), supplied AS (
      SELECT p.*, CASE WHEN p.scarce THEN least(p.qty_demand, p.scarce_limit) ELSE p.qty_demand END AS qty
      FROM picked p
    )
    SELECT order_id, customer_id, order_date, sku,
      qty, round(qty * wholesale_price, 2), qty_demand, CASE WHEN scarce THEN scarce_limit END
    FROM supplied
    ORDER BY order_date, idx, line_no`;
}

/**
 * Generates the order lines week by week. Each week is sorted by date, then
 * customer, then line; the weeks follow each other, so the table is stored in
 * date order. Evaluations read a period (a date range) at a time, and DuckDB
 * skips whole row groups whose min/max date lies outside it; real order files
 * also arrive week by week. Sorting one week at a time keeps memory flat.
 */
export async function generateOrderLines(db: Database, weeks: number, onWeek?: (week: number) => void): Promise<void> {
  const sql = weekSql(db);
  for (let week = 0; week < weeks; week += 1) {
    await db.run(sql, [week]);
    onWeek?.(week);
  }
}
