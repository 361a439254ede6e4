import type { DifferentiableObjective } from '../math/bfgs.js';
import { CompensatedSum } from '../math/compensated-sum.js';
import { unitHypergeometric2F1 } from '../math/hypergeometric.js';
import { logAddExp, logSubExp } from '../math/log-space.js';
import { digamma, logGamma } from '../math/special-functions.js';
import { assertValidPatterns, type CustomerPattern, type PurchaseHistory } from './customer-pattern.js';
import { maximizeLikelihood, type ModelFit } from './model-fit.js';
import { indexPatterns, type PatternIndex } from './pattern-index.js';

/**
 * Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987, "Counting
 * your customers: Who are they and what will they do next?", Management
 * Science 33(1):1–24): while alive a customer buys as a Poisson process with
 * rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β).
 */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** Slots of a term and its gradient in a flat buffer. */
const VALUE = 0;
const D_R = 1;
const D_ALPHA = 2;
const D_S = 3;
const D_BETA = 4;
const SLOTS = 5;

/**
 * log of the Pareto/NBD term F(τ)/(max(α,β)+τ)^(r+s+x) of Fader & Hardie
 * (2005, "A note on deriving the Pareto/NBD model and related expressions",
 * §3, the likelihood), whose difference at τ = t_x and τ = T is A₀, with its gradient in
 * (r, α, s, β). Euler's transformation ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a,c−b;c;z)
 * takes the factor that grows with x out of each branch:
 *   α ≥ β: (α+τ)^−(r+x) (β+τ)^−s ₂F₁(1, r+x; r+s+x+1; (α−β)/(α+τ))
 *   α < β: (α+τ)^−(r+x−1) (β+τ)^−(s+1) ₂F₁(1, s+1; r+s+x+1; (β−α)/(β+τ))
 * so only the bounded ₂F₁(1, b; c; z) with c > b and 0 ≤ z < 1 remains, and
 * the branches agree at α = β.
 */
function writeTailTerm(params: ParetoNbdParams, x: number, tau: number, out: Float64Array, offset: number): void {
  const { r, alpha, s, beta } = params;
  const logAlpha = Math.log(alpha + tau);
  const logBeta = Math.log(beta + tau);
  if (alpha >= beta) {
    const g = unitHypergeometric2F1(r + x, r + s + x + 1, (alpha - beta) / (alpha + tau));
    const slope = g.dZ / g.value;
    out[offset + VALUE] = -(r + x) * logAlpha - s * logBeta + Math.log(g.value);
    out[offset + D_R] = -logAlpha + (g.dB + g.dC) / g.value;
    out[offset + D_S] = -logBeta + g.dC / g.value;
    out[offset + D_ALPHA] = -(r + x) / (alpha + tau) + (slope * (beta + tau)) / ((alpha + tau) * (alpha + tau));
    out[offset + D_BETA] = -s / (beta + tau) - slope / (alpha + tau);
  } else {
    const h = unitHypergeometric2F1(s + 1, r + s + x + 1, (beta - alpha) / (beta + tau));
    const slope = h.dZ / h.value;
    out[offset + VALUE] = -(r + x - 1) * logAlpha - (s + 1) * logBeta + Math.log(h.value);
    out[offset + D_R] = -logAlpha + h.dC / h.value;
    out[offset + D_S] = -logBeta + (h.dB + h.dC) / h.value;
    out[offset + D_ALPHA] = -(r + x - 1) / (alpha + tau) - slope / (beta + tau);
    out[offset + D_BETA] = -(s + 1) / (beta + tau) + (slope * (alpha + tau)) / ((beta + tau) * (beta + tau));
  }
}

/**
 * log of the bracket of the likelihood (FH 2005 §3),
 *   B = (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀,
 * from ℓ₁ = log of its first term and the tail terms at t_x and T. A₀ is a
 * difference of two positive terms; it is zero (and its log −∞) when
 * t_x = T, or when rounding makes the terms equal.
 */
function logBracket(firstTerm: number, logShare: number, atRecency: number, atAge: number): number {
  const logA0 = atRecency > atAge ? logSubExp(atRecency, atAge) : Number.NEGATIVE_INFINITY;
  return logAddExp(firstTerm, logShare + logA0);
}

function pairIndex(first: Int32Array, second: Int32Array, secondSize: number): { readonly pairOf: Int32Array; readonly firsts: number[]; readonly seconds: number[] } {
  const position = new Map<number, number>();
  const firsts: number[] = [];
  const seconds: number[] = [];
  const pairOf = new Int32Array(first.length);
  for (let i = 0; i < first.length; i++) {
    const key = first[i]! * secondSize + second[i]!;
    let index = position.get(key);
    if (index === undefined) {
      index = firsts.length;
      position.set(key, index);
      firsts.push(first[i]!);
      seconds.push(second[i]!);
    }
    pairOf[i] = index;
  }
  return { pairOf, firsts, seconds };
}

