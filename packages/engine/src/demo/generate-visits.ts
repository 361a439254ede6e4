import type { Database } from '../db/database.js';
import { SERVICE_ITEMS } from './reference-data.js';
import { sqlList } from './sql-constants.js';
import { weightedBuckets } from './weighted-buckets.js';

/**
 * The item sets a visit records: order guidance nearly always, plus up to two
 * other items. Listed as ';'-joined texts to pick from by weight.
 */
function itemSets(): string[] {
  const [first, ...others] = SERVICE_ITEMS;
  if (first === undefined) throw new Error('no service items');
  const sets: { value: string; weight: number }[] = [{ value: first, weight: 3 }];
  others.forEach((item, index) => {
    sets.push({ value: `${first};${item}`, weight: 2 });
    sets.push({ value: item, weight: 0.3 });
    for (const later of others.slice(index + 1)) sets.push({ value: `${first};${item};${later}`, weight: 0.6 });
  });
  return weightedBuckets(sets);
}

/**
 * Visits on the route's weekday every `visit_interval` weeks while the
 * customer trades. Some are missed (no actual date) — more by less diligent
 * managers — and some happen a few days late.
 */
export async function generateVisits(db: Database): Promise<void> {
  const items = itemSets();
  await db.run(`INSERT INTO visits (visit_id, customer_id, manager_id, planned_date, actual_date, duration_minutes, items)
    WITH planned AS (
      SELECT c.idx, c.customer_id, c.manager_id, c.manager_no, k.week, k.order_date AS planned_date
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
    SELECT printf('V%s-%s', strftime(planned_date, '%Y%m%d'), customer_id), customer_id, manager_id, planned_date,
      CASE WHEN missed OR planned_date + delay > getvariable('demo_end') THEN NULL ELSE planned_date + delay END,
      CASE WHEN missed THEN NULL ELSE round(10 + 35 * pow(demo_u2(idx, week, 'visit.duration'), 1.5)) END,
      CASE WHEN missed THEN NULL ELSE ${sqlList(db.dialect, items)}[1 + floor(demo_u2(idx, week, 'visit.items') * ${items.length})::INTEGER] END
    FROM done
    ORDER BY planned_date, idx`);
}
