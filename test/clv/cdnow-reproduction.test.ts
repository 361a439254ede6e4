import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBgNbd, fitGammaGamma, fitParetoNbd, paretoNbdLogLikelihood } from '@retail-value/core';
import { cdnowPatterns, cdnowSummary } from './cdnow-sample.js';

/** Within 0.5 % of the published value. */
function expectNear(actual: number, published: number): void {
  expect(Math.abs(actual - published) / published).toBeLessThan(0.005);
}

// Published maximum-likelihood estimates on the CDNOW 1/10 sample (see test/fixtures/cdnow/README.md).
describe('CDNOW sample: reproducing the published estimates', () => {
  const customers = cdnowSummary();
  const patterns = cdnowPatterns();

  it('summarises 2,357 customers, 946 of them with repeat purchases', () => {
    expect(customers).toHaveLength(2357);
    expect(customers.filter((customer) => customer.x > 0)).toHaveLength(946);
  });

  it('BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 (Fader, Hardie & Lee 2005)', () => {
    const fit = fitBgNbd(patterns);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expectNear(fit.params.r, 0.243);
    expectNear(fit.params.alpha, 4.414);
    expectNear(fit.params.a, 0.793);
    expectNear(fit.params.b, 2.426);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.1);
    expect(bgNbdLogLikelihood(fit.params, patterns)).toBeCloseTo(fit.logLikelihood, 8);
  });

  it('BG/NBD converges to the same optimum from distant starting values', () => {
    const fit = fitBgNbd(patterns, { start: { r: 5, alpha: 0.1, a: 20, b: 0.05 } });
    expectNear(fit.params.r, 0.243);
    expectNear(fit.params.b, 2.426);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.1);
  });

  it('Pareto/NBD: r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0', () => {
    const fit = fitParetoNbd(patterns);
    expect(fit.converged).toBe(true);
    expectNear(fit.params.r, 0.553);
    expectNear(fit.params.alpha, 10.578);
    expectNear(fit.params.s, 0.606);
    expectNear(fit.params.beta, 11.669);
    expect(Math.abs(fit.logLikelihood - -9595.0)).toBeLessThan(0.1);
    expect(paretoNbdLogLikelihood(fit.params, patterns)).toBeCloseTo(fit.logLikelihood, 8);
  });

  it('Pareto/NBD converges from a start in the other branch (α ≥ β)', () => {
    const fit = fitParetoNbd(patterns, { start: { r: 2, alpha: 40, s: 3, beta: 0.5 } });
    expectNear(fit.params.alpha, 10.578);
    expectNear(fit.params.beta, 11.669);
  });

  it('Gamma-Gamma: p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat customers (Fader & Hardie 2013)', () => {
    const fit = fitGammaGamma(customers.filter((customer) => customer.x > 0));
    expect(fit.customers).toBe(946);
    expectNear(fit.params.p, 6.25);
    expectNear(fit.params.q, 3.74);
    expectNear(fit.params.gamma, 15.44);
  });
});
