import { minimizeBfgs, type DifferentiableObjective } from '../math/bfgs.js';

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
