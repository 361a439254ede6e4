import type { Database } from '@retail-value/engine';

/**
 * A small, fully specified company for evaluation tests: 60 customers, 12
 * products, 26 weeks of orders ending 2026-09-30, with known differences
 * between customers (volume grows with the customer number; every fifth
 * orders biweekly; customer 7 stopped ordering in August).
 */
export async function seedSmallCompany(db: Database): Promise<void> {
  await db.run(`
    INSERT INTO products (sku, name, brand, price_class, cost_price, wholesale_price, retail_price, origin, launch_date, low_tar, scarce)
    SELECT 'P' || lpad(i::VARCHAR, 3, '0'), '品规' || i, '品牌' || (i % 4), 1 + (i % 5),
      [180.0, 90.0, 50.0, 28.0, 15.0][1 + (i % 5)], [180.0, 90.0, 50.0, 28.0, 15.0][1 + (i % 5)] * 1.12, NULL, 'in_province',
      CASE WHEN i = 11 THEN DATE '2026-06-01' ELSE DATE '2020-01-01' END, FALSE, i = 0
    FROM range(12) t(i)`);
  await db.run(`
    INSERT INTO customers (customer_id, license_no, name, format, market, district, route, manager_id, license_date, status, credit_grade, order_cycle, trade_area, terminal_type, business_area)
    SELECT 'C' || lpad(i::VARCHAR, 4, '0'), '4401' || lpad(i::VARCHAR, 8, '0'), '商户' || i,
      ['Z', 'B', 'Y', 'S'][1 + (i % 4)], CASE WHEN i % 3 = 0 THEN 'rural' ELSE 'urban' END,
      CASE WHEN i < 30 THEN '东城区' ELSE '西城区' END, 'R' || (i % 6), 'M' || (i % 3),
      DATE '2018-01-01' + (i * 30)::INTEGER, 'normal', ['AAA', 'AA', 'A', 'B'][1 + (i % 4)],
      CASE WHEN i % 5 = 0 THEN 'biweekly' ELSE 'weekly' END,
      ['core', 'secondary', 'ordinary'][1 + (i % 3)], CASE WHEN i % 4 = 3 THEN 'modern' ELSE 'ordinary' END, 20.0 + i
    FROM range(60) t(i)`);
  await db.run(`
    INSERT INTO order_lines (order_id, customer_id, order_date, sku, qty, amount, qty_demand, qty_limit)
    SELECT 'O' || c.i || '-' || w.w, 'C' || lpad(c.i::VARCHAR, 4, '0'), DATE '2026-04-01' + (w.w * 7)::INTEGER,
      'P' || lpad(((c.i + l.l) % 12)::VARCHAR, 3, '0'), 1.0 + (c.i % 10) + l.l + (w.w // 4),
      (1.0 + (c.i % 10) + l.l + (w.w // 4)) * [180.0, 90.0, 50.0, 28.0, 15.0][1 + ((c.i + l.l) % 12) % 5] * 1.12,
      NULL, CASE WHEN (c.i + l.l) % 12 = 0 THEN 5.0 END
    FROM range(60) c(i), range(26) w(w), range(3) l(l)
    WHERE (c.i % 5 <> 0 OR w.w % 2 = 0) AND NOT (c.i = 7 AND w.w > 18) AND NOT (c.i % 9 = 4 AND w.w % 3 = 1)`);
  await db.run(`INSERT INTO data_loads VALUES (1, 'test', 'small-company', 'fixture', 60, '2026-10-01T00:00:00Z')`);
}
