import { dayNumber } from './calendar-day.js';
import type { PurchaseHistory } from './customer-pattern.js';

export interface Transaction {
  readonly customerId: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly amount: number;
}

export interface SummaryOptions {
  /** Last day of the calibration period (inclusive), `YYYY-MM-DD`. */
  readonly calibrationEnd: string;
  /** Last day of the holdout period (inclusive); the holdout starts the day after `calibrationEnd`. */
  readonly holdoutEnd?: string | undefined;
  /** Days per time unit: 7 (weeks, the default) or 1 (days). */
  readonly timeUnitDays?: number;
}

export interface CustomerSummary extends PurchaseHistory {
  readonly customerId: string;
  /** Mean amount of the repeat transactions in calibration (Gamma-Gamma's z̄); 0 when x = 0. */
  readonly monetaryValue: number;
  /** Transactions in the holdout period; present when a holdout end was given. */
  readonly holdoutTransactions?: number;
  /** Total amount of the holdout transactions; present when a holdout end was given. */
  readonly holdoutAmount?: number;
}

interface Accumulator {
  readonly customerId: string;
  readonly amountByDay: Map<number, number>;
}

/**
 * Reduces a transaction log to each customer's calibration statistics, as in
 * the standard set-up of Fader, Hardie & Lee (2005): several transactions of
 * one customer on one day are one transaction (amounts summed); the first
 * transaction is the trial purchase, so x counts the later (repeat) days in
 * calibration, t_x is the time of the last of them and T the time from the
 * first purchase to the end of calibration. Customers whose first purchase
 * falls after the calibration end are left out; transactions after the
 * holdout end are ignored. Customers appear in order of first appearance.
 */
export function summarizeTransactions(transactions: readonly Transaction[], options: SummaryOptions): CustomerSummary[] {
  const unit = options.timeUnitDays ?? 7;
  if (!(unit > 0)) throw new RangeError('timeUnitDays must be positive');
  const calibrationEnd = dayNumber(options.calibrationEnd);
  const holdoutEnd = options.holdoutEnd === undefined ? undefined : dayNumber(options.holdoutEnd);
  if (holdoutEnd !== undefined && holdoutEnd <= calibrationEnd) throw new RangeError('the holdout must end after the calibration end');
  const lastDay = holdoutEnd ?? calibrationEnd;

  const customers = new Map<string, Accumulator>();
  for (const { customerId, date, amount } of transactions) {
    const day = dayNumber(date);
    if (day > lastDay) continue;
    let customer = customers.get(customerId);
    if (customer === undefined) customers.set(customerId, (customer = { customerId, amountByDay: new Map() }));
    customer.amountByDay.set(day, (customer.amountByDay.get(day) ?? 0) + amount);
  }

  const summaries: CustomerSummary[] = [];
  for (const { customerId, amountByDay } of customers.values()) {
    const days = [...amountByDay.keys()].sort((left, right) => left - right);
    const first = days[0]!;
    if (first > calibrationEnd) continue;
    let x = 0;
    let lastRepeat = first;
    let repeatAmount = 0;
    let holdoutTransactions = 0;
    let holdoutAmount = 0;
    for (const day of days.slice(1)) {
      const amount = amountByDay.get(day)!;
      if (day <= calibrationEnd) {
        x++;
        lastRepeat = day;
        repeatAmount += amount;
      } else {
        holdoutTransactions++;
        holdoutAmount += amount;
      }
    }
    const summary: CustomerSummary = {
      customerId,
      x,
      tx: (lastRepeat - first) / unit,
      T: (calibrationEnd - first) / unit,
      monetaryValue: x > 0 ? repeatAmount / x : 0,
      ...(holdoutEnd === undefined ? {} : { holdoutTransactions, holdoutAmount }),
    };
    summaries.push(summary);
  }
  return summaries;
}

/** Length of the period after `from` up to and including `to`, in time units. */
export function periodLength(from: string, to: string, timeUnitDays = 7): number {
  return (dayNumber(to) - dayNumber(from)) / timeUnitDays;
}
