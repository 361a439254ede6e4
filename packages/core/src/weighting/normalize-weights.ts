import { issue, IssuesError, type Issue } from '../issues/issue.js';
import { sum } from '../math/matrix.js';

/**
 * Checks one weight per criterion, each finite and ≥ 0 with a positive sum,
 * and rescales them to sum 1, so that "3, 2, 5" and "0.3, 0.2, 0.5" mean the
 * same.
 */
export function normalizeWeights(weights: readonly number[], criteriaCount: number): number[] {
  const issues: Issue[] = [];
  if (weights.length !== criteriaCount) {
    issues.push(issue('methods.weights.length', { params: { count: weights.length, expected: criteriaCount } }));
  }
  for (const [index, weight] of weights.entries()) {
    if (!(Number.isFinite(weight) && weight >= 0)) issues.push(issue('methods.weights.invalid', { value: String(weight), params: { index: index + 1 } }));
  }
  if (issues.length > 0) throw new IssuesError(issues);
  const total = sum(weights);
  if (total <= 0) throw new IssuesError([issue('methods.weights.zero_sum')]);
  return weights.map((weight) => weight / total);
}
