import { describe, expect, it } from 'vitest';
import { digamma, logBeta, logGamma } from './special-functions.js';
import { logAddExp, logSubExp } from './log-space.js';

// Reference values computed with mpmath at 40 digits.
describe('logGamma', () => {
  it('matches exact and high-precision values from small to very large arguments', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 11);
    expect(logGamma(0.001)).toBeCloseTo(6.907178885383854, 12);
    expect(logGamma(1e6) / 12815504.569147612).toBeCloseTo(1, 14);
  });

  it('uses the reflection formula below 1/2: log |Γ| of negative arguments, +Infinity at the poles', () => {
    // |Γ(−0.5)| = 2√π, Γ(−1.5) = 4√π/3
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
    expect(logGamma(-1.5)).toBeCloseTo(Math.log((4 * Math.sqrt(Math.PI)) / 3), 13);
    expect(logGamma(-2)).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives log B(a, b) consistent with B(1, b) = 1/b', () => {
    expect(logBeta(1, 4)).toBeCloseTo(-Math.log(4), 14);
    expect(logBeta(2.5, 3.5)).toBeCloseTo(logGamma(2.5) + logGamma(3.5) - logGamma(6), 14);
  });
});

describe('digamma', () => {
  it('matches known values', () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 13);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 13);
    expect(digamma(100)).toBeCloseTo(4.600161852738087, 13);
    expect(digamma(0.01)).toBeCloseTo(-100.56088545786867, 11);
    expect(digamma(7.5)).toBeCloseTo(1.9467574842460868, 13);
  });

  it('satisfies ψ(x + 1) − ψ(x) = 1/x', () => {
    for (const x of [0.3, 2.7, 15, 480.5]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 12);
  });
});

describe('log-space sums', () => {
  it('adds and subtracts numbers far below double range', () => {
    // e^−2000 + e^−2000 = 2 e^−2000; e^−2000 − e^−2001 = e^−2000 (1 − 1/e)
    expect(logAddExp(-2000, -2000)).toBeCloseTo(-2000 + Math.LN2, 12);
    expect(logSubExp(-2000, -2001)).toBeCloseTo(-2000 + Math.log(1 - Math.exp(-1)), 12);
    expect(logSubExp(-5, -5)).toBe(Number.NEGATIVE_INFINITY);
    expect(logAddExp(Number.NEGATIVE_INFINITY, -3)).toBe(-3);
  });

  it('keeps precision when the two terms nearly cancel', () => {
    expect(logSubExp(0, -1e-10)).toBeCloseTo(Math.log(1e-10), 6);
  });
});
