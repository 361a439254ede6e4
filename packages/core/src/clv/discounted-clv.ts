export interface DiscountedClvOptions {
  /** How far ahead to value, in time units (52 weeks = one year). */
  readonly horizon: number;
  /** Annual discount rate: 0.08 discounts a cash flow one year out by 1/1.08. 0 by default. */
  readonly annualDiscountRate?: number;
  /** Days per time unit; 7 (weeks) by default. */
  readonly timeUnitDays?: number;
  /** Share of spend kept as margin; 1 (value in spend) by default. */
  readonly margin?: number;
}

const DAYS_PER_YEAR = 365;

/**
 * Discount factor of a cash flow t time units ahead: (1 + d)^−(t · days per
 * unit / 365), i.e. the annual rate d compounded per day-fraction of a year,
 * so a 10 % annual rate is the same whatever the time unit.
 */
export function discountFactor(t: number, annualDiscountRate: number, timeUnitDays: number): number {
  return Math.pow(1 + annualDiscountRate, (-t * timeUnitDays) / DAYS_PER_YEAR);
}

/**
 * Discounted customer lifetime value over a horizon (Fader, Hardie & Lee
 * 2005b, "RFM and CLV: Using iso-value curves for customer base analysis",
 * Journal of Marketing Research 42(4), in discrete form):
 *   CLV = margin × spend × Σₖ [E(tₖ) − E(tₖ₋₁)] · discountFactor(tₖ),
 * where E(t) is the expected number of transactions in (T, T + t], the
 * periods are one time unit long (the last one cut at the horizon) and each
 * period's transactions are valued at the period's end.
 */
export function discountedClv(expectedBy: (t: number) => number, spend: number, options: DiscountedClvOptions): number {
  const { horizon, annualDiscountRate = 0, timeUnitDays = 7, margin = 1 } = options;
  if (!(horizon >= 0)) throw new RangeError('horizon must be zero or positive');
  let previous = 0;
  let transactions = 0;
  for (let period = 1; period - 1 < horizon; period++) {
    const end = Math.min(period, horizon);
    const cumulative = expectedBy(end);
    transactions += (cumulative - previous) * discountFactor(end, annualDiscountRate, timeUnitDays);
    previous = cumulative;
  }
  return margin * spend * transactions;
}
