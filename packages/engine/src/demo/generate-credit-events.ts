import type { Database } from '../db/database.js';
import { CREDIT_GRADE_SHARES } from './demo-distributions.js';
import { sqlList } from './sql-constants.js';

/** Chance per slot (three slots a year) that a customer of a grade has a credit event. */
const EVENT_RATE: Readonly<Record<string, number>> = { AAA: 0.04, AA: 0.03, A: 0.03, B: 0.15, C: 0.3, D: 0.45 };

/**
 * Credit events consistent with today's grade. Well-graded customers mostly
 * earn incentives (修复激励); poorly graded ones have violations and defaults.
 * Half of the cancelled licences were revoked for a violation of law just
 * before their status date. `grade_after` walks back from the current grade:
 * each later violation lowered the grade one step and each later incentive
 * raised it, so the last event's grade is the archive's grade.
 */
export async function generateCreditEvents(db: Database): Promise<void> {
  const grades = CREDIT_GRADE_SHARES.map((entry) => entry.grade);
  const rates = `CASE credit_grade ${grades.map((grade) => `WHEN '${grade}' THEN ${EVENT_RATE[grade] ?? 0}`).join(' ')} END`;
  await db.run(`INSERT INTO credit_events (event_id, customer_id, event_date, category, points, grade_after)
    WITH spans AS (
      SELECT c.*, greatest(getvariable('demo_start'), c.first_date) AS span_start,
        least(getvariable('demo_end') + 1, c.stop_date) AS span_stop,
        c.credit_grade IN ('AAA', 'AA', 'A') AS well_graded
      FROM demo_customer c
    ), slotted AS (
      SELECT s.idx, s.customer_id, s.credit_grade, slot,
        s.span_start + floor(demo_u2(s.idx, slot, 'credit.date') * (s.span_stop - s.span_start))::INTEGER AS event_date,
        CASE WHEN s.well_graded THEN
            CASE WHEN demo_u2(s.idx, slot, 'credit.category') < 0.65 THEN 'incentive'
              WHEN demo_u2(s.idx, slot, 'credit.category') < 0.9 THEN 'violation_rule' ELSE 'default' END
          ELSE
            CASE WHEN demo_u2(s.idx, slot, 'credit.category') < 0.05 THEN 'incentive'
              WHEN demo_u2(s.idx, slot, 'credit.category') < 0.55 THEN 'violation_rule'
              WHEN demo_u2(s.idx, slot, 'credit.category') < 0.85 THEN 'default' ELSE 'violation_law' END
          END AS category
      FROM spans s CROSS JOIN range(3) AS r(slot)
      WHERE s.span_stop > s.span_start
        AND demo_u2(s.idx, slot, 'credit.keep') < ${rates} * least(1, getvariable('demo_weeks') / 52.0)
      UNION ALL
      SELECT idx, customer_id, credit_grade, 3 AS slot,
        greatest(first_date, status_date - floor(demo_u(idx, 'credit.revoked.date') * 20)::INTEGER), 'violation_law'
      FROM demo_customer
      WHERE status = 'cancelled' AND demo_u(idx, 'credit.revoked') < 0.5
    ), pointed AS (
      SELECT s.*,
        CASE category
          WHEN 'violation_law' THEN -(10 + floor(demo_u2(idx, slot, 'credit.points') * 21))
          WHEN 'violation_rule' THEN -(2 + floor(demo_u2(idx, slot, 'credit.points') * 7))
          WHEN 'default' THEN -(3 + floor(demo_u2(idx, slot, 'credit.points') * 8))
          ELSE 2 + floor(demo_u2(idx, slot, 'credit.points') * 5) END AS points,
        CASE category WHEN 'incentive' THEN -1 ELSE 1 END AS grade_step,
        list_position(${sqlList(db.dialect, grades)}, credit_grade) AS grade_now
      FROM slotted s
    ), walked AS (
      SELECT p.*,
        coalesce(sum(grade_step) OVER (PARTITION BY idx ORDER BY event_date, slot
          ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0) AS later_steps
      FROM pointed p
    )
    SELECT printf('E%s-%d', customer_id, slot), customer_id, event_date, category, points,
      ${sqlList(db.dialect, grades)}[greatest(1, least(${grades.length}, grade_now - later_steps))::INTEGER]
    FROM walked
    ORDER BY event_date, idx, slot`);
}
