import { describe, expect, it } from 'vitest';
import { discountFactor } from './discounted-clv.js';
import { estimateChurnHazard, runRateClv, summarizeRunRates } from './run-rate.js';
import type { Transaction } from './summarize-transactions.js';

function weekly(customerId: string, from: string, weeks: number, amount: number, every = 1): Transaction[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, k) => ({
    customerId,
    date: new Date(start + k * every * 7 * 86_400_000).toISOString().slice(0, 10),
    amount,
  }));
}

// As of Sunday 2024-03-31 with a 28-day window and a 28-day lapse rule, stops are
// observable up to the censoring date 2024-03-03.
const TRANSACTIONS: Transaction[] = [
  ...weekly('A', '2024-01-07', 13, 100), // every Sunday through 03-31: active
  ...weekly('B', '2024-01-07', 3, 50, 2), // 01-07, 01-21, 02-04, then nothing: stopped
  ...weekly('C', '2024-03-20', 2, 70), // new: 03-20 and 03-27
  { customerId: 'D', date: '2024-01-10', amount: 30 }, // one order, then nothing: stopped
];
const OPTIONS = { asOf: '2024-03-31', windowDays: 28, lapseDays: 28 };

describe('run-rate model', () => {
  const customers = summarizeRunRates(TRANSACTIONS, OPTIONS);
  const byId = Object.fromEntries(customers.map((customer) => [customer.customerId, customer]));

  it('run-rate is recent spend per week, over the customer’s tenure when shorter than the window', () => {
    expect(byId.A!.runRate).toBeCloseTo(400 / 4, 12); // 03-10, 03-17, 03-24, 03-31 in the 4-week window
    expect(byId.B!.runRate).toBe(0);
    expect(byId.C!.runRate).toBeCloseTo(140 / (12 / 7), 12); // 12 days since the first order
  });

  it('marks stops and counts weeks at risk up to the stop or the censoring date', () => {
    expect(customers.map((customer) => [customer.customerId, customer.stopped, customer.exposure])).toEqual([
      ['A', false, 9], // 01-07 … 03-03: 56 days → 8 whole weeks + the first
      ['B', true, 5], // 01-07 … 02-04: 28 days → 4 + 1
      ['C', false, 0], // started after the censoring date
      ['D', true, 1],
    ]);
  });

  it('hazard = stops ÷ weeks at risk = 2/15', () => {
    const hazard = estimateChurnHazard(customers);
    expect(hazard).toEqual({ stopped: 2, exposure: 15, hazard: 2 / 15, retention: 13 / 15 });
  });

  it('CLV is the retention perpetuity m ρ/(1 + d − ρ) of Gupta & Lehmann (2003)', () => {
    const retention = 13 / 15;
    expect(runRateClv(100, retention)).toBeCloseTo((100 * retention) / (1 - retention), 9); // 650
    expect(runRateClv(100, retention, { horizon: 2 })).toBeCloseTo(100 * (retention + retention ** 2), 12);
    const weeklyRate = 1 / discountFactor(1, 0.1, 7) - 1;
    expect(runRateClv(100, retention, { annualDiscountRate: 0.1, margin: 0.25 })).toBeCloseTo((25 * retention) / (1 + weeklyRate - retention), 9);
  });

  it('without churn or discounting a finite horizon values every week in full', () => {
    expect(runRateClv(80, 1, { horizon: 10 })).toBe(800);
    expect(runRateClv(80, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => runRateClv(80, 1.2)).toThrow(RangeError);
  });
});
