import { issue, IssuesError, type Issue } from '@retail-value/core';

/** What shapes the demo company. Same options → the same tables, row for row. */
export interface DemoOptions {
  readonly customers: number;
  readonly weeks: number;
  readonly seed: number;
  /** Last day of the data window (YYYY-MM-DD); the window is the `weeks` × 7 days ending on it. */
  readonly end: string;
  /** Mean SKU lines per order. */
  readonly linesPerOrder: number;
}

/**
 * A city company of 5k customers over a year. The window ends on a fixed date
 * so that results are reproducible; 2026Q3 is then the natural evaluation period.
 * Real orders carry 10–40 SKU lines; 12 is a realistic mean.
 */
export const DEFAULT_DEMO_OPTIONS: DemoOptions = Object.freeze({
  customers: 5000,
  weeks: 52,
  seed: 42,
  end: '2026-09-30',
  linesPerOrder: 12,
});

/** Options as they arrive from a command line or a request: text or numbers, any may be missing. */
export type DemoOptionsInput = { readonly [K in keyof DemoOptions]?: string | number | undefined };

/** A country's worth of licences; licence serials have six digits per district. */
const MAX_CUSTOMERS = 5_000_000;
const MAX_WEEKS = 520;
const MAX_SEED = 2_147_483_647;
const MAX_LINES_PER_ORDER = 60;

function numberFrom(value: string | number): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

function integerOption(
  issues: Issue[],
  option: string,
  value: string | number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const parsed = numberFrom(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    issues.push(issue('demo.option.integer', { value: String(value), params: { option, min, max } }));
  }
  return parsed;
}

function numberOption(
  issues: Issue[],
  option: string,
  value: string | number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const parsed = numberFrom(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    issues.push(issue('demo.option.number', { value: String(value), params: { option, min, max } }));
  }
  return parsed;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function dateOption(issues: Issue[], option: string, value: string | number | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  if (!isCalendarDate(text)) issues.push(issue('demo.option.date', { value: String(value), params: { option } }));
  return text;
}

/** Fills defaults and checks ranges; throws every problem at once. */
export function resolveDemoOptions(input: DemoOptionsInput = {}): DemoOptions {
  const issues: Issue[] = [];
  const defaults = DEFAULT_DEMO_OPTIONS;
  const options: DemoOptions = {
    customers: integerOption(issues, 'customers', input.customers, defaults.customers, 1, MAX_CUSTOMERS),
    weeks: integerOption(issues, 'weeks', input.weeks, defaults.weeks, 1, MAX_WEEKS),
    seed: integerOption(issues, 'seed', input.seed, defaults.seed, 0, MAX_SEED),
    end: dateOption(issues, 'end', input.end, defaults.end),
    linesPerOrder: numberOption(issues, 'lines-per-order', input.linesPerOrder, defaults.linesPerOrder, 1, MAX_LINES_PER_ORDER),
  };
  if (issues.length > 0) throw new IssuesError(issues);
  return Object.freeze(options);
}
