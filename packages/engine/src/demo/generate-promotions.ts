import type { Database } from '../db/database.js';

/**
 * A promotion every six weeks, from the fourth week on. Modern terminals,
 * large shops and town shops are invited more often; cooperative customers
 * join and carry it out; a few join uninvited.
 */
export async function generatePromotions(db: Database): Promise<void> {
  await db.run(`INSERT INTO promotions (promotion_id, customer_id, activity_date, invited, joined, executed)
    WITH activities AS (
      SELECT CAST(day AS DATE) AS activity_date, row_number() OVER (ORDER BY day) AS activity_no
      FROM generate_series(getvariable('demo_start') + 21, getvariable('demo_end'), INTERVAL 42 DAY) AS a(day)
    ), candidates AS (
      SELECT c.idx, c.customer_id, c.quality, a.activity_date, a.activity_no,
        demo_u2(c.idx, a.activity_no, 'promotion.invite') AS u_invite,
        0.15 + CASE WHEN c.modern THEN 0.2 ELSE 0 END + CASE WHEN c.scale = 'large' THEN 0.1 ELSE 0 END
          + CASE WHEN c.market = 'urban' THEN 0.05 ELSE 0 END AS invite_share
      FROM demo_customer c CROSS JOIN activities a
      WHERE a.activity_date >= c.first_date AND a.activity_date < c.stop_date
    ), taking_part AS (
      SELECT c.*, u_invite < invite_share AS invited,
        CASE WHEN u_invite < invite_share THEN demo_u2(idx, activity_no, 'promotion.join') < 0.3 + 0.6 * quality ELSE TRUE END AS joined
      FROM candidates c
      WHERE u_invite < invite_share OR demo_u2(idx, activity_no, 'promotion.walk_in') < 0.01
    )
    SELECT printf('P%s', strftime(activity_date, '%Y%m%d')), customer_id, activity_date, invited, joined,
      joined AND demo_u2(idx, activity_no, 'promotion.execute') < 0.55 + 0.4 * quality
    FROM taking_part
    ORDER BY activity_date, idx`);
}
