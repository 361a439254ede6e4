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
  /** ∂/∂b + ∂/∂c: the change when b and c move together, computed without cancelling the two (which are huge when b and c are). */
  readonly dBC: number;
  readonly dZ: number;
}

const UNDEFINED_UNIT: UnitHypergeometric = { value: Number.NaN, dB: Number.NaN, dC: Number.NaN, dBC: Number.NaN, dZ: Number.NaN };

/**
 * ₂F₁(1, b; c; z) = Σₙ (b)ₙ/(c)ₙ zⁿ and its derivatives in b, c and z, for
 * c > b > 0 and 0 ≤ z < 1 — the form the Pareto/NBD likelihood takes after
 * Euler's transformation. `complement` is 1 − z and `gap` is c − b, for
 * callers that know them more exactly than the differences round: z = 1 − 10⁻¹²
 * keeps only 4 digits of 1 − z, and c = 10¹² + 1.3 only 4 digits of c − b.
 *
 * For z ≤ 1/2 the series is summed: every term is positive and each term ratio
 * z(b+n)/(c+n) is below z, so the value lies in [1, 1/(1−z)] and the sums
 * cannot overflow. Differentiating termwise, with tₙ = (b)ₙ/(c)ₙ zⁿ:
 *   ∂/∂b = Σ tₙ Σ_{k<n} 1/(b+k),  ∂/∂c = −Σ tₙ Σ_{k<n} 1/(c+k),  ∂/∂z = Σ n tₙ / z,
 *   ∂/∂b + ∂/∂c = Σ tₙ Σ_{k<n} (c−b)/((b+k)(c+k)).
 * Later term ratios are below z, so once tₙ (n+1)(1 + Σ 1/(b+k)) ≤ 1e-16 (1−z)²
 * the remaining tails of the value and of all derivatives are below 1e-16
 * (the value itself is at least 1).
 *
 * Above 1/2 the series needs about 40/(1−z) terms — millions when the
 * Pareto/NBD's α and β are orders of magnitude apart, which is where fits on
 * regular buyers go. There Pfaff's transformation (DLMF 15.8.1)
 *   ₂F₁(1, b; c; z) = (1−z)^−1 ₂F₁(d, 1; c; −Z),  d = c − b,  Z = z/(1−z),
 * and Gauss's continued fraction (from the contiguous relations; DLMF §15.7)
 *   ₂F₁(d, 1; c; −Z) = 1/(1 + e₁/(1 + e₂/(1 + …))),  eⱼ = kⱼ Z,
 *   k₂ₙ₊₁ = (d+n)(c−1+n)/((c−1+2n)(c+2n)),  k₂ₙ₊₂ = (n+1)(b+n)/((c+2n)(c+2n+1)),
 * take over. All eⱼ are positive (a Stieltjes fraction), so the approximants
 * converge from both sides and the last change bounds the error; the
 * fraction is evaluated with the forward recurrences Aⱼ = Aⱼ₋₁ + eⱼ Aⱼ₋₂ (and
 * Bⱼ), differentiated in d and c alongside, all terms positive, until the
 * value changes by at most two units in the last place and the derivatives
 * by less than 1e-13 of themselves (or by no more than their rounding).
 * ∂/∂z comes from a second such fraction (see {@link slopeFraction}) rather
 * than from differentiating in Z, which would cancel. The fraction needs
 * tens of terms where c(1−z) is not small (the Pareto/NBD with r and α, or s
 * and β, both huge) or c − b is large, about 150/(c(1−z)) terms when c − b is
 * of order 1, and yields NaN past 100,000 terms: c(1−z) below about 10⁻³ with
 * c − b of order 1 — for the Pareto/NBD, r of order 1 with α and β some 10⁸
 * apart, or a dropout rate s/β below about 10⁻⁵ per time unit for customers
 * without repeat purchases. The optimiser steps back from such points.
 */
export function unitHypergeometric2F1(b: number, c: number, z: number, complement: number = 1 - z, gap: number = c - b): UnitHypergeometric {
  // z itself may round to 1 when 1 − z is below half an ulp; 1 − z, passed exactly, is what must be positive.
  if (!(gap > 0 && b > 0 && z >= 0 && z <= 1 && complement > 0)) return UNDEFINED_UNIT;
  return z <= 0.5 ? unitSeries(b, c, z, complement, gap) : unitContinuedFraction(b, c, z, complement, gap);
}

