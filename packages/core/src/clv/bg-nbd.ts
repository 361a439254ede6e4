import type { DifferentiableObjective } from '../math/bfgs.js';
import { CompensatedSum } from '../math/compensated-sum.js';
import { assertValidPatterns, type CustomerPattern } from './customer-pattern.js';
import { COLLAPSED_VARIATION, maximizeLikelihood, type CollapsedMixing, type ModelFit } from './model-fit.js';
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
 * Per distinct x, the x-only terms of the likelihood and their parameter
 * derivatives, as sums over i < x (x is an integer):
 *   log Γ(r+x) − log Γ(r)          = Σ log(r+i)
 *   ψ(r+x) − ψ(r)                  = Σ 1/(r+i)
 *   log B(a, b+x) − log B(a, b)    = −Σ log1p(a/(b+i))
 *   ψ(a+b) − ψ(a+b+x)              = −Σ 1/(a+b+i)
 *   ψ(b+x) − ψ(b) − ψ(a+b+x) + ψ(a+b) = Σ a/((b+i)(a+b+i)).
 * Written with log Γ, each difference cancels two numbers of size r log r
 * (or b log b): at b = 10⁹ or r = 10¹² that leaves errors of 10⁻⁶ to 10⁻² per
 * customer, enough noise to stall the line search. The sums have no
 * cancellation; they are accumulated once up to the largest x.
 */
interface FrequencyTerms {
  /** log Γ(r+x) − log Γ(r) + log B(a, b+x) − log B(a, b). */
  readonly logTerms: Float64Array;
  readonly rateHarmonic: Float64Array;
  readonly totalHarmonic: Float64Array;
  readonly dropHarmonic: Float64Array;
}

function frequencyTermsWriter(frequencies: Float64Array): (r: number, a: number, b: number) => FrequencyTerms {
  const order = Array.from(frequencies.keys()).sort((i, j) => frequencies[i]! - frequencies[j]!);
  const terms: FrequencyTerms = {
    logTerms: new Float64Array(frequencies.length),
    rateHarmonic: new Float64Array(frequencies.length),
    totalHarmonic: new Float64Array(frequencies.length),
    dropHarmonic: new Float64Array(frequencies.length),
  };
  return (r, a, b) => {
    const logRate = new CompensatedSum();
    const logDropBeta = new CompensatedSum();
    let rateHarmonic = 0;
    let totalHarmonic = 0;
    let dropHarmonic = 0;
    let i = 0;
    for (const j of order) {
      const x = frequencies[j]!;
      for (; i < x; i++) {
        logRate.add(Math.log(r + i));
        logDropBeta.add(-Math.log1p(a / (b + i)));
        rateHarmonic += 1 / (r + i);
        totalHarmonic += 1 / (a + b + i);
        dropHarmonic += a / ((b + i) * (a + b + i));
      }
      terms.logTerms[j] = logRate.value + logDropBeta.value;
      terms.rateHarmonic[j] = rateHarmonic;
      terms.totalHarmonic[j] = totalHarmonic;
      terms.dropHarmonic[j] = dropHarmonic;
    }
    return terms;
  };
}

/**
 * The negative mean log-likelihood per customer over log(r, α, a, b), with
 * its analytic gradient. Per pattern (FHL 2005 eq. 6):
 *   ℓ = log Γ(r+x) − log Γ(r) + r log α + log B(a, b+x) − log B(a, b)
 *       + log[(α+T)^−(r+x) + δ(x>0) a/(b+x−1) (α+t_x)^−(r+x)].
 * r log α goes into the bracket, whose log is a log-sum-exp of
 *   u = r log α − (r+x) log(α+T) = −r log1p(T/α) − x log(α+T) and
 *   v = log a − log(b+x−1) − r log1p(t_x/α) − x log(α+t_x),
 * forms that stay exact when r and α are both huge (the Gamma mixing
 * collapsing onto one purchase rate), where r log α − r log(α+T) would
 * cancel. With w = e^v / (e^u + e^v), on log parameters:
 *   r ∂ℓ/∂r = r Σ 1/(r+i) − r [(1−w) log1p(T/α) + w log1p(t_x/α)]
 *   α ∂ℓ/∂α = r [(1−w) T/(α+T) + w t_x/(α+t_x)] − x [(1−w) α/(α+T) + w α/(α+t_x)]
 *   a ∂ℓ/∂a = −a Σ 1/(a+b+i) + w
 *   b ∂ℓ/∂b = b Σ a/((b+i)(a+b+i)) − w b/(b+x−1).
 * Terms in x alone ({@link frequencyTermsWriter}) and in T or t_x alone are
 * computed once per distinct value.
 */
