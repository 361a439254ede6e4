import type { DifferentiableObjective } from '../math/bfgs.js';
import { CompensatedSum } from '../math/compensated-sum.js';
import { digamma, logGamma } from '../math/special-functions.js';
import { assertValidPatterns, type CustomerPattern } from './customer-pattern.js';
import { maximizeLikelihood, type ModelFit } from './model-fit.js';
import { indexPatterns, type PatternIndex } from './pattern-index.js';

/**
 * BG/NBD parameters (Fader, Hardie & Lee 2005, "Counting your customers the
 * easy way: An alternative to the Pareto/NBD model", Marketing Science
 * 24(2):275–284): while alive a customer buys as a Poisson process with rate
 * λ ~ Gamma(r, α); after each purchase the customer drops out with
 * probability p ~ Beta(a, b).
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * The negative mean log-likelihood per customer over log(r, α, a, b), with
 * its analytic gradient. Per pattern (FHL 2005 eq. 6):
 *   ℓ = log Γ(r+x) − log Γ(r) + r log α + log B(a, b+x) − log B(a, b)
 *       + log[(α+T)^−(r+x) + δ(x>0) a/(b+x−1) (α+t_x)^−(r+x)].
 * The last term is a log-sum-exp of u = −(r+x) log(α+T) and
 * v = log a − log(b+x−1) − (r+x) log(α+t_x); with w = e^v / (e^u + e^v),
 *   ∂ℓ/∂r = ψ(r+x) − ψ(r) + log α − (1−w) log(α+T) − w log(α+t_x)
 *   ∂ℓ/∂α = r/α − (r+x) [(1−w)/(α+T) + w/(α+t_x)]
 *   ∂ℓ/∂a = ψ(a+b) − ψ(a+b+x) + w/a
 *   ∂ℓ/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w/(b+x−1).
 * Gamma-function terms depend on x alone and log(α + ·) on T or t_x alone,
 * so they are computed once per distinct value.
 */
function bgNbdObjective(index: PatternIndex): DifferentiableObjective {
  const { frequencies, frequencyCustomers, recencies, ages, count, frequencyOf, recencyOf, ageOf } = index;
  const logDropRatio = new Float64Array(frequencies.length);
  const inverseDropDenominator = new Float64Array(frequencies.length);
  const logAge = new Float64Array(ages.length);
  const inverseAge = new Float64Array(ages.length);
  const logRecency = new Float64Array(recencies.length);
  const inverseRecency = new Float64Array(recencies.length);

  return (logParams, gradient) => {
    const r = Math.exp(logParams[0]!);
    const alpha = Math.exp(logParams[1]!);
    const a = Math.exp(logParams[2]!);
    const b = Math.exp(logParams[3]!);
    const logAlpha = Math.log(alpha);
    const logGammaR = logGamma(r);
    const logGammaB = logGamma(b);
    const logGammaAB = logGamma(a + b);
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);

    const total = new CompensatedSum();
    let dR = 0;
    let dAlpha = 0;
    let dA = 0;
    let dB = 0;
    for (let j = 0; j < frequencies.length; j++) {
      const x = frequencies[j]!;
      const customers = frequencyCustomers[j]!;
      const psiABX = digamma(a + b + x);
      total.add(customers * (logGamma(r + x) - logGammaR + r * logAlpha + logGammaAB + logGamma(b + x) - logGammaB - logGamma(a + b + x)));
      dR += customers * (digamma(r + x) - psiR + logAlpha);
      dAlpha += (customers * r) / alpha;
      dA += customers * (psiAB - psiABX);
      dB += customers * (psiAB + digamma(b + x) - psiB - psiABX);
      logDropRatio[j] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
      inverseDropDenominator[j] = x > 0 ? 1 / (b + x - 1) : 0;
    }
    for (let k = 0; k < ages.length; k++) {
      logAge[k] = Math.log(alpha + ages[k]!);
      inverseAge[k] = 1 / (alpha + ages[k]!);
    }
    for (let k = 0; k < recencies.length; k++) {
      logRecency[k] = Math.log(alpha + recencies[k]!);
      inverseRecency[k] = 1 / (alpha + recencies[k]!);
    }

    for (let i = 0; i < count.length; i++) {
      const c = count[i]!;
      const j = frequencyOf[i]!;
      const k = ageOf[i]!;
      const x = frequencies[j]!;
      const exponent = r + x;
      const logAgeTerm = logAge[k]!;
      const u = -exponent * logAgeTerm;
      if (x === 0) {
        total.add(c * u);
        dR -= c * logAgeTerm;
        dAlpha -= c * exponent * inverseAge[k]!;
        continue;
      }
      const m = recencyOf[i]!;
      const logRecencyTerm = logRecency[m]!;
      const v = logDropRatio[j]! - exponent * logRecencyTerm;
      let logSum: number;
      let w: number;
      if (u >= v) {
        const e = Math.exp(v - u);
        logSum = u + Math.log1p(e);
        w = e / (1 + e);
      } else {
        const e = Math.exp(u - v);
        logSum = v + Math.log1p(e);
        w = 1 / (1 + e);
      }
      total.add(c * logSum);
      dR -= c * ((1 - w) * logAgeTerm + w * logRecencyTerm);
      dAlpha -= c * exponent * ((1 - w) * inverseAge[k]! + w * inverseRecency[m]!);
      dA += (c * w) / a;
      dB -= c * w * inverseDropDenominator[j]!;
    }

    const scale = -1 / index.customers;
    gradient[0] = scale * r * dR;
    gradient[1] = scale * alpha * dAlpha;
    gradient[2] = scale * a * dA;
    gradient[3] = scale * b * dB;
    return scale * total.value;
  };
}

/** Total BG/NBD log-likelihood Σ count × ℓ(r, α, a, b | x, t_x, T). */
export function bgNbdLogLikelihood(params: BgNbdParams, patterns: readonly CustomerPattern[]): number {
  assertValidPatterns(patterns);
  const index = indexPatterns(patterns);
  const objective = bgNbdObjective(index);
  const logParams = Float64Array.from([params.r, params.alpha, params.a, params.b], Math.log);
  return -objective(logParams, new Float64Array(4)) * index.customers;
}

export interface BgNbdFitOptions {
  /** Starting values for the optimiser; all 1 by default. */
  readonly start?: BgNbdParams;
}

/** Maximum-likelihood BG/NBD fit on grouped customer patterns. */
export function fitBgNbd(patterns: readonly CustomerPattern[], options: BgNbdFitOptions = {}): ModelFit<BgNbdParams> {
  assertValidPatterns(patterns);
  const index = indexPatterns(patterns);
  const start = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const fit = maximizeLikelihood(bgNbdObjective(index), [start.r, start.alpha, start.a, start.b], index.customers);
  const [r, alpha, a, b] = fit.logParams.map(Math.exp) as [number, number, number, number];
  return { params: { r, alpha, a, b }, logLikelihood: fit.logLikelihood, customers: index.customers, iterations: fit.iterations, converged: fit.converged };
}
