import type { Database } from '../db/database.js';
import { sqlList } from './sql-constants.js';

const KINDS = ['price', 'stock', 'competitor', 'demand', 'anomaly'];

/**
 * Information points (信息采集点: about a quarter of the customers, more of
 * the modern terminals and town shops) owe one report a month, due on the
 * 25th, the kind rotating. Diligent customers report on time and accurately;
 * others late, or never.
 */
export async function generateFeedback(db: Database): Promise<void> {
  await db.run(`INSERT INTO feedback (feedback_id, customer_id, kind, due_date, submitted_date, accurate)
    WITH months AS (
      SELECT CAST(month_start AS DATE) + 24 AS due_date, row_number() OVER (ORDER BY month_start) AS month_no
      FROM generate_series(date_trunc('month', getvariable('demo_start')), getvariable('demo_end'), INTERVAL 1 MONTH) AS m(month_start)
    ), due AS (
      SELECT c.idx, c.customer_id, c.quality, m.due_date, m.month_no
      FROM demo_customer c CROSS JOIN months m
      WHERE c.information_point
        AND m.due_date BETWEEN getvariable('demo_start') AND getvariable('demo_end')
        AND m.due_date >= c.first_date AND m.due_date < c.stop_date
    ), reported AS (
      SELECT d.*,
        CASE WHEN demo_u2(idx, month_no, 'feedback.missing') < 0.04 + 0.12 * (1 - quality) THEN NULL
          WHEN demo_u2(idx, month_no, 'feedback.on_time') < 0.45 + 0.5 * quality
            THEN due_date - floor(demo_u2(idx, month_no, 'feedback.days') * 6)::INTEGER
          ELSE due_date + 1 + floor(demo_u2(idx, month_no, 'feedback.days') * 10)::INTEGER END AS submitted
      FROM due d
    )
    SELECT printf('F%s-%s', strftime(due_date, '%Y%m'), customer_id), customer_id,
      ${sqlList(db.dialect, KINDS)}[1 + (month_no + idx) % ${KINDS.length}],
      due_date,
      CASE WHEN submitted <= getvariable('demo_end') THEN submitted END AS submitted_date,
      CASE WHEN submitted <= getvariable('demo_end') THEN demo_u2(idx, month_no, 'feedback.accurate') < 0.7 + 0.28 * quality END
    FROM reported
    ORDER BY due_date, idx`);
}