/**
 * The negative mean log-likelihood per customer over log(r, α, s, β), with
 * its analytic gradient. Per pattern (FH 2005 §3):
 *   ℓ = log Γ(r+x) − log Γ(r) + r log α + s log β + log B.
 * With weights W₁ = e^(ℓ₁−B), W_tx = e^(log(s/(r+s+x)) + ℓ(t_x) − B) and
 * W_T likewise (W₁ + W_tx − W_T = 1),
 *   ∂ log B = W₁ ∂ℓ₁ + W_tx ∂ℓ(t_x) − W_T ∂ℓ(T) + (W_tx − W_T) ∂ log(s/(r+s+x)),
 * which stays well conditioned as t_x → T, where A₀ vanishes. Tail terms
 * depend on (x, t_x) or (x, T) only and are computed once per distinct pair.
 */
function paretoNbdObjective(index: PatternIndex): DifferentiableObjective {
  const { frequencies, frequencyCustomers, recencies, ages, count, frequencyOf, recencyOf, ageOf } = index;
  const recencyPairs = pairIndex(frequencyOf, recencyOf, recencies.length);
  const agePairs = pairIndex(frequencyOf, ageOf, ages.length);
  const atRecency = new Float64Array(recencyPairs.firsts.length * SLOTS);
  const atAge = new Float64Array(agePairs.firsts.length * SLOTS);
  const logAlphaAge = new Float64Array(ages.length);
  const logBetaAge = new Float64Array(ages.length);

  return (logParams, gradient) => {
    const params = {
      r: Math.exp(logParams[0]!),
      alpha: Math.exp(logParams[1]!),
      s: Math.exp(logParams[2]!),
      beta: Math.exp(logParams[3]!),
    };
    const { r, alpha, s, beta } = params;
    const logAlpha = Math.log(alpha);
    const logBeta = Math.log(beta);
    const logGammaR = logGamma(r);
    const psiR = digamma(r);

    const total = new CompensatedSum();
    let dR = 0;
    let dAlpha = 0;
    let dS = 0;
    let dBeta = 0;
    for (let j = 0; j < frequencies.length; j++) {
      const x = frequencies[j]!;
      const customers = frequencyCustomers[j]!;
      total.add(customers * (logGamma(r + x) - logGammaR + r * logAlpha + s * logBeta));
      dR += customers * (digamma(r + x) - psiR + logAlpha);
      dAlpha += (customers * r) / alpha;
      dS += customers * logBeta;
      dBeta += (customers * s) / beta;
    }
    recencyPairs.firsts.forEach((j, pair) => writeTailTerm(params, frequencies[j]!, recencies[recencyPairs.seconds[pair]!]!, atRecency, pair * SLOTS));
    agePairs.firsts.forEach((j, pair) => writeTailTerm(params, frequencies[j]!, ages[agePairs.seconds[pair]!]!, atAge, pair * SLOTS));
    for (let k = 0; k < ages.length; k++) {
      logAlphaAge[k] = Math.log(alpha + ages[k]!);
      logBetaAge[k] = Math.log(beta + ages[k]!);
    }

    for (let i = 0; i < count.length; i++) {
      const c = count[i]!;
      const x = frequencies[frequencyOf[i]!]!;
      const k = ageOf[i]!;
      const age = ages[k]!;
      const first = -(r + x) * logAlphaAge[k]! - s * logBetaAge[k]!;
      const logShare = Math.log(s) - Math.log(r + s + x);
      const recencyOffset = recencyPairs.pairOf[i]! * SLOTS;
      const ageOffset = agePairs.pairOf[i]! * SLOTS;
      const logB = logBracket(first, logShare, atRecency[recencyOffset]!, atAge[ageOffset]!);
      total.add(c * logB);

      const firstWeight = Math.exp(first - logB);
      const hasTail = atRecency[recencyOffset]! > atAge[ageOffset]!;
      const recencyWeight = hasTail ? Math.exp(logShare + atRecency[recencyOffset]! - logB) : 0;
      const ageWeight = hasTail ? Math.exp(logShare + atAge[ageOffset]! - logB) : 0;
      const shareWeight = recencyWeight - ageWeight;
      const tailR = recencyWeight * atRecency[recencyOffset + D_R]! - ageWeight * atAge[ageOffset + D_R]!;
      const tailAlpha = recencyWeight * atRecency[recencyOffset + D_ALPHA]! - ageWeight * atAge[ageOffset + D_ALPHA]!;
      const tailS = recencyWeight * atRecency[recencyOffset + D_S]! - ageWeight * atAge[ageOffset + D_S]!;
      const tailBeta = recencyWeight * atRecency[recencyOffset + D_BETA]! - ageWeight * atAge[ageOffset + D_BETA]!;
      dR += c * (-firstWeight * logAlphaAge[k]! + tailR - shareWeight / (r + s + x));
      dAlpha += c * (-firstWeight * (r + x) / (alpha + age) + tailAlpha);
      dS += c * (-firstWeight * logBetaAge[k]! + tailS + shareWeight * (1 / s - 1 / (r + s + x)));
      dBeta += c * (-firstWeight * s / (beta + age) + tailBeta);
    }

    const scale = -1 / index.customers;
    gradient[0] = scale * r * dR;
    gradient[1] = scale * alpha * dAlpha;
    gradient[2] = scale * s * dS;
    gradient[3] = scale * beta * dBeta;
    return scale * total.value;
  };
}

