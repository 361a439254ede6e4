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

describe('unitHypergeometric2F1 near z = 1 (Pfaff and Gauss’s continued fraction)', () => {
  // ₂F₁(1, b; c; z) and its derivatives ∂b, ∂c, ∂b + ∂c, ∂z: the series summed termwise in 50-digit decimal
  // arithmetic (about a million terms each), independent of the continued fraction.
  const references: [number, number, number, [number, number, number, number, number]][] = [
    [0.3, 2.8, 0.9999, [1.1999293059053362, 0.7995856819471272, -0.1331933494079808, 0.6663923325391464, 0.7005026784534401]],
    [1.6, 4.1, 0.9999, [2.0660230137501654, 1.3757767251549403, -0.7097163082969609, 0.6660604168579794, 6.3497919047096002]],
    [1.6, 1.61, 0.9999, [9185.569279077598, 77995.99110228751, -77917.54697138652, 78.44413090099895, 90937632.71529323]],
  ];

  it('matches 50-digit values, derivatives included, where the series needs a million terms', () => {
    for (const [b, c, z, [value, dB, dC, dBC, dZ]] of references) {
      const result = unitHypergeometric2F1(b, c, z);
      expect(relative(result.value, value)).toBeLessThan(1e-12);
      expect(relative(result.dB, dB)).toBeLessThan(1e-12);
      expect(relative(result.dC, dC)).toBeLessThan(1e-12);
      expect(relative(result.dBC, dBC)).toBeLessThan(1e-12);
      expect(relative(result.dZ, dZ)).toBeLessThan(1e-12);
    }
  });

  it('agrees with the series where the two meet (z = 1/2)', () => {
    for (const [b, c] of [
      [0.8, 2.4],
      [500.2, 501.8],
      [3, 40],
    ] as const) {
      const series = unitHypergeometric2F1(b, c, 0.5);
      const fraction = unitHypergeometric2F1(b, c, 0.5 + 1e-15);
      expect(relative(fraction.value, series.value)).toBeLessThan(1e-13);
      expect(relative(fraction.dB, series.dB)).toBeLessThan(1e-11);
      expect(relative(fraction.dC, series.dC)).toBeLessThan(1e-11);
      expect(relative(fraction.dBC, series.dBC)).toBeLessThan(1e-11);
      expect(relative(fraction.dZ, series.dZ)).toBeLessThan(1e-11);
    }
  });

  it('reaches the c → ∞ limit κ(1 − κ e^κ E₁(κ)) at c = b + 2 = 10¹², 1 − z = κ/(c+κ), with 1 − z passed exactly', () => {
    // (1−z) ₂F₁(1, c−2; c; z) → ∫₀^∞ e^−q (1 + q/κ)^−2 dq, κ = c(1−z)/z; corrections are O(1/c). E₁ at 50 digits.
    const limits: [number, number][] = [
      [0.5, 0.26927234187906738],
      [2, 0.55468553244710966],
      [20, 0.91258180161566332],
    ];
    const c = 1e12;
    for (const [kappa, limit] of limits) {
      const complement = kappa / (c + kappa);
      const result = unitHypergeometric2F1(c - 2, c, c / (c + kappa), complement, 2);
      expect(relative(result.value * complement, limit)).toBeLessThan(1e-11);
    }
  });

  it('takes c − b as given: at c = 10¹², c − b = 1.3 rounds to 1.29993, which would move the value by 1e-5', () => {
    for (const kappa of [0.5, 2, 20]) {
      const at = (c: number): number => {
        const complement = kappa / (c + kappa);
        return unitHypergeometric2F1(c - 1.3, c, c / (c + kappa), complement, 1.3).value * complement;
      };
      // Same κ, c a thousand times apart: equal up to the O(1/c) correction of the smaller c.
      expect(relative(at(1e12), at(1e9))).toBeLessThan(1e-9);
    }
  });

  it('matches the closed form ₂F₁(1, ½; 2; z) = 2(1 − √(1−z))/z up to z = 1 − 10⁻⁶, and gives NaN (not a long loop) closer to 1', () => {
    for (const complement of [0.3, 1e-2, 1e-4, 1e-6]) {
      const z = 1 - complement;
      const root = Math.sqrt(complement);
      const result = unitHypergeometric2F1(0.5, 2, z, complement);
      expect(relative(result.value, (2 * (1 - root)) / z)).toBeLessThan(1e-13);
      expect(relative(result.dZ, (z / root - 2 * (1 - root)) / (z * z))).toBeLessThan(1e-12);
    }
    expect(unitHypergeometric2F1(0.5, 2, 1 - 1e-10, 1e-10).value).toBeNaN();
  });
});
