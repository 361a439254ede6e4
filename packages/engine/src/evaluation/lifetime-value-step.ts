import {
  countPredictor,
  discountedClv,
  fitCountModel,
  fitGammaGamma,
  runRateClv,
  type ClvSettings,
  type CustomerPattern,
} from '@retail-value/core';
import type { Database } from '../db/database.js';
import { literal } from './compile-scores.js';
import { lowestBit } from './compile-lifecycle.js';

/** What a run froze about its lifetime-value model. */
export interface FrozenLifetimeValue {
  readonly model: ClvSettings['model'];
  readonly params: Readonly<Record<string, number>>;
  /** Mixing distributions the fit collapsed (the likelihood kept rising as their spread vanished): their shape and scale then matter only as a ratio. */
  readonly collapsed: readonly string[];
  readonly spendParams: Readonly<Record<string, number>> | null;
  readonly horizonWeeks: number;
  readonly annualDiscountRate: number;
  /** The model fitted on all but the last `holdoutWeeks`, checked on them: purchase weeks predicted against actual. */
  readonly validation: {
    readonly holdoutWeeks: number;
    readonly customers: number;
    readonly actual: number;
    readonly predicted: number;
    readonly percentError: number;
    readonly meanAbsoluteError: number;
  };
}

const CHUNK = 500;

/**
 * How the measures read each customer's lifetime values: expressions over the
 * measures' row (the order aggregate `o`) and the joins they need. The run
 * rate is a formula of the order aggregate's own columns; the count models
 * join the per-pattern table eval_clv (`lv`).
 */
export interface LifetimeValueSql {
  readonly pAlive: string;
  readonly expectedTransactions: string;
  readonly clv: string;
  readonly joins: readonly string[];
}

/**
 * Per-customer purchase histories at week level from the order aggregate's
 * week mask, `shift` weeks before the as-of date: x = purchase weeks − 1,
 * T = weeks from the first purchase week to the end (inclusive), t_x = weeks
 * from the first to the last purchase week. Several orders in a week count as
 * one transaction; the history is the 52-week look-back.
 */
function historySql(db: Database, shift: number, alias = ''): { x: string; tx: string; T: string; mask: string } {
  const dialect = db.dialect;
  const mask = shift === 0 ? `${alias}week_mask` : `(${alias}week_mask >> ${shift})`;
  const firstBack = dialect.intDiv(dialect.daysBetween(`DATE '${'{asOf}'}'`, `${alias}first_order_date`), '7');
  return {
    mask,
    x: `${dialect.bitCount(mask)} - 1`,
    T: `${firstBack} - ${shift} + 1`,
    tx: `${firstBack} - ${shift} - ${lowestBit(dialect, mask)}`,
  };
}

async function patterns(db: Database, asOf: string, shift: number, withHoldout: boolean): Promise<(CustomerPattern & { holdout: number })[]> {
  const history = historySql(db, shift);
  const fill = (text: string): string => text.replaceAll('{asOf}', asOf);
  const holdout = withHoldout ? db.dialect.bitCount(`week_mask & CAST(${(2n ** BigInt(shift) - 1n).toString()} AS UBIGINT)`) : '0';
  const rows = await db.all<{ x: number; tx: number; T: number; holdout: number; n: number }>(
    `SELECT ${fill(history.x)} AS x, ${fill(history.tx)} AS tx, ${fill(history.T)} AS "T", ${holdout} AS holdout, count(*) AS n
     FROM eval_orders WHERE week_mask IS NOT NULL AND ${history.mask} <> 0 GROUP BY ALL ORDER BY ALL`,
  );
  return rows.map((row) => ({ x: row.x, tx: row.tx, T: row.T, count: row.n, holdout: row.holdout }));
}

function aggregate(groups: readonly (CustomerPattern & { holdout: number })[]): CustomerPattern[] {
  const merged = new Map<string, CustomerPattern>();
  for (const group of groups) {
    const key = `${group.x}|${group.tx}|${group.T}`;
    const found = merged.get(key);
    merged.set(key, { x: group.x, tx: group.tx, T: group.T, count: (found?.count ?? 0) + group.count });
  }
  return [...merged.values()];
}

