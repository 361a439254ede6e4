import type { Database } from '../db/database.js';
import { COMPLAINTS, PRAISES, SURVEY_ITEMS } from './reference-data.js';
import { sqlList, valuesTable } from './sql-constants.js';

/** Share of trading customers sampled in each survey wave. */
const SAMPLE_SHARE = 0.1;

/**
 * A satisfaction survey every half year (waves on 10 June and 10 December
 * inside the window, or one wave just before its end if none falls in it).
 * A sample of trading customers answers every item 1–5. Satisfaction rises
 * with cooperativeness, falls for declining customers, and one respondent in
 * twenty is thoroughly dissatisfied; low scores often come with a complaint,
 * a few top scores with praise.
 */
export async function generateSurveyResponses(db: Database): Promise<void> {
  const items = valuesTable(
    db.dialect,
    'i',
    ['item_no', 'item', 'dimension', 'bias'],
    SURVEY_ITEMS.map((entry, index) => [index + 1, entry.item, entry.dimension, entry.bias]),
  );
  const complaint = `CASE dimension ${Object.entries(COMPLAINTS)
    .map(([dimension, texts]) => `WHEN '${dimension}' THEN ${sqlList(db.dialect, texts)}[1 + floor(demo_u3(idx, wave_no, item_no, 'survey.complaint.text') * ${texts.length})::INTEGER]`)
    .join(' ')} END`;
  const praise = `${sqlList(db.dialect, PRAISES)}[1 + floor(demo_u3(idx, wave_no, item_no, 'survey.praise.text') * ${PRAISES.length})::INTEGER]`;
  await db.run(`INSERT INTO survey_responses (survey_id, customer_id, response_date, item, dimension, score, comment)
    WITH dated AS (
      SELECT wave_date FROM (
        SELECT CAST(half_year + INTERVAL 5 MONTH AS DATE) + 9 AS wave_date
        FROM generate_series(date_trunc('year', getvariable('demo_start')), getvariable('demo_end'), INTERVAL 6 MONTH) AS g(half_year)
      ) WHERE wave_date BETWEEN getvariable('demo_start') AND getvariable('demo_end')
    ), waves AS (
      SELECT wave_date, row_number() OVER (ORDER BY wave_date) AS wave_no FROM (
        SELECT wave_date FROM dated
        UNION ALL
        SELECT greatest(getvariable('demo_start'), getvariable('demo_end') - 10) WHERE NOT EXISTS (SELECT 1 FROM dated)
      )
    ), respondents AS (
      SELECT c.idx, c.customer_id, w.wave_no,
        least(getvariable('demo_end'), w.wave_date + floor(demo_u2(c.idx, w.wave_no, 'survey.day') * 10)::INTEGER) AS response_date,
        printf('S%s', strftime(w.wave_date, '%Y%m')) AS survey_id,
        3.9 + (c.quality - 0.5)
          + CASE c.pattern WHEN 'declining' THEN -0.9 WHEN 'growing' THEN 0.2 ELSE 0 END
          + CASE WHEN demo_u2(c.idx, w.wave_no, 'survey.dissatisfied') < 0.05 THEN -1.6 ELSE 0 END
          + 0.4 * demo_normal2(c.idx, w.wave_no, 'survey.mood') AS mood
      FROM demo_customer c CROSS JOIN waves w
      WHERE demo_u2(c.idx, w.wave_no, 'survey.sampled') < ${SAMPLE_SHARE}
        AND w.wave_date >= c.first_date AND w.wave_date < c.stop_date
    ), scored AS (
      SELECT r.*, i.item_no, i.item, i.dimension,
        greatest(1, least(5, round(r.mood + i.bias + 0.6 * demo_normal2(r.idx, r.wave_no * 100 + i.item_no, 'survey.item'))))::INTEGER AS score
      FROM respondents r CROSS JOIN ${items}
    )
    SELECT survey_id, customer_id, response_date, item, dimension, score,
      CASE WHEN score <= 2 AND demo_u3(idx, wave_no, item_no, 'survey.complaint') < 0.6 THEN ${complaint}
        WHEN score = 5 AND demo_u3(idx, wave_no, item_no, 'survey.praise') < 0.05 THEN ${praise} END
    FROM scored
    ORDER BY survey_id, idx, item_no`);
}
