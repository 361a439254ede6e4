import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, lifecycleReason, type SchemeInput } from '@retail-value/core';
import { evaluate, explainCustomer, listWarnings, openDatabase, type Database } from '@retail-value/engine';

/**
 * Customers with hand-made order histories, each built to meet one lifecycle
 * rule (DOMAIN §5 defaults). Orders fall on 2026-09-30 − 7k − 1 for the
 * weeks k listed, so week k before the as-of date holds an order.
 */
const AS_OF = '2026-09-30';

interface Shape {
  readonly id: string;
  readonly cycle: 'weekly' | 'biweekly';
  readonly licence: string;
  readonly status?: string;
  readonly statusDate?: string;
  /** weeks back with an order, and the quantity in that week */
  readonly weeks: readonly (readonly [number, number])[];
}

const every = (from: number, to: number, step: number, qty: (week: number) => number): [number, number][] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, index) => from + index * step).map((week) => [week, qty(week)]);

const SHAPES: readonly Shape[] = [
  { id: 'MATURE', cycle: 'weekly', licence: '2018-01-01', weeks: every(0, 51, 1, () => 10) },
  { id: 'GROWING', cycle: 'weekly', licence: '2018-01-01', weeks: every(0, 51, 1, (week) => (week < 13 ? 12 : 10)) },
  { id: 'MISSING', cycle: 'weekly', licence: '2018-01-01', weeks: every(5, 51, 1, () => 10) },
  { id: 'BIWEEKLY', cycle: 'biweekly', licence: '2018-01-01', weeks: every(0, 51, 2, () => 20) },
  { id: 'NEWCOMER', cycle: 'weekly', licence: '2026-08-26', weeks: every(0, 3, 1, () => 5) },
  { id: 'CANCELLED', cycle: 'weekly', licence: '2018-01-01', status: 'cancelled', statusDate: '2026-08-01', weeks: every(9, 51, 1, () => 10) },
  { id: 'STOPPED', cycle: 'weekly', licence: '2018-01-01', weeks: every(20, 51, 1, () => 10) },
  { id: 'NO_TRADE', cycle: 'weekly', licence: '2025-12-31', weeks: [] },
  { id: 'PATCHY', cycle: 'weekly', licence: '2018-01-01', weeks: [...every(0, 12, 3, () => 10), ...every(13, 51, 1, () => 10)] },
  { id: 'PEER', cycle: 'weekly', licence: '2018-01-01', weeks: every(0, 51, 1, () => 10) },
];

async function seed(db: Database): Promise<void> {
  await db.run(`INSERT INTO products (sku, name, price_class, cost_price, wholesale_price, launch_date) VALUES ('P1', '品规', 3, 50, 56, DATE '2020-01-01')`);
  for (const shape of SHAPES) {
    await db.run(
      `INSERT INTO customers (customer_id, name, format, market, district, manager_id, license_date, status, status_date, credit_grade, order_cycle)
       VALUES ($1, $1, 'Z', 'urban', '东城区', 'M1', $2::DATE, $3, $4::DATE, 'AA', $5)`,
      [shape.id, shape.licence, shape.status ?? 'normal', shape.statusDate ?? null, shape.cycle],
    );
    for (const [week, qty] of shape.weeks) {
      await db.run(
        `INSERT INTO order_lines (order_id, customer_id, order_date, sku, qty, amount) VALUES ($1, $2, DATE '${AS_OF}' - $3::INTEGER, 'P1', $4, $4 * 56)`,
        [`${shape.id}-${week}`, shape.id, 7 * week + 1, qty],
      );
    }
  }
  // MATURE was downgraded from AA to A in August; PEER answered a survey dissatisfied.
  await db.run(`INSERT INTO credit_events VALUES ('E1', 'MATURE', DATE '2026-03-01', 'incentive', 5, 'AA'), ('E2', 'MATURE', DATE '2026-08-01', 'violation_rule', -10, 'A')`);
  await db.run(
    `INSERT INTO survey_responses VALUES ('S1', 'PEER', DATE '2026-07-01', 'q1', 'service', 1, NULL), ('S1', 'PEER', DATE '2026-07-01', 'q2', 'supply', 2, '断货多')`,
  );
}

let db: Database;
let runId: string;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seed(db);
  runId = (await evaluate(db, { period: '2026Q3' })).runId;
});

async function stageOf(id: string): Promise<{ stage: string; rule: string; share: number | null; change: number | null; missed: number | null }> {
  const found = await explainCustomer(db, id, runId);
  return { stage: found.lifecycle.stage, rule: found.lifecycle.rule, share: found.lifecycle.activeShare, change: found.lifecycle.volumeChange, missed: found.lifecycle.missedCycles };
}