function unitSeries(b: number, c: number, z: number, complement: number, gap: number): UnitHypergeometric {
  let coefficient = 1;
  let value = 1;
  let dB = 0;
  let dC = 0;
  let dBC = 0;
  let dZ = 0;
  let harmonicB = 0;
  let harmonicC = 0;
  let harmonicBC = 0;
  let power = 1;
  const tailWeight = RELATIVE_TOLERANCE * complement * complement;
  for (let n = 0; n < MAX_TERMS; n++) {
    harmonicB += 1 / (b + n);
    harmonicC += 1 / (c + n);
    harmonicBC += gap / ((b + n) * (c + n));
    coefficient *= (b + n) / (c + n);
    // dZ needs n·coef·z^(n−1): keep the power one step behind the term.
    const derivativeTerm = (n + 1) * coefficient * power;
    power *= z;
    const term = coefficient * power;
    value += term;
    dB += term * harmonicB;
    dC -= term * harmonicC;
    dBC += term * harmonicBC;
    dZ += derivativeTerm;
    if (term * (n + 2) * (1 + harmonicB) <= tailWeight) {
      return { value, dB, dC, dBC, dZ };
    }
  }
  return UNDEFINED_UNIT;
}

/** Two units in the last place: approximants that close stop changing except by rounding. */
const FRACTION_TOLERANCE = 2 * Number.EPSILON;
const FRACTION_DERIVATIVE_TOLERANCE = 1e-13;
/** Rounding accumulated in the recurrences for A′ and B′, in units of their size. */
const ROUNDING = 64 * Number.EPSILON;
const MAX_FRACTION_TERMS = 100_000;

function unitContinuedFraction(b: number, c: number, z: number, complement: number, d: number): UnitHypergeometric {
  const ratio = z / complement;
  // Aⱼ, Bⱼ (and their predecessors) with their derivatives in d and c.
  let a0 = 1;
  let a1 = 1;
  let b0 = 0;
  let b1 = 1;
  let a0d = 0, a1d = 0, b0d = 0, b1d = 0;
  let a0c = 0, a1c = 0, b0c = 0, b1c = 0;
  let value = 1;
  let valueD = 0;
  let valueC = 0;
  for (let j = 1; j < MAX_FRACTION_TERMS; j++) {
    const n = (j - 1) >> 1;
    let k: number;
    let kd: number;
    let kc: number;
    if (j % 2 === 1) {
      const first = c - 1 + 2 * n;
      const second = c + 2 * n;
      k = ((d + n) / first) * ((c - 1 + n) / second);
      kd = k / (d + n);
      // 1/(c−1+n) − 1/(c−1+2n) − 1/(c+2n), the first difference taken exactly.
      kc = k * (n / ((c - 1 + n) * first) - 1 / second);
    } else {
      const first = c + 2 * n;
      const second = c + 2 * n + 1;
      k = ((n + 1) / first) * ((b + n) / second);
      // b = c − d: ∂/∂d at fixed c is −1/(b+n); ∂/∂c at fixed d is 1/(b+n) − 1/(c+2n) − 1/(c+2n+1).
      kd = -k / (b + n);
      kc = k * ((d + n) / ((b + n) * first) - 1 / second);
    }
    const e = k * ratio;
    const ed = kd * ratio;
    const ec = kc * ratio;
    const a2 = a1 + e * a0;
    const b2 = b1 + e * b0;
    const a2d = a1d + e * a0d + ed * a0;
    const b2d = b1d + e * b0d + ed * b0;
    const a2c = a1c + e * a0c + ec * a0;
    const b2c = b1c + e * b0c + ec * b0;
    a0 = a1; a1 = a2; b0 = b1; b1 = b2;
    a0d = a1d; a1d = a2d; b0d = b1d; b1d = b2d;
    a0c = a1c; a1c = a2c; b0c = b1c; b1c = b2c;
    if (a1 > RESCALE) {
      const s = 1 / RESCALE;
      a0 *= s; a1 *= s; b0 *= s; b1 *= s;
      a0d *= s; a1d *= s; b0d *= s; b1d *= s;
      a0c *= s; a1c *= s; b0c *= s; b1c *= s;
    }
    // The fraction's value is Bⱼ/Aⱼ (it is 1 over 1 + e₁/(1 + …)); its derivatives (B′ − G A′)/A are
    // settled when they change by less than 1e-13 of themselves or by no more than the rounding of
    // that difference (a derivative far below its natural size cannot be resolved further).
    const next = b1 / a1;
    const nextD = (b1d - next * a1d) / a1;
    const nextC = (b1c - next * a1c) / a1;
    const roundingD = (ROUNDING * (Math.abs(b1d) + Math.abs(next * a1d))) / a1;
    const roundingC = (ROUNDING * (Math.abs(b1c) + Math.abs(next * a1c))) / a1;
    const settled =
      Math.abs(next - value) <= FRACTION_TOLERANCE * next &&
      Math.abs(nextD - valueD) <= Math.max(FRACTION_DERIVATIVE_TOLERANCE * Math.abs(nextD), roundingD) &&
      Math.abs(nextC - valueC) <= Math.max(FRACTION_DERIVATIVE_TOLERANCE * Math.abs(nextC), roundingC);
    value = next;
    valueD = nextD;
    valueC = nextC;
    if (settled && j > 2) {
      // u = G/(1−z): ∂u/∂b = −G_d/(1−z), ∂u/∂c = (G_c + G_d)/(1−z), ∂u/∂b + ∂u/∂c = G_c/(1−z).
      const scale = 1 / complement;
      const unit = value * scale;
      const slope = slopeFraction(b, c, d, ratio);
      return {
        value: unit,
        dB: -valueD * scale,
        dC: (valueC + valueD) * scale,
        dBC: valueC * scale,
        dZ: (b / c) * unit * slope * scale,
      };
    }
  }
  return UNDEFINED_UNIT;
}

