import { element, sum } from './matrix.js';

export function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

/** Sample standard deviation, with the n − 1 (Bessel) denominator, as SQL's stddev_samp. */
export function sampleStandardDeviation(values: readonly number[]): number {
  const average = mean(values);
  const squares = values.reduce((total, value) => total + (value - average) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** Pearson's product-moment correlation; NaN when either series is constant. */
export function pearsonCorrelation(first: readonly number[], second: readonly number[]): number {
  const firstMean = mean(first);
  const secondMean = mean(second);
  let cross = 0;
  let firstSquares = 0;
  let secondSquares = 0;
  for (const [index, value] of first.entries()) {
    const a = value - firstMean;
    const b = element(second, index) - secondMean;
    cross += a * b;
    firstSquares += a * a;
    secondSquares += b * b;
  }
  return cross / Math.sqrt(firstSquares * secondSquares);
}

/** Smallest and largest value; loops rather than spreading so long columns cannot overflow the call stack. */
export function extent(values: readonly number[]): { readonly min: number; readonly max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}
