import { describe, expect, it } from 'vitest';
import { logGamma } from '../math/special-functions.js';
import { gammaGammaConditionalSpend, gammaGammaLogLikelihood, gammaGammaMeanSpend } from './gamma-gamma.js';

const CDNOW = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('Gamma-Gamma', () => {
  it('log-likelihood of one customer equals the density of the mean of x Gamma(p, ν) values, ν ~ Gamma(q, γ)', () => {
    const { p, q, gamma } = CDNOW;
    const [x, mean] = [3, 42.5];
    const expected =
      logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(mean) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + x * mean);
    expect(gammaGammaLogLikelihood(CDNOW, [{ x, monetaryValue: mean }])).toBeCloseTo(expected, 12);
    expect(gammaGammaLogLikelihood(CDNOW, [{ x, monetaryValue: mean, count: 4 }])).toBeCloseTo(4 * expected, 11);
  });

  it('stays finite for a customer with 500 transactions', () => {
    expect(Number.isFinite(gammaGammaLogLikelihood(CDNOW, [{ x: 500, monetaryValue: 1234.5 }]))).toBe(true);
  });

  it('population mean pγ/(q−1) and the conditional mean (γ + x z̄) p/(px + q − 1)', () => {
    expect(gammaGammaMeanSpend(CDNOW)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(gammaGammaConditionalSpend(CDNOW, 2, 25)).toBeCloseTo(((15.44 + 50) * 6.25) / (12.5 + 2.74), 12);
    // The conditional mean is a weighted average of the population mean and the customer's own mean.
    const weight = (CDNOW.q - 1) / (CDNOW.p * 2 + CDNOW.q - 1);
    expect(gammaGammaConditionalSpend(CDNOW, 2, 25)).toBeCloseTo(weight * gammaGammaMeanSpend(CDNOW) + (1 - weight) * 25, 12);
    expect(gammaGammaConditionalSpend(CDNOW, 0, 0)).toBe(gammaGammaMeanSpend(CDNOW));
    expect(gammaGammaMeanSpend({ ...CDNOW, q: 0.9 })).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects observations without repeat transactions or with a non-positive mean', () => {
    expect(() => gammaGammaLogLikelihood(CDNOW, [{ x: 0, monetaryValue: 10 }])).toThrow(RangeError);
    expect(() => gammaGammaLogLikelihood(CDNOW, [{ x: 2, monetaryValue: 0 }])).toThrow(RangeError);
  });
});
