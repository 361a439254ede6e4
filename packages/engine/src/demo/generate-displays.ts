import type { Database } from '../db/database.js';

/**
 * New SKUs launched inside the window are put on display (新品出样) by about a
 * third of the modern terminals and a few ordinary shops, from a few days
 * after launch for four to eight weeks; a display still running at the end of
 * the window has no end date.
 */
export async function generateDisplays(db: Database): Promise<void> {
  await db.run(`INSERT INTO displays (customer_id, sku, start_date, end_date)
    WITH launched AS (
      SELECT sku, launch_date, row_number() OVER (ORDER BY sku) AS product_no
      FROM demo_product WHERE is_new
    ), shown AS (
      SELECT c.idx, c.customer_id, c.first_date, c.stop_date, p.sku, p.product_no,
        p.launch_date + (2 + floor(demo_u2(c.idx, p.product_no, 'display.start') * 14))::INTEGER AS start_date
      FROM demo_customer c CROSS JOIN launched p
      WHERE demo_u2(c.idx, p.product_no, 'display.taken') <
        CASE WHEN c.modern THEN 0.3 ELSE 0.04 END * CASE WHEN c.market = 'urban' THEN 1.2 ELSE 0.8 END
    )
    SELECT customer_id, sku, start_date,
      CASE WHEN start_date + (28 + floor(demo_u2(idx, product_no, 'display.length') * 28))::INTEGER <= getvariable('demo_end')
        THEN start_date + (28 + floor(demo_u2(idx, product_no, 'display.length') * 28))::INTEGER END
    FROM shown
    WHERE start_date <= getvariable('demo_end') AND start_date >= first_date AND start_date < stop_date
    ORDER BY start_date, idx, sku`);
}
