import { issue, IssuesError } from '../issues/issue.js';
import { element } from '../math/matrix.js';
import { normalizeWeights } from './normalize-weights.js';

/**
 * Linear combination of subjective (e.g. AHP) and objective (entropy, CRITIC)
 * weights, w = α·w_s + (1 − α)·w_o: α = 1 keeps the analysts' judgment,
 * α = 0 lets the data speak alone. Both inputs are rescaled to sum 1 first,
 * so the result sums to 1 as well.
 */
export function combineWeights(subjective: readonly number[], objective: readonly number[], alpha: number): number[] {
  if (!(Number.isFinite(alpha) && alpha >= 0 && alpha <= 1)) throw new IssuesError([issue('methods.alpha.invalid', { value: String(alpha) })]);
  const normalisedSubjective = normalizeWeights(subjective, subjective.length);
  const normalisedObjective = normalizeWeights(objective, subjective.length);
  const mixed = normalisedSubjective.map((weight, index) => alpha * weight + (1 - alpha) * element(normalisedObjective, index));
  return normalizeWeights(mixed, mixed.length);
}
