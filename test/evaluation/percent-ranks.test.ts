import { describe, expect, it } from 'vitest';
import { openDatabase } from '@retail-value/engine';
import { percentRanksSql } from '../../packages/engine/src/evaluation/compile-scores.js';
import type { PlannedIndicator } from '@retail-value/core';

/** Just what the percent-rank SQL reads of a planned indicator: its column index and peer scope. */
const indicator = (index: number, scope: PlannedIndicator['scope']): PlannedIndicator => ({ index, scope }) as unknown as PlannedIndicator;

/** The reference: DuckDB's percent_rank() window over the peer group, missing values ranked apart. */
const percentRankExpression = (raw: string, group: string): string => `percent_rank() OVER (PARTITION BY ${group}, ${raw} IS NULL ORDER BY ${raw})`;

describe('percent ranks', () => {
  it('counts over distinct values, and sorts the values alone, what the window over the rows gives: ties, missing values, −0 and 0, a group of one', async () => {
    const db = await openDatabase(':memory:');
    try {
      // 4,000 rows in two markets and five formats (one of them a single row); r0 with many ties, r1
      // nearly all distinct, r2 with NULLs, negative zeros beside zeros and a NaN
      await db.run(`CREATE TEMP TABLE t AS
        SELECT i AS row_key, CASE WHEN i % 3 = 0 THEN 'rural' ELSE 'urban' END AS market,
          CASE WHEN i = 0 THEN 'Q' ELSE ['Z', 'B', 'S', 'N'][1 + i % 4] END AS format,
          (i * 7919 % 13)::DOUBLE AS r0,
          round(sin(i) * 1000, 6) AS r1,
          CASE WHEN i % 10 = 0 THEN NULL WHEN i % 10 = 1 THEN '-0.0'::DOUBLE WHEN i % 10 = 2 THEN 0.0 WHEN i = 7 THEN 'NaN'::DOUBLE ELSE (i % 37)::DOUBLE - 18 END AS r2
        FROM range(4000) r(i)`);
      const chosen = [indicator(0, 'market'), indicator(1, 'all'), indicator(2, 'format')];
      const counted = await db.all(`SELECT * FROM (${percentRanksSql(chosen, 't')}) ORDER BY row_key`);
      // the same ranks from the window over the values alone, the form for indicators of mostly distinct values
      const windowed = await db.all(`SELECT * FROM (${percentRanksSql(chosen, 't', new Set([0, 1, 2]))}) ORDER BY row_key`);
      expect(percentRanksSql(chosen, 't', new Set([1]))).toContain('percent_rank() OVER');
      expect(percentRanksSql(chosen, 't')).not.toContain('percent_rank() OVER');
      const sorted = await db.all(
        `SELECT m.row_key, ${chosen
          .map((found) => `CASE WHEN m.r${found.index} IS NULL THEN NULL ELSE ${percentRankExpression(`m.r${found.index}`, found.scope === 'all' ? `'all'` : `m.${found.scope}`)} END AS p${found.index}`)
          .join(', ')} FROM t m ORDER BY m.row_key`,
      );
      expect(counted).toHaveLength(4000);
      const present = (value: unknown): boolean => value !== null;
      for (const [index, row] of sorted.entries()) {
        const other = counted[index] as Record<string, unknown>;
        for (const column of ['p0', 'p1', 'p2']) {
          if (!present(row[column])) continue;
          // exact: the same division of the same counts
          expect(other[column], `${String(row.row_key)} ${column}`).toBe(row[column]);
          expect((windowed[index] as Record<string, unknown>)[column], `${String(row.row_key)} ${column} sorted`).toBe(row[column]);
        }
      }
      // the single-row format scores 0, as percent_rank gives a group of one
      expect(counted[0]?.p2 ?? counted[0]?.p0).toBe(0);
      // the cases the comparison is for occur: ties, and both zeros in one group
      const zeros = await db.all(`SELECT count(DISTINCT p2) AS n FROM (${percentRanksSql(chosen, 't')}) p JOIN t USING (row_key) WHERE t.r2 = 0 AND t.format = 'Z'`);
      expect(zeros[0]?.n).toBe(1);
      expect((await db.all('SELECT count(*) FILTER (WHERE signbit(r2) AND r2 = 0) AS negative FROM t'))[0]?.negative).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });
});
