import { issue, IssuesError } from '@retail-value/core';

/** A date as a day number since 1970-01-01 (no time zone involved). */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function parseIsoDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match !== null) {
    const iso = `${match[1]}-${match[2]}-${match[3]}`;
    if (isoFromDay(dayNumber(iso)) === iso) return iso;
  }
  throw new IssuesError([issue('evaluation.date_invalid', { value: text })]);
}

export interface EvaluationWindow {
  readonly period: string;
  /** Last day of the evaluation window (the as-of date). */
  readonly asOf: string;
  readonly weeks: number;
  /** First day of the window: asOf − 7·weeks + 1. */
  readonly start: string;
  /** First day of the previous window of equal length (for growth). */
  readonly previousStart: string;
}

/** Last day of a period written 2026Q3, 2026M07 (or 2026-07) or 2026. */
export function periodEnd(period: string): string {
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  const month = /^(\d{4})(?:M|-)(0[1-9]|1[0-2])$/.exec(period);
  const year = /^(\d{4})$/.exec(period);
  let endYear: number;
  let endMonth: number;
  if (quarter !== null) {
    endYear = Number(quarter[1]);
    endMonth = Number(quarter[2]) * 3;
  } else if (month !== null) {
    endYear = Number(month[1]);
    endMonth = Number(month[2]);
  } else if (year !== null) {
    endYear = Number(year[1]);
    endMonth = 12;
  } else {
    throw new IssuesError([issue('evaluation.period_invalid', { value: period })]);
  }
  const firstOfNext = Date.UTC(endMonth === 12 ? endYear + 1 : endYear, endMonth === 12 ? 0 : endMonth, 1);
  return isoFromDay(firstOfNext / 86_400_000 - 1);
}

/**
 * The evaluation window: `weeks` whole weeks ending on the as-of date
 * (default: the period's last day), and the previous window of equal length.
 */
export function evaluationWindow(period: string, weeks: number, asOf?: string): EvaluationWindow {
  if (!Number.isInteger(weeks) || weeks < 4 || weeks > 53) throw new IssuesError([issue('evaluation.window_weeks', { value: String(weeks) })]);
  const end = asOf === undefined ? periodEnd(period) : parseIsoDate(asOf);
  if (asOf !== undefined) periodEnd(period);
  const endDay = dayNumber(end);
  return {
    period,
    asOf: end,
    weeks,
    start: isoFromDay(endDay - 7 * weeks + 1),
    previousStart: isoFromDay(endDay - 14 * weeks + 1),
  };
}
