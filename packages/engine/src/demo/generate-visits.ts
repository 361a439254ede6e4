import type { Database } from '../db/database.js';
import { SERVICE_ITEMS } from './reference-data.js';
import { BUCKETS, createBucketTable, type WeightedValue } from './bucket-table.js';

/**
 * The item sets a visit records: order guidance nearly always, plus up to two
 * other items, as ';'-joined texts with their weights.
 */
function itemSets(): WeightedValue[] {
  const [first, ...others] = SERVICE_ITEMS;
  if (first === undefined) throw new Error('no service items');
  const sets: WeightedValue[] = [{ value: first, weight: 3 }];
  others.forEach((item, index) => {
    sets.push({ value: `${first};${item}`, weight: 2 });
    sets.push({ value: item, weight: 0.3 });
    for (const later of others.slice(index + 1)) sets.push({ value: `${first};${item};${later}`, weight: 0.6 });
  });
  return sets;
}

/**
 * Visits on the route's weekday every `visit_interval` weeks while the
 * customer trades. Some are missed (no actual date) — more by less diligent
 * managers — and some happen a few days late.
 */
export async function generateVisits(db: Database): Promise<void> {
  await createBucketTable(db, 'demo_visit_bucket', { items: itemSets() });
  await db.run(`INSERT INTO visits (visit_id, customer_id, manager_id, planned_date, actual_date, duration_minutes, items)
    WITH planned AS (
      SELECT c.idx, c.customer_id, c.manager_id, c.manager_no, k.week, k.order_date AS planned_date, k.date_key
      FROM demo_customer c
      JOIN demo_calendar k ON k.weekday = c.weekday
      WHERE (k.week + floor(demo_u(c.idx, 'visit.phase') * c.visit_interval)::INTEGER) % c.visit_interval = 0
        AND k.order_date >= c.first_date AND k.order_date < c.stop_date
    ), done AS (
      SELECT p.*,
        demo_u2(p.idx, p.week, 'visit.missed') < 0.03 + 0.1 * demo_u(p.manager_no, 'manager.negligence') AS missed,
        CASE WHEN demo_u2(p.idx, p.week, 'visit.delay') < 0.85 THEN 0
          ELSE 1 + floor(demo_u2(p.idx, p.week, 'visit.delay.days') * 3)::INTEGER END AS delay
      FROM planned p
    )
    SELECT 'V' || d.date_key || '-' || d.customer_id, d.customer_id, d.manager_id, d.planned_date,
      CASE WHEN d.missed OR d.planned_date + d.delay > getvariable('demo_end') THEN NULL ELSE d.planned_date + d.delay END,
      CASE WHEN d.missed THEN NULL ELSE round(10 + 35 * pow(demo_u2(d.idx, d.week, 'visit.duration'), 1.5)) END,
      CASE WHEN d.missed THEN NULL ELSE b.value END
    FROM done d
    JOIN demo_visit_bucket b ON b.choice = 'items' AND b.bucket = floor(demo_u2(d.idx, d.week, 'visit.items') * ${BUCKETS})::INTEGER
    ORDER BY d.planned_date, d.idx`);
}