describe('lifecycle stages', () => {
  it('a steady weekly orderer is mature', async () => {
    expect(await stageOf('MATURE')).toMatchObject({ stage: 'maturity', rule: 'steady', share: 1, change: 0, missed: 0 });
  });

  it('volume up 20 % on the previous 13 cycles is growth', async () => {
    expect(await stageOf('GROWING')).toMatchObject({ stage: 'growth', rule: 'volume_up', share: 1 });
    expect((await stageOf('GROWING')).change).toBeCloseTo(0.2, 6);
  });

  it('five cycles missed in a row is decline', async () => {
    expect(await stageOf('MISSING')).toMatchObject({ stage: 'decline', rule: 'missed_cycles', missed: 5 });
  });

  it('a biweekly orderer ordering every second week misses no cycle', async () => {
    expect(await stageOf('BIWEEKLY')).toMatchObject({ stage: 'maturity', rule: 'steady', share: 1, change: 0, missed: 0 });
  });

  it('a licence of five weeks is in introduction', async () => {
    expect(await stageOf('NEWCOMER')).toMatchObject({ stage: 'introduction', rule: 'young_licence' });
  });

  it('a cancelled licence and a customer silent for 20 weeks are terminated', async () => {
    expect(await stageOf('CANCELLED')).toMatchObject({ stage: 'termination', rule: 'status' });
    expect(await stageOf('STOPPED')).toMatchObject({ stage: 'termination', rule: 'no_recent_order' });
  });

  it('orders in 5 of 13 cycles is decline by share', async () => {
    const found = await stageOf('PATCHY');
    expect(found).toMatchObject({ stage: 'decline', rule: 'low_share' });
    expect(found.share).toBeCloseTo(5 / 13, 6);
  });

  it('flags a licence with no trade within 26 weeks of issue (视同歇业)', async () => {
    const rows = await db.all<{ customer_id: string }>('SELECT customer_id FROM run_results WHERE run_id = $1 AND deemed_closed ORDER BY customer_id', [runId]);
    expect(rows.map((row) => row.customer_id)).toEqual(['NO_TRADE']);
  });

  it('says why, with the figures, in both languages', async () => {
    const found = await explainCustomer(db, 'PATCHY', runId);
    expect(lifecycleReason(found.lifecycle, found.lifecycle.rules, 'zh-CN')).toBe('近 13 个订货周期中仅 38% 有订货（< 50%）');
    expect(lifecycleReason(found.lifecycle, found.lifecycle.rules, 'en')).toBe('an order in only 38% of the last 13 cycles (< 50%)');
    expect(found.lifecycle.strategy?.['zh-CN']).toBe('不满意客户管理与预防客户解约管理');
  });
});

describe('churn warning', () => {
  it('scores missed cycles and the own decline, and gives the reasons', async () => {
    const found = await explainCustomer(db, 'MISSING', runId);
    // 5 missed cycles (≥ 4: 40 points) and 8 of the last 13 weeks' volume against 13 before: −38 % (≤ −30 %: 30 points)
    expect(found.churn.reasons).toEqual(expect.arrayContaining(['missed_cycles', 'own_decline']));
    expect(found.churn.score).toBeGreaterThanOrEqual(70);
    expect(found.churn.risk).toBe('high');
  });

  it('counts a credit downgrade and dissatisfied survey answers', async () => {
    expect((await explainCustomer(db, 'MATURE', runId)).churn).toMatchObject({ score: 20, risk: 'low', reasons: ['credit_downgrade'] });
    expect((await explainCustomer(db, 'PEER', runId)).churn).toMatchObject({ score: 20, reasons: ['dissatisfied'] });
  });

  it('lists warnings worst first, without the terminated unless asked', async () => {
    const warnings = await listWarnings(db, { runId, level: 'medium', limit: 10 });
    const scores = warnings.items.map((item) => item.churnScore);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(warnings.items.some((item) => item.lifecycleStage === 'termination')).toBe(false);
    expect(warnings.items[0]?.customerId).toBe('MISSING');
    const all = await listWarnings(db, { runId, level: 'high', limit: 10, includeTerminated: true });
    expect(all.items.map((item) => item.customerId)).toEqual(expect.arrayContaining(['CANCELLED', 'STOPPED']));
  });
});

describe('lifetime value in runs', () => {
  it('records the validation of the model on a holdout and values every active customer', async () => {
    const run = await db.all<{ frozen: string }>('SELECT frozen FROM runs WHERE run_id = $1', [runId]);
    const frozen = JSON.parse(run[0]!.frozen) as { lifetimeValue: { model: string; validation: { customers: number; actual: number; predicted: number } } };
    expect(frozen.lifetimeValue.model).toBe('run-rate');
    expect(frozen.lifetimeValue.validation.customers).toBeGreaterThan(0);
    expect(frozen.lifetimeValue.validation.actual).toBeGreaterThan(0);
    const mature = await explainCustomer(db, 'MATURE', runId);
    const stopped = await explainCustomer(db, 'STOPPED', runId);
    expect(mature.lifetimeValue.clv).toBeGreaterThan(0);
    expect(stopped.lifetimeValue.clv).toBe(0);
    const clvIndicator = mature.indicators.find((indicator) => indicator.code === 'lifetime_value');
    expect(clvIndicator?.raw).toBeCloseTo(mature.lifetimeValue.clv as number, 0);
  });

  it('values customers with BG/NBD when the scheme asks for it, validated on the holdout', async () => {
    const scheme = { ...DEFAULT_SCHEME, clv: { model: 'bg-nbd', horizonWeeks: 52, annualDiscountRate: 0.08, holdoutWeeks: 13 } } as SchemeInput;
    const run = await evaluate(db, { period: '2026Q3', scheme });
    const frozen = JSON.parse((await db.all<{ frozen: string }>('SELECT frozen FROM runs WHERE run_id = $1', [run.runId]))[0]!.frozen) as {
      lifetimeValue: { model: string; params: Record<string, number>; validation: { actual: number; predicted: number } };
    };
    expect(frozen.lifetimeValue.model).toBe('bg-nbd');
    expect(Object.keys(frozen.lifetimeValue.params).sort()).toEqual(['a', 'alpha', 'b', 'r']);
    expect(frozen.lifetimeValue.validation.predicted).toBeGreaterThan(0);
    const mature = await explainCustomer(db, 'MATURE', run.runId);
    const stopped = await explainCustomer(db, 'STOPPED', run.runId);
    expect(mature.lifetimeValue.clv).toBeGreaterThan(0);
    // a customer silent for 20 weeks after weekly orders is very likely gone
    expect(stopped.lifetimeValue.pAlive).toBeLessThan(mature.lifetimeValue.pAlive as number);
  });
});
