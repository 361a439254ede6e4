import { normalizeColumns, type ColumnNormalization } from '../math/column-normalization.js';
import type { CriterionType } from '../math/criterion-type.js';
import { element, type NumberMatrix } from '../math/matrix.js';
import { prepareRanking, type RankingSourceOption } from './ranking-input.js';
import { rankScores, type RankingResult } from './rank-scores.js';

export interface WeightedSumOptions extends RankingSourceOption {
  /** 'minmax' (the default) or 'vector'. */
  readonly normalization?: ColumnNormalization | undefined;
}

/**
 * Weighted sum model (simple additive weighting; Fishburn 1967; Hwang & Yoon
 * 1981): normalise every column so that higher is better, then
 * S_i = Σ_j w_j r_ij.
 */
export function weightedSum(data: NumberMatrix, weights: readonly number[], types: readonly CriterionType[], options: WeightedSumOptions = {}): RankingResult {
  const normalisedWeights = prepareRanking(data, weights, types, options.source);
  const normalised = normalizeColumns(data, types, options.normalization ?? 'minmax');
  const scores = normalised.map((row) => row.reduce((total, value, column) => total + element(normalisedWeights, column) * value, 0));
  return Object.freeze({ scores, ranks: rankScores(scores) });
}
