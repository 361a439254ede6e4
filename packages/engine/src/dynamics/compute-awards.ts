import { CREDIT_GRADES, schemeSchema, type AwardRule, type LocalizedText } from '@retail-value/core';
import type { Database, SqlValue } from '../db/database.js';
import { loadRun, type RunSummary } from '../evaluation/run-store.js';
import { schemeVersion } from '../evaluation/scheme-store.js';

/** Credit-event categories that bar an award: 违法, 违规, 违约 (an incentive does not). */
const VIOLATION_CATEGORIES = ['violation_law', 'violation_rule', 'default'] as const;

interface WindowRun {
  readonly runId: string;
  readonly windowStart: string;
  readonly asOf: string;
}

async function awardRules(db: Database, run: RunSummary): Promise<AwardRule[]> {
  const stored = await schemeVersion(db, run.schemeId, run.schemeVersion);
  return schemeSchema.parse(stored.document).awards;
}

/**
 * This run and, before it, up to `periods − 1` runs of the same scheme id at
 * earlier as-of dates, oldest first. Runs are ordered by as-of date, then
 * creation time (then run id, so the order is total); of several runs at one
 * as-of date (a re-run after a data correction) only the latest made up to
 * this run counts, so re-running a period never stands in for the next one.
 */
async function awardWindow(db: Database, run: RunSummary, periods: number): Promise<WindowRun[]> {
  const rows = await db.all<{ run_id: string; window_start: string; as_of: string }>(
    'SELECT run_id, window_start, as_of FROM runs WHERE scheme_id = $1 ORDER BY as_of, created_at, run_id',
    [run.schemeId],
  );
  const at = rows.findIndex((row) => row.run_id === run.runId);
  if (at < 0) throw new Error(`run ${run.runId} is not stored under scheme ${run.schemeId}`);
  const latestPerDate = rows.slice(0, at + 1).filter((row, index, made) => made[index + 1]?.as_of !== row.as_of);
  return latestPerDate.slice(-periods).map((row) => ({ runId: row.run_id, windowStart: row.window_start, asOf: row.as_of }));
}

/**
 * Awards of a run (评优): for each award rule of the run's scheme, the
 * customers that met it in this run and in the `periods − 1` runs of the
 * same scheme before it, written to run_awards (replacing what the run had).
 * With fewer earlier runs than that, nobody qualifies. Returns the number of
 * customers per award code.
 */
export async function computeAwards(db: Database, runId: string): Promise<Record<string, number>> {
  const run = await loadRun(db, runId);
  const rules = await awardRules(db, run);
  const awarded: Record<string, number> = {};
  await db.transaction(async () => {
    await db.run('DELETE FROM run_awards WHERE run_id = $1', [run.runId]);
    for (const rule of rules) {
      awarded[rule.code] = 0;
      const window = await awardWindow(db, run, rule.periods);
      if (window.length < rule.periods) continue;
      const params: SqlValue[] = [run.runId, rule.code];
      const placeholder = (value: SqlValue): string => {
        params.push(value);
        return `$${params.length}`;
      };
      const placeholders = (values: readonly SqlValue[]): string => values.map(placeholder).join(', ');
      const conditions = [`r.run_id IN (${placeholders(window.map((found) => found.runId))})`, `r.service_class IN (${placeholders(rule.classes)})`];
      if (rule.valueCells !== undefined) conditions.push(`r.value_cell IN (${placeholders(rule.valueCells)})`);
      if (rule.minCreditGrade !== undefined) {
        conditions.push(`r.credit_grade IN (${placeholders(CREDIT_GRADES.slice(0, CREDIT_GRADES.indexOf(rule.minCreditGrade) + 1))})`);
      }
      if (rule.noViolations) {
        // One span from the earliest window's first day to this run's as-of date: no gap between runs escapes the check.
        const start = window.map((found) => found.windowStart).reduce((earliest, day) => (day < earliest ? day : earliest));
        conditions.push(
          `NOT EXISTS (SELECT 1 FROM credit_events e WHERE e.customer_id = r.customer_id AND e.category IN (${placeholders(VIOLATION_CATEGORIES)})
             AND e.event_date BETWEEN ${placeholder(start)}::DATE AND ${placeholder(run.asOf)}::DATE)`,
        );
      }
      // A customer qualifies when every run of the window has a qualifying row for it.
      await db.run(
        `INSERT INTO run_awards (run_id, customer_id, award_code)
         SELECT $1, r.customer_id, $2 FROM run_results r WHERE ${conditions.join(' AND ')}
         GROUP BY r.customer_id HAVING count(*) = ${window.length}`,
        params,
      );
    }
  });
  const counts = await db.all<{ award_code: string; n: number }>('SELECT award_code, count(*) AS n FROM run_awards WHERE run_id = $1 GROUP BY award_code', [run.runId]);
  for (const row of counts) awarded[row.award_code] = row.n;
  return awarded;
}

