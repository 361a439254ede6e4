import type { DifferentiableObjective } from '../math/bfgs.js';
import { CompensatedSum } from '../math/compensated-sum.js';
import { unitHypergeometric2F1 } from '../math/hypergeometric.js';
import { logAddExp, logSubExp } from '../math/log-space.js';
import { assertValidPatterns, type CustomerPattern, type PurchaseHistory } from './customer-pattern.js';
import { COLLAPSED_VARIATION, maximizeLikelihood, type CollapsedMixing, type ModelFit } from './model-fit.js';
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
 * The tail term F(τ)/(max(α,β)+τ)^(r+s+x) of Fader & Hardie (2005, "A note
 * on deriving the Pareto/NBD model and related expressions", §3, the
 * likelihood), whose difference at τ = t_x and τ = T is A₀. Euler's
 * transformation ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a,c−b;c;z) takes the
 * factor that grows with x out of each branch:
 *   α ≥ β: (α+τ)^−(r+x) (β+τ)^−s · g,  g = ₂F₁(1, r+x; r+s+x+1; (α−β)/(α+τ))
 *   α < β: (α+τ)^−(r+x) (β+τ)^−s · (α+τ)/(β+τ) · h,  h = ₂F₁(1, s+1; r+s+x+1; (β−α)/(β+τ))
 * so only the bounded ₂F₁(1, b; c; z) with c > b and 0 ≤ z < 1 remains, and
 * the branches agree at α = β. This writes the shape ω(x, τ) = log g, or
 * log((α+τ)/(β+τ)) + log h, with its gradient in (r, α, s, β); the powers are
 * taken relative to τ = T per pattern (see {@link paretoNbdObjective}).
 * 1 − z = (β+τ)/(α+τ) (or (α+τ)/(β+τ)) and c − b = s+1 (or r+x) are passed
 * exactly: when α and β are orders of magnitude apart z is within 10⁻¹⁰ of
 * 1, and when r (or s) is 10¹², c = r+s+x+1 no longer resolves s (or x).
 */