/**
 * Q = ₂F₁(d, 2; c+1; −Z)/₂F₁(d, 1; c; −Z), so that ∂/∂z ₂F₁(1, b; c; z) =
 * (b/c) ₂F₁(2, b+1; c+1; z) = (b/c) ₂F₁(1, b; c; z) Q/(1−z) (Pfaff again) with
 * no cancellation: Gauss's fraction for the ratio one step along,
 *   Q = 1/(1 + e₁/(1 + e₂/(1 + …))),  k₂ₙ₊₁ = (d+n)(c−1+n)/((c+2n)(c+2n+1)),  k₂ₙ₊₂ = (n+2)(b+n+1)/((c+2n+1)(c+2n+2)),
 * again all positive, evaluated by the same forward recurrences until
 * successive approximants differ by at most two units in the last place.
 * (Lentz's method would not do: with coefficients in the thousands its step
 * ratio settles a few ulps away from 1 and never meets that test.)
 */
function slopeFraction(b: number, c: number, d: number, ratio: number): number {
  let a0 = 1;
  let a1 = 1;
  let b0 = 0;
  let b1 = 1;
  let value = 1;
  for (let j = 1; j < MAX_FRACTION_TERMS; j++) {
    const n = (j - 1) >> 1;
    // Ratios before products: c may be 10¹⁵⁰ when a Gamma mixing has collapsed far along its ridge.
    const k = j % 2 === 1 ? ((d + n) / (c + 2 * n)) * ((c - 1 + n) / (c + 2 * n + 1)) : ((n + 2) / (c + 2 * n + 1)) * ((b + n + 1) / (c + 2 * n + 2));
    const e = k * ratio;
    const a2 = a1 + e * a0;
    const b2 = b1 + e * b0;
    a0 = a1;
    a1 = a2;
    b0 = b1;
    b1 = b2;
    if (a1 > RESCALE) {
      a0 /= RESCALE;
      a1 /= RESCALE;
      b0 /= RESCALE;
      b1 /= RESCALE;
    }
    const next = b1 / a1;
    if (Math.abs(next - value) <= FRACTION_TOLERANCE * next && j > 2) return next;
    value = next;
  }
  return Number.NaN;
}
