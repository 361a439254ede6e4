import { assertCriterionTypes, type CriterionType } from '../math/criterion-type.js';
import { assertDecisionMatrix } from '../math/decision-matrix.js';
import type { NumberMatrix } from '../math/matrix.js';
import type { TableSource } from '../math/table-source.js';
import { normalizeWeights } from '../weighting/normalize-weights.js';

export interface RankingSourceOption {
  /** Where the data came from, for issue locations. */
  readonly source?: TableSource | undefined;
}

/**
 * Checks what every ranking method takes — a decision matrix, one weight and
 * one type per criterion — and returns the weights rescaled to sum 1.
 */
export function prepareRanking(data: NumberMatrix, weights: readonly number[], types: readonly CriterionType[], source?: TableSource): number[] {
  const criteriaCount = assertDecisionMatrix(data, 1, source);
  assertCriterionTypes(types, criteriaCount);
  return normalizeWeights(weights, criteriaCount);
}
