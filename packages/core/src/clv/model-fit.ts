import { minimizeBfgs, type DifferentiableObjective } from '../math/bfgs.js';

/**
 * A mixing distribution that collapsed onto a point at the optimum: its shape
 * and scale grew together, its mean stayed put and its spread went to zero,
 * because the likelihood keeps rising along that ridge. The maximum is then
 * the limit model without that heterogeneity, and the reported shape and
 * scale are merely where the optimiser stopped on the ridge (any larger pair
 * predicts the same, to within about 1/shape). Week-level histories of
 * customers who order almost every week do this: capped at one purchase a
 * week, their counts are less dispersed than any Gamma mixture of Poisson
 * rates, so the purchase-rate Gamma collapses.
 * - 'purchase-rate': λ ~ Gamma(r, α) → every customer buys at rate r/α;
 * - 'dropout' (BG/NBD): p ~ Beta(a, b) → every customer drops out with probability a/(a+b) after each purchase;
 * - 'lifetime' (Pareto/NBD): μ ~ Gamma(s, β) → every lifetime is exponential with rate s/β.
 */
export type CollapsedMixing = 'purchase-rate' | 'dropout' | 'lifetime';

/**
 * Reported as collapsed when the mixing distribution's squared coefficient of
 * variation is below 1e-6 (a spread of 0.1 % around its mean): 1/r for
 * Gamma(r, α), b/(a(a+b+1)) for Beta(a, b).
 */
export const COLLAPSED_VARIATION = 1e-6;

/** A maximum-likelihood fit of one model. */
export interface ModelFit<P> {
  readonly params: P;
  /** Total log-likelihood Σ count × ℓ at `params`. */
  readonly logLikelihood: number;
  /** Customers the fit used. */
  readonly customers: number;
  /** Optimiser iterations, summed over restarts. */
  readonly iterations: number;
  /** Whether the gradient vanished at `params` (below 1e-6 per customer on log parameters). */
  readonly converged: boolean;
  /** Mixing distributions that collapsed at the optimum (count models; empty when the optimum is interior). */
  readonly collapsed?: readonly CollapsedMixing[];
}

const RESTARTS = 3;
/**
 * Per customer, on log parameters. Tighter would be noise: a gradient of
 * 1e-8 moves the value by ~1e-16 of itself, below what doubles resolve, and
 * the implied parameter error (~1e-8 relative) is far below sampling error.
 */
const GRADIENT_TOLERANCE = 1e-8;
const CONVERGED_GRADIENT = 1e-6;

/**
 * Maximises a likelihood over log parameters, so every parameter stays
 * positive without bounds. `objective` is the negative mean log-likelihood
 * per customer (a scale that does not grow with the customer base, so one
 * tolerance serves 2,000 customers and 1,000,000). BFGS runs from `start`,
 * and when it stops clearly short of convergence (a poor curvature estimate
 * stalling the line search) it restarts from where it stopped with a fresh
 * Hessian approximation, until a restart no longer improves the value.
 */
export function maximizeLikelihood(
  objective: DifferentiableObjective,
  start: readonly number[],
  customers: number,
): { readonly logParams: readonly number[]; readonly logLikelihood: number; readonly iterations: number; readonly converged: boolean } {
  let result = minimizeBfgs(objective, start.map(Math.log), { gradientTolerance: GRADIENT_TOLERANCE });
  let iterations = result.iterations;
  for (let restart = 0; restart < RESTARTS && result.gradientNorm > CONVERGED_GRADIENT; restart++) {
    const again = minimizeBfgs(objective, result.point, { gradientTolerance: GRADIENT_TOLERANCE });
    iterations += again.iterations;
    const improvement = result.value - again.value;
    if (again.value <= result.value) result = again;
    if (!(improvement > 1e-13 * Math.max(1, Math.abs(result.value)))) break;
  }
  return {
    logParams: result.point,
    logLikelihood: -result.value * customers,
    iterations,
    converged: result.gradientNorm <= CONVERGED_GRADIENT,
  };
}
