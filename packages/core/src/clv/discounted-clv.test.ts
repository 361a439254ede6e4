import { describe, expect, it } from 'vitest';
import { discountedClv, discountFactor } from './discounted-clv.js';

describe('discountedClv', () => {
  const steady = (t: number): number => 0.5 * t;

  it('discounts each week’s expected transactions at the week’s end by the annual rate', () => {
    const value = discountedClv(steady, 20, { horizon: 3, annualDiscountRate: 0.1, margin: 0.3 });
    const weeks = [1, 2, 3].reduce((sum, k) => sum + Math.pow(1.1, (-7 * k) / 365), 0);
    expect(value).toBeCloseTo(0.3 * 20 * 0.5 * weeks, 12);
  });

  it('without discounting is margin × spend × E(horizon)', () => {
    expect(discountedClv(steady, 20, { horizon: 52 })).toBeCloseTo(20 * 26, 10);
  });

  it('cuts the last period at a fractional horizon', () => {
    const value = discountedClv(steady, 1, { horizon: 2.5, annualDiscountRate: 0.2, timeUnitDays: 1 });
    const factor = (t: number) => Math.pow(1.2, -t / 365);
    expect(value).toBeCloseTo(0.5 * factor(1) + 0.5 * factor(2) + 0.25 * factor(2.5), 12);
  });

  it('a year of weeks discounts by the annual rate regardless of the time unit', () => {
    expect(discountFactor(365 / 7, 0.08, 7)).toBeCloseTo(1 / 1.08, 12);
    expect(discountFactor(365, 0.08, 1)).toBeCloseTo(1 / 1.08, 12);
  });
});