export interface AwardRuleSummary {
  readonly code: string;
  readonly name: LocalizedText;
  readonly rewards: readonly LocalizedText[];
  readonly periods: number;
  /** Runs of the window found (this one included); fewer than `periods` means nobody could qualify. */
  readonly runsFound: number;
  readonly customers: number;
}

export interface AwardedCustomer {
  readonly customerId: string;
  readonly name: string | null;
  readonly district: string | null;
  readonly managerId: string | null;
  readonly awardCode: string;
  readonly awardName: LocalizedText;
  readonly rewards: readonly LocalizedText[];
  readonly serviceClass: string;
  readonly valueCell: string;
  readonly creditGrade: string | null;
  readonly compositeScore: number;
  readonly rank: number;
}

export interface AwardListing {
  readonly run: RunSummary;
  readonly rules: readonly AwardRuleSummary[];
  /** By award (in the scheme's order), then rank, then customer id. */
  readonly customers: readonly AwardedCustomer[];
}

/** The awarded customers of a run (default: the latest run), with each award's name and rewards. */
export async function listAwards(db: Database, runId?: string): Promise<AwardListing> {
  const { frozen: _frozen, ...run } = await loadRun(db, runId);
  const rules = await awardRules(db, run);
  const rows = await db.all<{
    customer_id: string;
    award_code: string;
    name: string | null;
    district: string | null;
    manager_id: string | null;
    service_class: string;
    value_cell: string;
    credit_grade: string | null;
    composite_score: number;
    rank: number;
  }>(
    `SELECT a.customer_id, a.award_code, c.name, c.district, c.manager_id, r.service_class, r.value_cell, r.credit_grade, r.composite_score, r.rank
     FROM run_awards a
     JOIN run_results r ON r.run_id = a.run_id AND r.customer_id = a.customer_id
     LEFT JOIN customers c ON c.customer_id = a.customer_id
     WHERE a.run_id = $1 ORDER BY r.rank, a.customer_id`,
    [run.runId],
  );
  const order = rules.map((rule) => rule.code);
  const customers = rows
    .filter((row) => order.includes(row.award_code))
    .sort((a, b) => order.indexOf(a.award_code) - order.indexOf(b.award_code))
    .map((row): AwardedCustomer => {
      const rule = rules[order.indexOf(row.award_code)] as AwardRule;
      return {
        customerId: row.customer_id,
        name: row.name,
        district: row.district,
        managerId: row.manager_id,
        awardCode: row.award_code,
        awardName: rule.name,
        rewards: rule.rewards,
        serviceClass: row.service_class,
        valueCell: row.value_cell,
        creditGrade: row.credit_grade,
        compositeScore: row.composite_score,
        rank: row.rank,
      };
    });
  const summaries: AwardRuleSummary[] = [];
  for (const rule of rules) {
    summaries.push({
      code: rule.code,
      name: rule.name,
      rewards: rule.rewards,
      periods: rule.periods,
      runsFound: (await awardWindow(db, run, rule.periods)).length,
      customers: customers.filter((found) => found.awardCode === rule.code).length,
    });
  }
  return { run, rules: summaries, customers };
}
