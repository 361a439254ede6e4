/** A real number held as sign and log of its magnitude, so that it can neither overflow nor underflow. */
export interface SignedLog {
  readonly sign: -1 | 0 | 1;
  /** log |value|; −Infinity when the value is 0, NaN when it could not be computed. */
  readonly log: number;
}

const MAX_TERMS = 1_000_000;
const RELATIVE_TOLERANCE = 1e-16;
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

function signedLog(value: number, logScale: number): SignedLog {
  if (value === 0) return { sign: 0, log: Number.NEGATIVE_INFINITY };
  return { sign: value > 0 ? 1 : -1, log: logScale + Math.log(Math.abs(value)) };
}

function isNonPositiveInteger(value: number): boolean {
  return value <= 0 && Number.isInteger(value);
}

/**
 * The generalised hypergeometric series
 *   ₚF_q(a₁…a_p; b₁…b_q; z) = Σₙ (a₁)ₙ…(a_p)ₙ / ((b₁)ₙ…(b_q)ₙ n!) zⁿ
 * for p = q + 1 and |z| < 1, summed from its term ratios. Terms are kept
 * relative to a running power of 1e200, so parameters in the hundreds (a
 * customer's x) cannot overflow. The sum stops when a bound on the whole
 * remaining tail falls below 1e-16 of the sum: pairing each numerator with a
 * denominator (the last with n + 1), every later term ratio is at most
 * ρₙ = |z| Πᵢ (1 + |aᵢ − bᵢ| / (bᵢ + n)), so the tail after term t is at most
 * |t| ρₙ / (1 − ρₙ). A series that has not met that bound after a million
 * terms (z within about 1e-5 of 1) yields NaN.
 */
export function logHypergeometricSeries(numerators: readonly number[], denominators: readonly number[], z: number): SignedLog {
  if (numerators.length !== denominators.length + 1) throw new RangeError('the series needs exactly one more numerator than denominators');
  if (!(Math.abs(z) < 1)) return { sign: 1, log: Number.NaN };
  const lowers = [...denominators, 1];
  if (lowers.some(isNonPositiveInteger)) return { sign: 1, log: Number.NaN };
  const pairs = lowers.length;
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    let ratio = z;
    let ratioBound = Math.abs(z);
    let boundHolds = true;
    for (let i = 0; i < pairs; i++) {
      const upper = numerators[i]! + n;
      const lower = lowers[i]! + n;
      ratio *= upper / lower;
      // The bound for later ratios uses n + 1, the index of the next ratio.
      const nextLower = lower + 1;
      if (nextLower <= 0) boundHolds = false;
      else ratioBound *= 1 + Math.abs(numerators[i]! - lowers[i]!) / nextLower;
    }
    term *= ratio;
    if (term === 0) return signedLog(sum, logScale);
    sum += term;
    if (boundHolds && ratioBound < 1 && (Math.abs(term) * ratioBound) / (1 - ratioBound) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
      return signedLog(sum, logScale);
    }
    if (Math.abs(term) > RESCALE || Math.abs(sum) > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      logScale += LOG_RESCALE;
    }
  }
  return { sign: 1, log: Number.NaN };
}