function bgNbdObjective(index: PatternIndex): DifferentiableObjective {
  const { frequencies, frequencyCustomers, recencies, ages, count, frequencyOf, recencyOf, ageOf } = index;
  const writeFrequencyTerms = frequencyTermsWriter(frequencies);
  const logDropRatio = new Float64Array(frequencies.length);
  const inverseDropDenominator = new Float64Array(frequencies.length);
  const ageShift = new Float64Array(ages.length);
  const logAge = new Float64Array(ages.length);
  const ageRate = new Float64Array(ages.length);
  const recencyShift = new Float64Array(recencies.length);
  const logRecency = new Float64Array(recencies.length);
  const recencyRate = new Float64Array(recencies.length);

  return (logParams, gradient) => {
    const r = Math.exp(logParams[0]!);
    const alpha = Math.exp(logParams[1]!);
    const a = Math.exp(logParams[2]!);
    const b = Math.exp(logParams[3]!);
    const { logTerms, rateHarmonic, totalHarmonic, dropHarmonic } = writeFrequencyTerms(r, a, b);
    for (let j = 0; j < frequencies.length; j++) {
      const x = frequencies[j]!;
      logDropRatio[j] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
      inverseDropDenominator[j] = x > 0 ? 1 / (b + x - 1) : 0;
    }
    // Per distinct T (and t_x): log1p(T/α), log(α+T) and T/(α+T); α/(α+T) is 1 − T/(α+T).
    for (let k = 0; k < ages.length; k++) {
      ageShift[k] = Math.log1p(ages[k]! / alpha);
      logAge[k] = Math.log(alpha + ages[k]!);
      ageRate[k] = ages[k]! / (alpha + ages[k]!);
    }
    for (let m = 0; m < recencies.length; m++) {
      recencyShift[m] = Math.log1p(recencies[m]! / alpha);
      logRecency[m] = Math.log(alpha + recencies[m]!);
      recencyRate[m] = recencies[m]! / (alpha + recencies[m]!);
    }

    // The x-only terms, once per distinct x for all its customers.
    const total = new CompensatedSum();
    let dR = 0;
    let dAlpha = 0;
    let dA = 0;
    let dB = 0;
    for (let j = 0; j < frequencies.length; j++) {
      const customers = frequencyCustomers[j]!;
      total.add(customers * logTerms[j]!);
      dR += customers * r * rateHarmonic[j]!;
      dA -= customers * a * totalHarmonic[j]!;
      dB += customers * b * dropHarmonic[j]!;
    }
    for (let i = 0; i < count.length; i++) {
      const c = count[i]!;
      const j = frequencyOf[i]!;
      const k = ageOf[i]!;
      const x = frequencies[j]!;
      const u = -r * ageShift[k]! - x * logAge[k]!;
      if (x === 0) {
        total.add(c * u);
        dR -= c * r * ageShift[k]!;
        dAlpha += c * r * ageRate[k]!;
        continue;
      }
      const m = recencyOf[i]!;
      const v = logDropRatio[j]! - r * recencyShift[m]! - x * logRecency[m]!;
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
      // α/(α+τ) = 1 − τ/(α+τ), so the x term is x [(1−w) α/(α+T) + w α/(α+t_x)] = x (1 − rate).
      const rate = (1 - w) * ageRate[k]! + w * recencyRate[m]!;
      total.add(c * logSum);
      dR -= c * r * ((1 - w) * ageShift[k]! + w * recencyShift[m]!);
      dAlpha += c * (r * rate - x * (1 - rate));
      dA += c * w;
      dB -= c * b * w * inverseDropDenominator[j]!;
    }

    const scale = -1 / index.customers;
    gradient[0] = scale * dR;
    gradient[1] = scale * dAlpha;
    gradient[2] = scale * dA;
    gradient[3] = scale * dB;
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

/**
 * Maximum-likelihood BG/NBD fit on grouped customer patterns. `collapsed`
 * names the mixing distributions that collapsed at the optimum (see
 * {@link CollapsedMixing}): 'purchase-rate' when 1/r, 'dropout' when
 * b/(a(a+b+1)) — the squared coefficient of variation of Beta(a, b) — falls
 * below 1e-6.
 */
export function fitBgNbd(patterns: readonly CustomerPattern[], options: BgNbdFitOptions = {}): ModelFit<BgNbdParams> {
  assertValidPatterns(patterns);
  const index = indexPatterns(patterns);
  const start = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const fit = maximizeLikelihood(bgNbdObjective(index), [start.r, start.alpha, start.a, start.b], index.customers);
  const [r, alpha, a, b] = fit.logParams.map(Math.exp) as [number, number, number, number];
  const collapsed: CollapsedMixing[] = [];
  if (1 / r < COLLAPSED_VARIATION) collapsed.push('purchase-rate');
  if (b / (a * (a + b + 1)) < COLLAPSED_VARIATION) collapsed.push('dropout');
  return { params: { r, alpha, a, b }, logLikelihood: fit.logLikelihood, customers: index.customers, iterations: fit.iterations, converged: fit.converged, collapsed };
}
