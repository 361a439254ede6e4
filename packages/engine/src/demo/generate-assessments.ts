import type { Database } from '../db/database.js';
import { FORMATS, INFLUENCE } from './demo-distributions.js';

/**
 * Each manager scores each of their trading customers once a quarter on the
 * three qualitative indicators (0–100), for every quarter the window touches.
 * Scores follow the customer's format, scale, trade area and cooperativeness,
 * with rater noise; growing customers gain skill over the quarters, declining
 * ones lose it.
 */
export async function generateAssessments(db: Database): Promise<void> {
  const influence = `CASE c.format ${FORMATS.map((format) => `WHEN '${format}' THEN ${INFLUENCE[format]}`).join(' ')} END`;
  await db.run(`INSERT INTO assessments (customer_id, period, indicator, score, assessor)
    WITH quarters AS (
      SELECT CAST(quarter_start AS DATE) AS quarter_start,
        CAST(quarter_start + INTERVAL 3 MONTH AS DATE) - 1 AS quarter_end,
        year(quarter_start) || 'Q' || quarter(quarter_start) AS period,
        row_number() OVER (ORDER BY quarter_start) AS quarter_no
      FROM generate_series(date_trunc('quarter', getvariable('demo_start')), getvariable('demo_end'), INTERVAL 3 MONTH) AS q(quarter_start)
    ), indicators AS (
      SELECT * FROM (VALUES (1, 'operating_skill'), (2, 'social_influence'), (3, 'trade_area_maturity')) AS i(indicator_no, indicator)
    )
    SELECT c.customer_id, q.period, i.indicator,
      round(greatest(0, least(100, CASE i.indicator
        WHEN 'social_influence' THEN
          35 + 30 * ${influence} + CASE c.scale WHEN 'large' THEN 15 WHEN 'medium' THEN 7.5 ELSE 0 END + 15 * c.quality
        WHEN 'trade_area_maturity' THEN
          CASE c.trade_area WHEN 'core' THEN 78 WHEN 'secondary' THEN 64 ELSE 48 END + CASE WHEN c.market = 'urban' THEN 6 ELSE 0 END
        ELSE
          40 + 45 * c.quality + CASE c.pattern WHEN 'growing' THEN 6 + 1.5 * q.quarter_no WHEN 'declining' THEN -8 - 2 * q.quarter_no
            WHEN 'new' THEN -5 ELSE 0 END
        END + 6 * demo_normal2(c.idx, 10 * q.quarter_no + i.indicator_no, 'assessment')))),
      c.manager_id
    FROM demo_customer c CROSS JOIN quarters q CROSS JOIN indicators i
    WHERE c.first_date <= q.quarter_end AND c.stop_date > q.quarter_start
    ORDER BY q.period, c.idx, i.indicator_no`);
}