/**
 * log of the Gauss hypergeometric function ₂F₁(a, b; c; z) for real
 * parameters and real z < 1 (DLMF §15.2).
 *
 * - z < 0: Pfaff's transformation (DLMF 15.8.1)
 *   ₂F₁(a, b; c; z) = (1 − z)^−a ₂F₁(a, c − b; c; z / (z − 1))
 *   maps z onto (0, 1), where the series converges.
 * - 0 < z < 1 with c − a − b < 0: the series grows like (1 − z)^(c−a−b) as
 *   z → 1; Euler's transformation (DLMF 15.8.1)
 *   ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z)
 *   takes that factor out exactly, leaving a series bounded at z = 1.
 * - Terminating series (a or b a non-positive integer) are summed directly.
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): SignedLog {
  if (!(z < 1) || Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c)) return { sign: 1, log: Number.NaN };
  if (z === 0 || a === 0 || b === 0) return { sign: 1, log: 0 };
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return logTerminating(a, b, c, z);
  if (z < 0) {
    const w = z / (z - 1);
    // Prefer the form whose series terminates, if either does.
    const [kept, swapped] = isNonPositiveInteger(c - a) && !isNonPositiveInteger(c - b) ? [b, a] : [a, b];
    const inner = logHypergeometric2F1(kept, c - swapped, c, w);
    return { sign: inner.sign, log: inner.log - kept * Math.log1p(-z) };
  }
  const excess = c - a - b;
  if (excess < 0) {
    const inner = logHypergeometricSeries([c - a, c - b], [c], z);
    return { sign: inner.sign, log: inner.log + excess * Math.log1p(-z) };
  }
  return logHypergeometricSeries([a, b], [c], z);
}

function logTerminating(a: number, b: number, c: number, z: number): SignedLog {
  let term = 1;
  let sum = 1;
  const degree = -Math.max(isNonPositiveInteger(a) ? a : -Infinity, isNonPositiveInteger(b) ? b : -Infinity);
  for (let n = 0; n < degree; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
  }
  return signedLog(sum, 0);
}

/** ₂F₁(a, b; c; z) for real z < 1; see {@link logHypergeometric2F1}. */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  const value = logHypergeometric2F1(a, b, c, z);
  return value.sign * Math.exp(value.log);
}


/** ₂F₁(1, b; c; z) with its partial derivatives. */
export interface UnitHypergeometric {
  readonly value: number;
  readonly dB: number;
  readonly dC: number;
  readonly dZ: number;
}

/**
 * ₂F₁(1, b; c; z) = Σₙ (b)ₙ/(c)ₙ zⁿ and its derivatives in b, c and z, for
 * c > b > 0 and 0 ≤ z < 1 — the form the Pareto/NBD likelihood takes after
 * Euler's transformation. Every term is positive and each term ratio
 * z(b+n)/(c+n) is below z, so the value lies in [1, 1/(1−z)] and the sums
 * cannot overflow. Differentiating termwise, with tₙ = (b)ₙ/(c)ₙ zⁿ:
 *   ∂/∂b = Σ tₙ Σ_{k<n} 1/(b+k),  ∂/∂c = −Σ tₙ Σ_{k<n} 1/(c+k),  ∂/∂z = Σ n tₙ / z.
 * Later term ratios are below z, so once tₙ (n+1)(1 + Σ 1/(b+k)) ≤ 1e-16 (1−z)²
 * the remaining tails of the value and of all three derivatives are below
 * 1e-16 (the value itself is at least 1). NaN when that takes more than a
 * million terms.
 */
export function unitHypergeometric2F1(b: number, c: number, z: number): UnitHypergeometric {
  if (!(c > b && b > 0 && z >= 0 && z < 1)) return { value: Number.NaN, dB: Number.NaN, dC: Number.NaN, dZ: Number.NaN };
  let coefficient = 1;
  let value = 1;
  let dB = 0;
  let dC = 0;
  let dZ = 0;
  let harmonicB = 0;
  let harmonicC = 0;
  let power = 1;
  const tailWeight = RELATIVE_TOLERANCE * (1 - z) * (1 - z);
  for (let n = 0; n < MAX_TERMS; n++) {
    harmonicB += 1 / (b + n);
    harmonicC += 1 / (c + n);
    coefficient *= (b + n) / (c + n);
    // dZ needs n·coef·z^(n−1): keep the power one step behind the term.
    const derivativeTerm = (n + 1) * coefficient * power;
    power *= z;
    const term = coefficient * power;
    value += term;
    dB += term * harmonicB;
    dC -= term * harmonicC;
    dZ += derivativeTerm;
    if (term * (n + 2) * (1 + harmonicB) <= tailWeight) {
      return { value, dB, dC, dZ };
    }
  }
  return { value: Number.NaN, dB: Number.NaN, dC: Number.NaN, dZ: Number.NaN };
}