function writeTailShape(params: ParetoNbdParams, x: number, tau: number, out: Float64Array, offset: number): void {
  const { r, alpha, s, beta } = params;
  const k = r + x;
  if (alpha >= beta) {
    const g = unitHypergeometric2F1(k, k + s + 1, (alpha - beta) / (alpha + tau), (beta + tau) / (alpha + tau), s + 1);
    const slope = g.dZ / g.value;
    out[offset + VALUE] = Math.log(g.value);
    out[offset + D_R] = g.dBC / g.value;
    out[offset + D_S] = g.dC / g.value;
    out[offset + D_ALPHA] = (slope * (beta + tau)) / ((alpha + tau) * (alpha + tau));
    out[offset + D_BETA] = -slope / (alpha + tau);
  } else {
    const h = unitHypergeometric2F1(s + 1, k + s + 1, (beta - alpha) / (beta + tau), (alpha + tau) / (beta + tau), k);
    const slope = h.dZ / h.value;
    out[offset + VALUE] = Math.log((alpha + tau) / (beta + tau)) + Math.log(h.value);
    out[offset + D_R] = h.dC / h.value;
    out[offset + D_S] = h.dBC / h.value;
    out[offset + D_ALPHA] = 1 / (alpha + tau) - slope / (beta + tau);
    out[offset + D_BETA] = -1 / (beta + tau) + (slope * (alpha + tau)) / ((beta + tau) * (beta + tau));
  }
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
 * log Γ(r+x) − log Γ(r) = Σ_{i<x} log(r+i) and ψ(r+x) − ψ(r) = Σ_{i<x} 1/(r+i)
 * per distinct x, accumulated once up to the largest x: exact where the
 * log Γ difference would cancel two numbers of size r log r (r = 10⁷ leaves
 * ~10⁻⁸ per customer, enough noise to stall the line search).
 */
function writeRateTerms(frequencies: Float64Array, order: readonly number[], r: number, logRate: Float64Array, rateHarmonic: Float64Array): void {
  const sum = new CompensatedSum();
  let harmonic = 0;
  let i = 0;
  for (const j of order) {
    for (; i < frequencies[j]!; i++) {
      sum.add(Math.log(r + i));
      harmonic += 1 / (r + i);
    }
    logRate[j] = sum.value;
    rateHarmonic[j] = harmonic;
  }
}

/** The per-pattern quantities of the likelihood bracket, relative to its "alive at T" term; see {@link paretoNbdObjective}. */
interface Bracket {
  /** log(1 + R), R = s/(r+s+x) · [E(t_x) − E(T)]: minus log P(alive). */
  logOnePlus: number;
  /** Weights of E(t_x) and E(T) in ∂ log(1 + R). */
  recencyWeight: number;
  ageWeight: number;
  /** Λ_α = log1p((T−t_x)/(α+t_x)) and Λ_β likewise. */
  rateShift: number;
  lifetimeShift: number;
}

/**
 * Writes the bracket for (x, t_x, T) from the shapes ω(x, t_x) and ω(x, T):
 * log E(t_x) = (r+x) Λ_α + s Λ_β + ω(x, t_x), log E(T) = ω(x, T). R is a
 * difference of two positive terms, taken in log space; it is zero when
 * t_x = T, or when rounding makes the terms equal.
 */
function writeBracket(params: ParetoNbdParams, x: number, tx: number, T: number, atRecency: number, atAge: number, out: Bracket): void {
  const { r, alpha, s, beta } = params;
  out.rateShift = Math.log1p((T - tx) / (alpha + tx));
  out.lifetimeShift = Math.log1p((T - tx) / (beta + tx));
  const logRecency = (r + x) * out.rateShift + s * out.lifetimeShift + atRecency;
  if (!(logRecency > atAge)) {
    out.logOnePlus = 0;
    out.recencyWeight = 0;
    out.ageWeight = 0;
    return;
  }
  const logShare = Math.log(s) - Math.log(r + s + x);
  out.logOnePlus = logAddExp(0, logShare + logSubExp(logRecency, atAge));
  out.recencyWeight = Math.exp(logShare + logRecency - out.logOnePlus);
  out.ageWeight = Math.exp(logShare + atAge - out.logOnePlus);
}

/**
 * The negative mean log-likelihood per customer over log(r, α, s, β), with
 * its analytic gradient. Per pattern (FH 2005 §3),
 *   ℓ = log Γ(r+x) − log Γ(r) + r log α + s log β + log B,
 *   B = (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀,
 * written relative to the first term of B, which P(alive) is the share of:
 *   ℓ = Σ_{i<x} log(r+i) − r log1p(T/α) − x log(α+T) − s log1p(T/β) + log(1 + R),
 *   R = s/(r+s+x) · [E(t_x) − E(T)],  E(τ) = F(τ) (α+T)^(r+x) (β+T)^s,
 * with log E(τ) = (r+x) log1p((T−τ)/(α+τ)) + s log1p((T−τ)/(β+τ)) + ω(x, τ).
 * Every piece stays exact when r and α (or s and β) are both huge — the
 * Gamma mixing collapsing onto one purchase (or dropout) rate — where
 * r log α − r log(α+T) would cancel. With the weights W_tx = s/(r+s+x) E(t_x)/(1+R)
 * and W_T likewise (W_tx − W_T = R/(1+R)),
 *   ∂ log(1+R) = W_tx ∂ log E(t_x) − W_T ∂ ω(x, T) + (W_tx − W_T) ∂ log(s/(r+s+x)),
 * which stays well conditioned as t_x → T, where R vanishes. Shapes depend
 * on (x, t_x) or (x, T) only and are computed once per distinct pair.
 */
function paretoNbdObjective(index: PatternIndex): DifferentiableObjective {
  const { frequencies, recencies, ages, count, frequencyOf, recencyOf, ageOf } = index;
  const order = Array.from(frequencies.keys()).sort((i, j) => frequencies[i]! - frequencies[j]!);
  const logRate = new Float64Array(frequencies.length);
  const rateHarmonic = new Float64Array(frequencies.length);
  const recencyPairs = pairIndex(frequencyOf, recencyOf, recencies.length);
  const agePairs = pairIndex(frequencyOf, ageOf, ages.length);
  const atRecency = new Float64Array(recencyPairs.firsts.length * SLOTS);
  const atAge = new Float64Array(agePairs.firsts.length * SLOTS);
  const rateAge = new Float64Array(ages.length);
  const lifetimeAge = new Float64Array(ages.length);
  const logAge = new Float64Array(ages.length);
  const bracket: Bracket = { logOnePlus: 0, recencyWeight: 0, ageWeight: 0, rateShift: 0, lifetimeShift: 0 };

  return (logParams, gradient) => {
    const params = {
      r: Math.exp(logParams[0]!),
      alpha: Math.exp(logParams[1]!),
      s: Math.exp(logParams[2]!),
      beta: Math.exp(logParams[3]!),
    };
    const { r, alpha, s, beta } = params;
    writeRateTerms(frequencies, order, r, logRate, rateHarmonic);
    recencyPairs.firsts.forEach((j, pair) => writeTailShape(params, frequencies[j]!, recencies[recencyPairs.seconds[pair]!]!, atRecency, pair * SLOTS));
    agePairs.firsts.forEach((j, pair) => writeTailShape(params, frequencies[j]!, ages[agePairs.seconds[pair]!]!, atAge, pair * SLOTS));
    for (let k = 0; k < ages.length; k++) {
      rateAge[k] = Math.log1p(ages[k]! / alpha);
      lifetimeAge[k] = Math.log1p(ages[k]! / beta);
      logAge[k] = Math.log(alpha + ages[k]!);
    }

    const total = new CompensatedSum();
    let dR = 0;
    let dAlpha = 0;
    let dS = 0;
    let dBeta = 0;
    for (let i = 0; i < count.length; i++) {
      const c = count[i]!;
      const j = frequencyOf[i]!;
      const x = frequencies[j]!;
      const k = ageOf[i]!;
      const age = ages[k]!;
      const recency = recencies[recencyOf[i]!]!;
      const recencyOffset = recencyPairs.pairOf[i]! * SLOTS;
      const ageOffset = agePairs.pairOf[i]! * SLOTS;
      writeBracket(params, x, recency, age, atRecency[recencyOffset]!, atAge[ageOffset]!, bracket);
      const { recencyWeight, ageWeight } = bracket;
      total.add(c * (logRate[j]! - r * rateAge[k]! - x * logAge[k]! - s * lifetimeAge[k]! + bracket.logOnePlus));

      const shareWeight = recencyWeight - ageWeight;
      const gap = age - recency;
      const tailR = recencyWeight * atRecency[recencyOffset + D_R]! - ageWeight * atAge[ageOffset + D_R]!;
      const tailAlpha = recencyWeight * atRecency[recencyOffset + D_ALPHA]! - ageWeight * atAge[ageOffset + D_ALPHA]!;
      const tailS = recencyWeight * atRecency[recencyOffset + D_S]! - ageWeight * atAge[ageOffset + D_S]!;
      const tailBeta = recencyWeight * atRecency[recencyOffset + D_BETA]! - ageWeight * atAge[ageOffset + D_BETA]!;
      dR += c * r * (rateHarmonic[j]! - rateAge[k]! + recencyWeight * bracket.rateShift + tailR - shareWeight / (r + s + x));
      dAlpha += c * ((r * age - x * alpha) / (alpha + age) + alpha * (tailAlpha - (recencyWeight * (r + x) * gap) / ((alpha + age) * (alpha + recency))));
      dS += c * s * (-lifetimeAge[k]! + recencyWeight * bracket.lifetimeShift + tailS + shareWeight * (1 / s - 1 / (r + s + x)));
      dBeta += c * ((s * age) / (beta + age) + beta * (tailBeta - (recencyWeight * s * gap) / ((beta + age) * (beta + recency))));
    }

    const scale = -1 / index.customers;
    gradient[0] = scale * dR;
    gradient[1] = scale * dAlpha;
    gradient[2] = scale * dS;
    gradient[3] = scale * dBeta;
    return scale * total.value;
  };
}

/**
 * Total Pareto/NBD log-likelihood Σ count × ℓ(r, α, s, β | x, t_x, T). NaN
 * only where ₂F₁(1, b; c; z) cannot be had in 100,000 terms of its continued
 * fraction (see {@link unitHypergeometric2F1}): shapes of order 1 with α and
 * β some 10⁸ apart; the optimiser steps back from there.
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

/**
 * Maximum-likelihood Pareto/NBD fit on grouped customer patterns. `collapsed`
 * names the mixing distributions that collapsed at the optimum (see
 * {@link CollapsedMixing}): 'purchase-rate' when 1/r, 'lifetime' when 1/s
 * falls below 1e-6.
 */
export function fitParetoNbd(patterns: readonly CustomerPattern[], options: ParetoNbdFitOptions = {}): ModelFit<ParetoNbdParams> {
  assertValidPatterns(patterns);
  const index = indexPatterns(patterns);
  const start = options.start ?? { r: 1, alpha: 1, s: 1, beta: 1 };
  const fit = maximizeLikelihood(paretoNbdObjective(index), [start.r, start.alpha, start.s, start.beta], index.customers);
  const [r, alpha, s, beta] = fit.logParams.map(Math.exp) as [number, number, number, number];
  const collapsed: CollapsedMixing[] = [];
  if (1 / r < COLLAPSED_VARIATION) collapsed.push('purchase-rate');
  if (1 / s < COLLAPSED_VARIATION) collapsed.push('lifetime');
  return { params: { r, alpha, s, beta }, logLikelihood: fit.logLikelihood, customers: index.customers, iterations: fit.iterations, converged: fit.converged, collapsed };
}

/**
 * P(alive | x, t_x, T) = (α+T)^−(r+x) (β+T)^−s / B, the share of the
 * likelihood bracket contributed by "still alive at T" (FH 2005 §5): 1/(1 + R)
 * in the terms of {@link paretoNbdObjective}.
 */
export function paretoNbdPAlive(params: ParetoNbdParams, history: PurchaseHistory): number {
  const { x, tx, T } = history;
  const shapes = new Float64Array(2 * SLOTS);
  writeTailShape(params, x, tx, shapes, 0);
  writeTailShape(params, x, T, shapes, SLOTS);
  const bracket: Bracket = { logOnePlus: 0, recencyWeight: 0, ageWeight: 0, rateShift: 0, lifetimeShift: 0 };
  writeBracket(params, x, tx, T, shapes[VALUE]!, shapes[SLOTS + VALUE]!, bracket);
  return Math.exp(-bracket.logOnePlus);
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
