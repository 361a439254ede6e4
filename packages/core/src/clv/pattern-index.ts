import type { CustomerPattern } from './customer-pattern.js';

/**
 * Patterns in typed arrays, with each coordinate's distinct values pulled
 * out. Likelihood terms that depend on x alone (the gamma functions) or on
 * T or t_x alone (log(α + T)) are then computed once per distinct value, not
 * once per pattern: for a million customers there are a few hundred distinct
 * x, t_x and T but tens of thousands of patterns.
 */
export interface PatternIndex {
  readonly size: number;
  readonly customers: number;
  readonly count: Float64Array;
  /** Distinct x values, and the customers holding each. */
  readonly frequencies: Float64Array;
  readonly frequencyCustomers: Float64Array;
  /** Per pattern: index into `frequencies`. */
  readonly frequencyOf: Int32Array;
  readonly recencies: Float64Array;
  readonly recencyOf: Int32Array;
  readonly ages: Float64Array;
  readonly ageOf: Int32Array;
}

function distinct(values: readonly number[]): { readonly values: Float64Array; readonly indexOf: Int32Array } {
  const position = new Map<number, number>();
  const unique: number[] = [];
  const indexOf = new Int32Array(values.length);
  values.forEach((value, i) => {
    let index = position.get(value);
    if (index === undefined) {
      index = unique.length;
      position.set(value, index);
      unique.push(value);
    }
    indexOf[i] = index;
  });
  return { values: Float64Array.from(unique), indexOf };
}

export function indexPatterns(patterns: readonly CustomerPattern[]): PatternIndex {
  const frequency = distinct(patterns.map((pattern) => pattern.x));
  const recency = distinct(patterns.map((pattern) => pattern.tx));
  const age = distinct(patterns.map((pattern) => pattern.T));
  const count = Float64Array.from(patterns, (pattern) => pattern.count);
  const frequencyCustomers = new Float64Array(frequency.values.length);
  let customers = 0;
  patterns.forEach((pattern, i) => {
    frequencyCustomers[frequency.indexOf[i]!]! += pattern.count;
    customers += pattern.count;
  });
  return {
    size: patterns.length,
    customers,
    count,
    frequencies: frequency.values,
    frequencyCustomers,
    frequencyOf: frequency.indexOf,
    recencies: recency.values,
    recencyOf: recency.indexOf,
    ages: age.values,
    ageOf: age.indexOf,
  };
}
