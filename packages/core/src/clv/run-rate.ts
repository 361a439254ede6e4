import { dayNumber } from './calendar-day.js';
import { discountFactor } from './discounted-clv.js';
import type { Transaction } from './summarize-transactions.js';

export interface RunRateOptions {
  /** Last observed day (inclusive), `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Days of recent history the run-rate averages over; 91 (13 weeks) by default. */
  readonly windowDays?: number;
  /**
   * A customer without an order in this many days before `asOf` has stopped;
   * 91 by default, the termination rule "no order for 3 months" of the
   * domain's lifecycle stages.
   */
  readonly lapseDays?: number;
  /** Days per time unit; 7 (weeks) by default. */
  readonly timeUnitDays?: number;
}

export interface RunRateCustomer {
  readonly customerId: string;
  /** Spend per time unit over the recent window, or since the first order when that is shorter (at least one unit). */
  readonly runRate: number;
  /** No order within the lapse period before `asOf`. */
  readonly stopped: boolean;
  /** Time units at risk of stopping, counted inclusively (see {@link summarizeRunRates}). */
  readonly exposure: number;
}

/**
 * Per-customer inputs of the run-rate model. Stopping can only be seen
 * `lapseDays` after it happens, so the observation window for stops ends
 * at asOf − lapseDays (the censoring date). A stopped customer (last order
 * on or before the censoring date) was at risk from its first order's time
 * unit through its last order's, and stopped after it; any other customer
 * was at risk from its first order through the censoring date, without a
 * stop (zero units when it started later).
 */
export function summarizeRunRates(transactions: readonly Transaction[], options: RunRateOptions): RunRateCustomer[] {
  const { windowDays = 91, lapseDays = 91, timeUnitDays = 7 } = options;
  const asOf = dayNumber(options.asOf);
  const windowStart = asOf - windowDays + 1;
  const censoring = asOf - lapseDays;
  const customers = new Map<string, { first: number; last: number; recentSpend: number }>();
  for (const { customerId, date, amount } of transactions) {
    const day = dayNumber(date);
    if (day > asOf) continue;
    const customer = customers.get(customerId) ?? { first: day, last: day, recentSpend: 0 };
    customer.first = Math.min(customer.first, day);
    customer.last = Math.max(customer.last, day);
    if (day >= windowStart) customer.recentSpend += amount;
    customers.set(customerId, customer);
  }
  return [...customers].map(([customerId, { first, last, recentSpend }]) => {
    const observedUnits = Math.max(1, Math.min(windowDays, asOf - first + 1) / timeUnitDays);
    const stopped = last <= censoring;
    const atRiskUntil = stopped ? last : censoring;
    const exposure = atRiskUntil >= first ? Math.floor((atRiskUntil - first) / timeUnitDays) + 1 : 0;
    return { customerId, runRate: recentSpend / observedUnits, stopped, exposure };
  });
}

export interface ChurnHazard {
  /** Customers observed to stop. */
  readonly stopped: number;
  /** Customer time units at risk. */
  readonly exposure: number;
  /** Probability of stopping in one time unit: stopped ÷ exposure. */
  readonly hazard: number;
  /** Probability of ordering on through one more time unit: 1 − hazard. */
  readonly retention: number;
}

/**
 * Constant churn hazard per time unit from the customers' own history, the
 * life-table (actuarial) estimate: stops ÷ customer time units at risk.
 * Each stopped customer contributes at least one unit at risk, so the
 * hazard lies in [0, 1].
 */
export function estimateChurnHazard(customers: readonly RunRateCustomer[]): ChurnHazard {
  let stopped = 0;
  let exposure = 0;
  for (const customer of customers) {
    if (customer.stopped) stopped++;
    exposure += customer.exposure;
  }
  const hazard = exposure > 0 ? stopped / exposure : 0;
  return { stopped, exposure, hazard, retention: 1 - hazard };
}

export interface RunRateClvOptions {
  /** Time units ahead to value; Infinity (the perpetuity) by default. */
  readonly horizon?: number;
  /** Annual discount rate; 0 by default (then a finite horizon is needed unless retention < 1). */
  readonly annualDiscountRate?: number;
  readonly timeUnitDays?: number;
  /** Share of spend kept as margin; 1 by default. */
  readonly margin?: number;
}

/**
 * Lifetime value of a regular customer under the retention model of Gupta &
 * Lehmann (2003, "Customers as assets", Journal of Interactive Marketing
 * 17(1):9–24): a margin m = margin × run-rate each time unit, kept while the
 * customer survives (probability ρ per unit), each unit's margin discounted
 * at its end by δ = (1 + annual rate)^−(unit days/365):
 *   CLV = m Σₖ₌₁..H (ρδ)ᵏ = m ρδ (1 − (ρδ)^H) / (1 − ρδ),
 * which for H → ∞ is Gupta & Lehmann's m ρ / (1 + d − ρ) with δ = 1/(1 + d).
 */
export function runRateClv(runRate: number, retention: number, options: RunRateClvOptions = {}): number {
  const { horizon = Number.POSITIVE_INFINITY, annualDiscountRate = 0, timeUnitDays = 7, margin = 1 } = options;
  if (!(retention >= 0 && retention <= 1)) throw new RangeError('retention must lie in [0, 1]');
  if (!(annualDiscountRate >= 0)) throw new RangeError('the discount rate must not be negative');
  const perUnit = margin * runRate;
  const q = retention * discountFactor(1, annualDiscountRate, timeUnitDays);
  // Certain retention without discounting: every unit counts in full.
  if (q === 1) return Number.isFinite(horizon) ? perUnit * horizon : Number.POSITIVE_INFINITY;
  const remaining = Number.isFinite(horizon) ? 1 - Math.pow(q, horizon) : 1;
  return (perUnit * q * remaining) / (1 - q);
}
