/**
 * Sums and differences of numbers held as logarithms, without leaving log
 * space: likelihood terms such as (α + T)^−(r+x) underflow double precision
 * long before they stop mattering.
 */

/** log(e^a + e^b). */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(e^a − e^b) for a ≥ b; −Infinity when they are equal. */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  if (b >= a) return b === a ? Number.NEGATIVE_INFINITY : Number.NaN;
  const difference = b - a;
  // log1p(−e^d) loses digits when e^d is close to 1; log(−expm1(d)) does not.
  return a + (difference > -Math.LN2 ? Math.log(-Math.expm1(difference)) : Math.log1p(-Math.exp(difference)));
}
