import { describe, expect, it } from 'vitest';
import { hypergeometric2F1, logHypergeometric2F1, logHypergeometricSeries, unitHypergeometric2F1 } from './hypergeometric.js';

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('hypergeometric2F1', () => {
  it('matches closed forms (DLMF 15.4): −log(1−z)/z, (1−z)^−a, arcsin', () => {
    for (const z of [0.5, 0.95, 0.999, -0.5, -5, -300]) {
      expect(relative(hypergeometric2F1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-13);
    }
    for (const z of [0.7, -3]) expect(relative(hypergeometric2F1(2.5, 1.3, 1.3, z), Math.pow(1 - z, -2.5))).toBeLessThan(1e-13);
    expect(relative(hypergeometric2F1(0.5, 0.5, 1.5, 0.81), Math.asin(0.9) / 0.9)).toBeLessThan(1e-13);
  });

  it('matches high-precision values (mpmath, 40 digits), including z near 1 and negative z', () => {
    const cases: [number, number, number, number, number][] = [
      [0.3, 1.7, 0.9, 0.999, 748.6052690754499945580637],
      [2.5, -1.5, 3.25, -7.0, 16.45204661694621706088917],
      [1.5, 2.5, 3.0, 0.95, 30.94952365643249039307141],
      [10.5, 20.25, 4.75, 0.6, 3681409335130.119477785786],
      [1, 0.7, 2.3, -0.999, 0.7938651026133128061286742],
    ];
    for (const [a, b, c, z, expected] of cases) expect(relative(hypergeometric2F1(a, b, c, z), expected)).toBeLessThan(1e-12);
  });

  it('evaluates terminating series exactly', () => {
    // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const [b, c, z] = [2, 1.5, -4];
    expect(hypergeometric2F1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 12);
  });

  it('returns logs of values beyond double range (parameters of a customer with x = 500)', () => {
    const value = logHypergeometric2F1(500.243, 502.426, 1003.219, 0.8);
    expect(value.sign).toBe(1);
    expect(value.log).toBeCloseTo(324.1835454674065, 9);
  });

  it('refuses z ≥ 1', () => {
    expect(hypergeometric2F1(1, 1, 2, 1)).toBeNaN();
  });
});

describe('logHypergeometricSeries', () => {
  it('sums ₃F₂ (mpmath reference)', () => {
    const value = logHypergeometricSeries([1.5, 0.8, 1], [3.2, 2], 0.9);
    expect(relative(Math.exp(value.log), 1.274879424021642)).toBeLessThan(1e-13);
  });
});

describe('unitHypergeometric2F1', () => {
  it('equals ₂F₁(1, b; c; z) and its finite-difference derivatives', () => {
    for (const [b, c, z] of [
      [0.8, 2.4, 0.3],
      [500.2, 501.8, 0.85],
      [1.6, 3.1, 0],
    ] as const) {
      const result = unitHypergeometric2F1(b, c, z);
      expect(relative(result.value, hypergeometric2F1(1, b, c, z))).toBeLessThan(1e-13);
      const h = 1e-6;
      const central = (f: (step: number) => number): number => (f(h) - f(-h)) / (2 * h);
      expect(result.dB).toBeCloseTo(central((step) => hypergeometric2F1(1, b + step, c, z)), 6);
      expect(result.dC).toBeCloseTo(central((step) => hypergeometric2F1(1, b, c + step, z)), 6);
      if (z > 0) expect(result.dZ).toBeCloseTo(central((step) => hypergeometric2F1(1, b, c, z + step)), 6);
      else expect(result.dZ).toBeCloseTo(b / c, 14);
    }
  });
});
