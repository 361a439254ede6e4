import { IssuesError } from '../issues/issue.js';
import { principalEigenpair } from '../math/eigen.js';
import type { NumberMatrix } from '../math/matrix.js';
import type { TableSource } from '../math/table-source.js';
import { validatePairwiseMatrix } from './pairwise-matrix.js';
import { randomIndex } from './random-index.js';

/** Saaty's acceptance rule: judgments are consistent enough when CR < 0.1. */
export const AHP_CONSISTENCY_THRESHOLD = 0.1;

export interface AhpResult {
  /** The normalised principal right eigenvector, summing to 1. */
  readonly weights: readonly number[];
  readonly lambdaMax: number;
  /** Consistency index CI = (λmax − n)/(n − 1). */
  readonly ci: number;
  /** Consistency ratio CR = CI/RI (0 when RI = 0, i.e. n ≤ 2). */
  readonly cr: number;
  /** CR < 0.1. */
  readonly consistent: boolean;
}

export interface AhpOptions {
  /** Where the matrix came from, for issue locations. */
  readonly source?: TableSource | undefined;
}

/**
 * Priorities from a pairwise comparison matrix by Saaty's eigenvector method
 * (Saaty 1977, J. Math. Psychol. 15, 234–281; Saaty 1980): w solves A·w =
 * λmax·w with Σw = 1, CI = (λmax − n)/(n − 1), CR = CI/RI.
 *
 * λmax ≥ n for every positive reciprocal matrix (Saaty 1977), so a
 * slightly negative CI from rounding on a consistent matrix is reported as 0.
 */
export function ahpWeights(matrix: NumberMatrix, options: AhpOptions = {}): AhpResult {
  const issues = validatePairwiseMatrix(matrix, options.source);
  if (issues.length > 0) throw new IssuesError(issues);
  const order = matrix.length;
  const { vector, value } = principalEigenpair(matrix, { tolerance: 1e-12 });
  const ci = order <= 2 ? 0 : Math.max(0, (value - order) / (order - 1));
  const ri = randomIndex(order);
  const cr = ri === 0 ? 0 : ci / ri;
  return Object.freeze({
    weights: Object.freeze(vector),
    lambdaMax: value,
    ci,
    cr,
    consistent: cr < AHP_CONSISTENCY_THRESHOLD,
  });
}