/**
 * Fits the scheme's lifetime-value model on the company's own order history,
 * validates it on a holdout, refits on the whole look-back and gives each
 * customer's P(alive), expected purchase weeks and discounted CLV (gross
 * profit) as SQL the measures read (the count models through the temp table
 * eval_clv). Models work on patterns, so a million customers cost as much as
 * their distinct (x, t_x, T).
 */
export async function computeLifetimeValues(db: Database, asOf: string, settings: ClvSettings): Promise<{ frozen: FrozenLifetimeValue; sql: LifetimeValueSql }> {
  const holdoutWeeks = settings.holdoutWeeks;
  const calibration = await patterns(db, asOf, holdoutWeeks, true);
  const horizon = settings.horizonWeeks;
  const margin = `coalesce(year_gross_profit / NULLIF(year_amount, 0), 0)`;
  const validation = { holdoutWeeks, customers: 0, actual: 0, predicted: 0, percentError: 0, meanAbsoluteError: 0 };
  let absolute = 0;

  if (settings.model === 'run-rate') {
    // Constant weekly churn hazard (life table): customers whose last purchase week lies 13+ weeks back
    // stopped; exposure is the weeks from their first to their last purchase week (or to the end).
    const hazardRow = async (shift: number): Promise<number> => {
      const history = historySql(db, shift);
      const last = lowestBit(db.dialect, history.mask);
      const rows = await db.all<{ stopped: number; exposure: number }>(
        `SELECT count(*) FILTER (WHERE ${last} >= 13) AS stopped, sum((${history.T.replaceAll('{asOf}', asOf)}) - CASE WHEN ${last} >= 13 THEN ${last} ELSE 0 END) AS exposure
         FROM eval_orders WHERE week_mask IS NOT NULL AND ${history.mask} <> 0`,
      );
      const found = rows[0];
      return found !== undefined && found.exposure > 0 ? found.stopped / found.exposure : 0;
    };
    const calibrationRetention = 1 - (await hazardRow(holdoutWeeks));
    const survivalSum = Array.from({ length: holdoutWeeks }, (_, week) => Math.pow(calibrationRetention, week + 1)).reduce((sum, value) => sum + value, 0);
    for (const group of calibration) {
      const rate = (group.x + 1) / group.T;
      // A customer whose last purchase week lies 13 or more weeks before the calibration end has stopped.
      const predicted = group.T - 1 - group.tx >= 13 ? 0 : rate * survivalSum;
      validation.customers += group.count;
      validation.actual += group.holdout * group.count;
      validation.predicted += predicted * group.count;
      absolute += Math.abs(predicted - group.holdout) * group.count;
    }
    const retention = 1 - (await hazardRow(0));
    const factor = runRateClv(1, retention, { horizon, annualDiscountRate: settings.annualDiscountRate });
    // Per customer with a purchase week in the look-back: formulas of the order aggregate's row, read in place.
    const history = historySql(db, 0, 'o.');
    const last = lowestBit(db.dialect, history.mask);
    const T = history.T.replaceAll('{asOf}', asOf);
    const buyer = (value: string): string => `(CASE WHEN o.week_mask IS NOT NULL AND o.week_mask <> 0 THEN ${value} END)`;
    finish(validation, absolute);
    return {
      frozen: { model: 'run-rate', params: { retention, weeklyHazard: 1 - retention }, collapsed: [], spendParams: null, horizonWeeks: horizon, annualDiscountRate: settings.annualDiscountRate, validation },
      sql: {
        pAlive: buyer(`power(${literal(retention)}, ${last})`),
        expectedTransactions: buyer(`CASE WHEN ${last} >= 13 THEN 0 ELSE (${history.x} + 1) * 1.0 / (${T}) * ${literal(horizon)} END`),
        clv: buyer(`CASE WHEN ${last} >= 13 THEN 0 ELSE o.year_gross_profit / (${T}) * ${literal(factor)} END`),
        joins: [],
      },
    };
  }

  const calibrationFit = fitCountModel(settings.model, aggregate(calibration));
  const calibrationPredictor = countPredictor(calibrationFit);
  for (const group of calibration) {
    const predicted = calibrationPredictor.conditionalCurve(group)(holdoutWeeks);
    validation.customers += group.count;
    validation.actual += group.holdout * group.count;
    validation.predicted += predicted * group.count;
    absolute += Math.abs(predicted - group.holdout) * group.count;
  }
  finish(validation, absolute);

  // The count models fit on the whole look-back's patterns (the run rate needs none).
  const full = aggregate(await patterns(db, asOf, 0, false));
  const fit = fitCountModel(settings.model, full);
  const predictor = countPredictor(fit);
  await db.run('CREATE OR REPLACE TEMP TABLE eval_clv_patterns (x INTEGER, tx INTEGER, "T" INTEGER, p_alive DOUBLE, expected DOUBLE, discounted DOUBLE)');
  for (let start = 0; start < full.length; start += CHUNK) {
    const values = full.slice(start, start + CHUNK).map((pattern) => {
      const curve = predictor.conditionalCurve(pattern);
      const discounted = discountedClv(curve, 1, { horizon, annualDiscountRate: settings.annualDiscountRate, timeUnitDays: 7 });
      return `(${pattern.x}, ${pattern.tx}, ${pattern.T}, ${literal(predictor.pAlive(pattern))}, ${literal(curve(horizon))}, ${literal(discounted)})`;
    });
    await db.run(`INSERT INTO eval_clv_patterns VALUES ${values.join(', ')}`);
  }

  // Gamma-Gamma for spend per purchase week, fitted on a deterministic sample of repeat customers
  // (its likelihood has no small sufficient statistic, and 20,000 customers pin its three parameters).
  const history = historySql(db, 0);
  const x = history.x;
  const sample = await db.all<{ x: number; m: number }>(
    `SELECT ${x} AS x, year_amount / (${x} + 1) AS m FROM eval_orders
     WHERE week_mask IS NOT NULL AND ${db.dialect.bitCount('week_mask')} >= 2 AND year_amount > 0 ORDER BY hash(customer_id), customer_id LIMIT 20000`,
  );
  const spend = fitGammaGamma(sample.map((row) => ({ x: row.x, monetaryValue: row.m })));
  const { p, q, gamma } = spend.params;
  const expectedSpend = `(${literal(gamma * p)} + ${literal(p)} * (${x}) * (year_amount / (${x} + 1))) / (${literal(p)} * (${x}) + ${literal(q - 1)})`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE eval_clv AS
     SELECT o.customer_id, cp.p_alive, cp.expected AS expected_transactions, cp.discounted * ${expectedSpend} * ${margin} AS clv
     FROM eval_orders o JOIN eval_clv_patterns cp
       ON cp.x = ${x} AND cp.tx = ${history.tx.replaceAll('{asOf}', asOf)} AND cp."T" = ${history.T.replaceAll('{asOf}', asOf)}
     WHERE o.week_mask IS NOT NULL AND o.week_mask <> 0`,
  );
  return {
    frozen: {
      model: settings.model,
      params: { ...fit.params },
      collapsed: [...(fit.collapsed ?? [])],
      spendParams: { p, q, gamma },
      horizonWeeks: horizon,
      annualDiscountRate: settings.annualDiscountRate,
      validation,
    },
    sql: { pAlive: 'lv.p_alive', expectedTransactions: 'lv.expected_transactions', clv: 'lv.clv', joins: ['LEFT JOIN eval_clv lv ON lv.customer_id = c.customer_id'] },
  };
}

function finish(validation: { customers: number; actual: number; predicted: number; percentError: number; meanAbsoluteError: number }, absolute: number): void {
  validation.percentError = validation.actual > 0 ? (100 * (validation.predicted - validation.actual)) / validation.actual : 0;
  validation.meanAbsoluteError = validation.customers > 0 ? absolute / validation.customers : 0;
}

