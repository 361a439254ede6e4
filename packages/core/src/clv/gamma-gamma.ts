import type { DifferentiableObjective } from '../math/bfgs.js';
import { CompensatedSum } from '../math/compensated-sum.js';
import { digamma, logGamma } from '../math/special-functions.js';
import { maximizeLikelihood, type ModelFit } from './model-fit.js';

/**
 * Gamma-Gamma spend parameters (Fader & Hardie 2013, "The Gamma-Gamma model
 * of monetary value", brucehardie.com/notes/025; after Colombo & Jiang 1999):
 * a customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ)
 * across customers, so the customer's mean value is p/ν.
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** A customer's (or group's) repeat transactions: x of them with mean value z̄ (`monetaryValue`). */
export interface SpendObservation {
  readonly x: number;
  readonly monetaryValue: number;
  /** Customers with exactly this (x, z̄); 1 by default. */
  readonly count?: number;
}

function assertValidObservations(observations: readonly SpendObservation[]): void {
  if (observations.length === 0) throw new RangeError('no customers with repeat transactions to fit');
  for (const { x, monetaryValue, count = 1 } of observations) {
    if (!(Number.isInteger(x) && x > 0 && monetaryValue > 0 && Number.isFinite(monetaryValue) && count > 0)) {
      throw new RangeError(`invalid spend observation x=${x} mean=${monetaryValue} count=${count}`);
    }
  }
}

/**
 * Negative mean log-likelihood per customer over log(p, q, γ), with its
 * gradient. The density of the mean z̄ of x transactions (FH 2013, §2):
 *   ℓ = log Γ(px+q) − log Γ(px) − log Γ(q) + q log γ + (px−1) log z̄
 *       + px log x − (px+q) log(γ + x z̄),
 *   ∂ℓ/∂p = x [ψ(px+q) − ψ(px) + log z̄ + log x − log(γ + x z̄)]
 *   ∂ℓ/∂q = ψ(px+q) − ψ(q) + log γ − log(γ + x z̄)
 *   ∂ℓ/∂γ = q/γ − (px+q)/(γ + x z̄).
 */
function gammaGammaObjective(observations: readonly SpendObservation[], customers: number): DifferentiableObjective {
  const x = Float64Array.from(observations, (item) => item.x);
  const logMean = Float64Array.from(observations, (item) => Math.log(item.monetaryValue));
  const total = Float64Array.from(observations, (item) => item.x * item.monetaryValue);
  const count = Float64Array.from(observations, (item) => item.count ?? 1);
  return (logParams, gradient) => {
    const p = Math.exp(logParams[0]!);
    const q = Math.exp(logParams[1]!);
    const gamma = Math.exp(logParams[2]!);
    const logGammaQ = logGamma(q);
    const psiQ = digamma(q);
    const logScale = Math.log(gamma);
    const value = new CompensatedSum();
    let dP = 0;
    let dQ = 0;
    let dGamma = 0;
    for (let i = 0; i < x.length; i++) {
      const c = count[i]!;
      const px = p * x[i]!;
      const logDenominator = Math.log(gamma + total[i]!);
      const psiSum = digamma(px + q);
      value.add(
        c * (logGamma(px + q) - logGamma(px) - logGammaQ + q * logScale + (px - 1) * logMean[i]! + px * Math.log(x[i]!) - (px + q) * logDenominator),
      );
      dP += c * x[i]! * (psiSum - digamma(px) + logMean[i]! + Math.log(x[i]!) - logDenominator);
      dQ += c * (psiSum - psiQ + logScale - logDenominator);
      dGamma += c * (q / gamma - (px + q) / (gamma + total[i]!));
    }
    const scale = -1 / customers;
    gradient[0] = scale * p * dP;
    gradient[1] = scale * q * dQ;
    gradient[2] = scale * gamma * dGamma;
    return scale * value.value;
  };
}

function customerCount(observations: readonly SpendObservation[]): number {
  return observations.reduce((sum, item) => sum + (item.count ?? 1), 0);
}

/** Total Gamma-Gamma log-likelihood of the observed mean transaction values. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, observations: readonly SpendObservation[]): number {
  assertValidObservations(observations);
  const customers = customerCount(observations);
  const logParams = Float64Array.from([params.p, params.q, params.gamma], Math.log);
  return -gammaGammaObjective(observations, customers)(logParams, new Float64Array(3)) * customers;
}

export interface GammaGammaFitOptions {
  /** Starting values for the optimiser; all 1 by default. */
  readonly start?: GammaGammaParams;
}

/** Maximum-likelihood Gamma-Gamma fit on customers with at least one repeat transaction. */
export function fitGammaGamma(observations: readonly SpendObservation[], options: GammaGammaFitOptions = {}): ModelFit<GammaGammaParams> {
  assertValidObservations(observations);
  const customers = customerCount(observations);
  const start = options.start ?? { p: 1, q: 1, gamma: 1 };
  const fit = maximizeLikelihood(gammaGammaObjective(observations, customers), [start.p, start.q, start.gamma], customers);
  const [p, q, gamma] = fit.logParams.map(Math.exp) as [number, number, number];
  return { params: { p, q, gamma }, logLikelihood: fit.logLikelihood, customers, iterations: fit.iterations, converged: fit.converged };
}

/**
 * Population mean transaction value E[Z] = pγ/(q − 1) (FH 2013),
 * finite only for q > 1; the expected spend of a customer with no repeat
 * transactions.
 */
export function gammaGammaMeanSpend(params: GammaGammaParams): number {
  const { p, q, gamma } = params;
  return q > 1 ? (p * gamma) / (q - 1) : Number.POSITIVE_INFINITY;
}

/**
 * E[Z | x, z̄] = (γ + x z̄) p / (px + q − 1) (FH 2013, the conditional
 * expectation of the customer's mean transaction value): a weighted
 * average of the population mean pγ/(q−1), with weight (q−1)/(px+q−1), and
 * the customer's own mean z̄. Without repeat transactions (x = 0) it is the
 * population mean.
 */
export function gammaGammaConditionalSpend(params: GammaGammaParams, x: number, monetaryValue: number): number {
  if (x === 0) return gammaGammaMeanSpend(params);
  const { p, q, gamma } = params;
  return ((gamma + x * monetaryValue) * p) / (p * x + q - 1);
}
