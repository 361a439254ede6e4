import { normalizeColumns, type ColumnNormalization } from '../math/column-normalization.js';
import type { CriterionType } from '../math/criterion-type.js';
import { columnOf, element, type NumberMatrix } from '../math/matrix.js';
import { extent } from '../math/statistics.js';
import { prepareRanking, type RankingSourceOption } from './ranking-input.js';
import { rankScores, type RankingResult } from './rank-scores.js';

export interface TopsisOptions extends RankingSourceOption {
  /** 'vector' (Hwang & Yoon's original, the default) or 'minmax'. */
  readonly normalization?: ColumnNormalization | undefined;
}

export interface TopsisResult extends RankingResult {
  /** Euclidean distance S*_i to the positive ideal solution. */
  readonly idealDistances: readonly number[];
  /** Euclidean distance S⁻_i to the negative ideal solution. */
  readonly antiIdealDistances: readonly number[];
}

/**
 * TOPSIS (Hwang & Yoon 1981, Multiple Attribute Decision Making, Springer,
 * chapter on TOPSIS): normalise, weight v_ij = w_j·r_ij, take the positive ideal A*
 * (best value per criterion) and the negative ideal A⁻ (worst), the
 * Euclidean distances S*_i and S⁻_i, and the relative closeness
 * C*_i = S⁻_i / (S*_i + S⁻_i), the score.
 *
 * Columns are normalised so that higher is better (see normalizeColumns), so
 * A* is the column maximum and A⁻ the minimum. When every alternative is
 * equal on every weighted criterion, S* = S⁻ = 0 and C* is taken as 1: each
 * alternative coincides with the positive ideal.
 */
export function topsis(data: NumberMatrix, weights: readonly number[], types: readonly CriterionType[], options: TopsisOptions = {}): TopsisResult {
  const normalisedWeights = prepareRanking(data, weights, types, options.source);
  const normalised = normalizeColumns(data, types, options.normalization ?? 'vector');
  const weighted = normalised.map((row) => row.map((value, column) => value * element(normalisedWeights, column)));
  const bounds = types.map((_, column) => extent(columnOf(weighted, column)));
  const ideal = bounds.map((bound) => bound.max);
  const antiIdeal = bounds.map((bound) => bound.min);
  const distance = (row: readonly number[], target: readonly number[]): number =>
    Math.sqrt(row.reduce((total, value, column) => total + (value - element(target, column)) ** 2, 0));
  const idealDistances = weighted.map((row) => distance(row, ideal));
  const antiIdealDistances = weighted.map((row) => distance(row, antiIdeal));
  const scores = idealDistances.map((toIdeal, index) => {
    const toAntiIdeal = element(antiIdealDistances, index);
    return toIdeal + toAntiIdeal === 0 ? 1 : toAntiIdeal / (toIdeal + toAntiIdeal);
  });
  return Object.freeze({ scores, ranks: rankScores(scores), idealDistances, antiIdealDistances });
}