/**
 * Total Pareto/NBD log-likelihood Σ count × ℓ(r, α, s, β | x, t_x, T). NaN
 * when α and β differ by a factor beyond about 10⁵, where the ₂F₁ series
 * needs more than a million terms (the optimiser steps back from there).
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, patterns: readonly CustomerPattern[]): number {
  assertValidPatterns(patterns);
  const index = indexPatterns(patterns);
  const logParams = Float64Array.from([params.r, params.alpha, params.s, params.beta], Math.log);
  return -paretoNbdObjective(index)(logParams, new Float64Array(4)) * index.customers;
}

export interface ParetoNbdFitOptions {
  /** Starting values for the optimiser; all 1 by default. */
  readonly start?: ParetoNbdParams;
}

/** Maximum-likelihood Pareto/NBD fit on grouped customer patterns. */
export function fitParetoNbd(patterns: readonly CustomerPattern[], options: ParetoNbdFitOptions = {}): ModelFit<ParetoNbdParams> {
  assertValidPatterns(patterns);
  const index = indexPatterns(patterns);
  const start = options.start ?? { r: 1, alpha: 1, s: 1, beta: 1 };
  const fit = maximizeLikelihood(paretoNbdObjective(index), [start.r, start.alpha, start.s, start.beta], index.customers);
  const [r, alpha, s, beta] = fit.logParams.map(Math.exp) as [number, number, number, number];
  return { params: { r, alpha, s, beta }, logLikelihood: fit.logLikelihood, customers: index.customers, iterations: fit.iterations, converged: fit.converged };
}

/**
 * P(alive | x, t_x, T) = (α+T)^−(r+x) (β+T)^−s / B, the share of the
 * likelihood bracket contributed by "still alive at T" (FH 2005 §5).
 */
export function paretoNbdPAlive(params: ParetoNbdParams, history: PurchaseHistory): number {
  const { r, alpha, s, beta } = params;
  const { x, tx, T } = history;
  const terms = new Float64Array(2 * SLOTS);
  writeTailTerm(params, x, tx, terms, 0);
  writeTailTerm(params, x, T, terms, SLOTS);
  const first = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const logShare = Math.log(s) - Math.log(r + s + x);
  return Math.exp(first - logBracket(first, logShare, terms[VALUE]!, terms[SLOTS + VALUE]!));
}

/**
 * Expected transactions in (T, T + t] (Schmittlein et al. 1987; FH 2005 §6):
 *   E[Y(t)] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive),
 * with [1 − q^(s−1)]/(s−1) evaluated as −expm1((s−1) log q)/(s−1), which
 * tends to −log q at s = 1.
 */
export function paretoNbdConditionalExpected(params: ParetoNbdParams, history: PurchaseHistory, t: number): number {
  return paretoNbdConditionalCurve(params, history)(t);
}

/** t ↦ E[Y(t) | x, t_x, T], with P(alive) computed once: for valuing a customer period by period. */
export function paretoNbdConditionalCurve(params: ParetoNbdParams, history: PurchaseHistory): (t: number) => number {
  const { r, alpha, s, beta } = params;
  const { x, T } = history;
  const scale = (((r + x) * (beta + T)) / (alpha + T)) * paretoNbdPAlive(params, history);
  return (t) => {
    if (t <= 0) return 0;
    const logRatio = -Math.log1p(t / (beta + T));
    const lifetimeFactor = s === 1 ? -logRatio : -Math.expm1((s - 1) * logRatio) / (s - 1);
    return scale * lifetimeFactor;
  };
}

/** E[X(t)] for a new customer, the conditional expectation at x = t_x = T = 0 (FH 2005 §4). */
export function paretoNbdExpected(params: ParetoNbdParams, t: number): number {
  return paretoNbdConditionalExpected(params, { x: 0, tx: 0, T: 0 }, t);
}
