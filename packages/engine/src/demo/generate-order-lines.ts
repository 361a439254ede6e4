import type { Database } from '../db/database.js';
import { CLASS_QUANTITY_FACTOR } from './demo-distributions.js';
import { sqlList } from './sql-constants.js';

/** About this many order lines are generated and sorted per statement. */
const LINES_PER_CHUNK = 8_000_000;

/**
 * Order lines for the weeks $1…$2. A customer orders on its route's weekday,
 * every week or every other week (by parity), between its first order date
 * and its stop date, with a probability that follows its lifecycle pattern;
 * declining customers also skip whole 4-week blocks more often as the window
 * goes on. An order's cartons follow the customer's size, trend, the season
 * and noise. Its SKU lines are consecutive ranks of the customer's profile
 * list starting near the customer's own offset, so a shop keeps buying much
 * the same assortment and no SKU repeats within an order.
 *
 * The sort carries only numbers and short strings (DuckDB inlines strings of
 * up to 12 bytes); the outer projection, which keeps the sorted order,
 * builds the longer order number.
 */
function chunkSql(db: Database): string {
  return `INSERT INTO order_lines (order_id, customer_id, order_date, sku, qty, amount, qty_demand, qty_limit)
    WITH placed AS (
      SELECT c.idx, c.customer_id, k.week, k.order_date, k.date_key, c.profile, c.assortment, c.scarce_limit,
        c.base_qty * c.cycle_weeks * k.volume_factor * exp(c.trend_rate * k.week)
          -- a new shop builds up to its volume over its first 8 weeks
          * least(1.0, 0.5 + (k.order_date - c.license_date) / 112.0)
          * (0.85 + 0.3 * demo_u2(c.idx, k.week, 'order.size')) AS order_qty,
        -- stochastic rounding keeps the mean number of lines at demo_lines × breadth
        least(c.assortment, greatest(1, floor(getvariable('demo_lines') * c.breadth
          * (0.75 + 0.5 * demo_u2(c.idx, k.week, 'order.lines')) + demo_u2(c.idx, k.week, 'order.rounding'))))::INTEGER AS line_count,
        c.start_rank + floor(demo_u2(c.idx, k.week, 'order.jitter') * 3)::INTEGER AS first_rank
      FROM demo_customer c
      JOIN demo_calendar k ON k.weekday = c.weekday
      WHERE k.week BETWEEN $1 AND $2
        AND (c.cycle_weeks = 1 OR k.week % 2 = c.parity)
        AND k.order_date >= c.first_date AND k.order_date < c.stop_date
        AND demo_u2(c.idx, k.week, 'order.placed') < k.presence
          * (c.prob_start + (c.prob_end - c.prob_start) * k.week / greatest(1, getvariable('demo_weeks') - 1))
        AND NOT (c.pattern = 'declining' AND demo_u2(c.idx, k.week // 4, 'order.gap') < 0.3 * k.week / getvariable('demo_weeks'))
    ), picked AS (
      SELECT p.idx, p.customer_id, p.date_key, p.order_date, s.line_no, p.scarce_limit, r.sku, r.scarce, r.wholesale_price,
        greatest(1, round(p.order_qty / p.line_count * ${sqlList(db.dialect, CLASS_QUANTITY_FACTOR)}[r.price_class]
          * (0.7 + 0.6 * demo_u3(p.idx, p.week, s.line_no, 'line.qty'))
          -- scarce SKUs are asked for beyond what the allocation allows
          * CASE WHEN r.scarce THEN 1.6 ELSE 1 END)) AS qty_demand
      FROM placed p
      JOIN demo_line_slot s ON s.line_count = p.line_count
      JOIN demo_sku_rank r ON r.profile = p.profile AND r.rank = (p.first_rank + s.line_no) % p.assortment
      WHERE r.launch_date <= p.order_date
    ), sorted AS (
      SELECT idx, customer_id, date_key, order_date, line_no, sku, qty_demand,
        CASE WHEN scarce THEN least(qty_demand, scarce_limit) ELSE qty_demand END AS qty,
        CASE WHEN scarce THEN scarce_limit END AS qty_limit,
        wholesale_price
      FROM picked
      ORDER BY order_date, idx, line_no
    )
    SELECT date_key || '-' || customer_id, customer_id, order_date, sku,
      qty, round(qty * wholesale_price, 2), qty_demand, qty_limit
    FROM sorted`;
}

/**
 * Generates the order lines a few weeks at a time, each chunk sorted by date,
 * customer and line, the chunks in date order: the table is stored in date
 * order, as real weekly order files would append it. Evaluations read a
 * period (a date range) at a time, and DuckDB skips the row groups whose
 * min/max dates lie outside it. Sorting a chunk at a time keeps memory flat.
 */
export async function generateOrderLines(db: Database, weeks: number, customers: number, linesPerOrder: number): Promise<void> {
  await db.run(`CREATE TEMP TABLE demo_line_slot AS
    SELECT line_count::INTEGER AS line_count, unnest(range(line_count))::INTEGER AS line_no
    FROM range(1, (SELECT max(assortment) FROM demo_customer) + 1) AS t(line_count)`);
  const weeksPerChunk = Math.max(1, Math.floor(LINES_PER_CHUNK / (customers * linesPerOrder)));
  const sql = chunkSql(db);
  for (let first = 0; first < weeks; first += weeksPerChunk) {
    await db.run(sql, [first, Math.min(weeks, first + weeksPerChunk) - 1]);
  }
}
