/**
 * Gamma-family special functions for the likelihoods of the customer-base
 * models. They must stay accurate for arguments in the hundreds and beyond
 * (a customer with x = 500 repeat purchases evaluates log Γ(r + 500)), so
 * everything is computed in log space.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Lanczos approximation (Lanczos 1964, "A precision approximation of the
 * gamma function", SIAM J. Numer. Anal. B 1:86–96) with Paul Godfrey's
 * coefficients for g = 7, n = 9: relative error of Γ about 1e-15 for real
 * arguments ≥ 0.5 (the tests check it against 40-digit values).
 */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

function lanczosLogGamma(z: number): number {
  const shifted = z - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let k = 1; k < LANCZOS_COEFFICIENTS.length; k++) series += LANCZOS_COEFFICIENTS[k]! / (shifted + k);
  const t = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

/**
 * log |Γ(z)| for real z. Non-positive integers (the poles) give +Infinity.
 * Arguments below 0.5 use the reflection formula Γ(z)Γ(1 − z) = π / sin(πz).
 */
export function logGamma(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z >= 0.5) return lanczosLogGamma(z);
  if (Number.isInteger(z)) return Number.POSITIVE_INFINITY;
  return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lanczosLogGamma(1 - z);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * Digamma ψ(x) = d/dx log Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x
 * lifts the argument to ≥ 10, then the asymptotic series
 * ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ) (Abramowitz & Stegun 6.3.18)
 * gives about 14 correct digits.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  let value = x;
  while (value < 10) {
    shift -= 1 / value;
    value += 1;
  }
  const inverse = 1 / value;
  const inverseSquare = inverse * inverse;
  const tail =
    inverseSquare *
    (1 / 12 - inverseSquare * (1 / 120 - inverseSquare * (1 / 252 - inverseSquare * (1 / 240 - inverseSquare * (1 / 132)))));
  return shift + Math.log(value) - 0.5 * inverse - tail;
}
