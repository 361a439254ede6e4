import { issue, IssuesError } from '../issues/issue.js';
import { normalizeColumns } from '../math/column-normalization.js';
import type { CriterionType } from '../math/criterion-type.js';
import { element, type NumberMatrix } from '../math/matrix.js';
import { extent } from '../math/statistics.js';
import { prepareRanking, type RankingSourceOption } from './ranking-input.js';
import { rankScores, type RankingResult } from './rank-scores.js';

export interface GreyRelationalOptions extends RankingSourceOption {
  /** Distinguishing coefficient ρ ∈ (0, 1]; 0.5 by custom (Deng 1989). */
  readonly rho?: number | undefined;
}

/**
 * Grey relational analysis against the ideal reference series (Deng 1982,
 * 1989; as a MADM method, Kuo, Yang & Huang 2008): min-max normalise
 * (benefit (x − min)/(max − min), cost (max − x)/(max − min)), take the
 * reference x₀ = 1 for every criterion, the deviations Δ_ij = |1 − r_ij|,
 * their global minimum Δmin and maximum Δmax over the whole matrix, the
 * grey relational coefficients ξ_ij = (Δmin + ρΔmax)/(Δ_ij + ρΔmax), and the
 * weighted grade γ_i = Σ_j w_j ξ_ij, the score.
 *
 * If every deviation is 0 (all alternatives equal the reference), every
 * coefficient is 1.
 */
export function greyRelational(data: NumberMatrix, weights: readonly number[], types: readonly CriterionType[], options: GreyRelationalOptions = {}): RankingResult {
  const rho = options.rho ?? 0.5;
  if (!(Number.isFinite(rho) && rho > 0 && rho <= 1)) throw new IssuesError([issue('methods.rho.invalid', { value: String(rho) })]);
  const normalisedWeights = prepareRanking(data, weights, types, options.source);
  const deviations = normalizeColumns(data, types, 'minmax').map((row) => row.map((value) => Math.abs(1 - value)));
  const { min, max } = extent(deviations.flat());
  const coefficient = (deviation: number): number => (max === 0 ? 1 : (min + rho * max) / (deviation + rho * max));
  const scores = deviations.map((row) => row.reduce((total, deviation, column) => total + element(normalisedWeights, column) * coefficient(deviation), 0));
  return Object.freeze({ scores, ranks: rankScores(scores) });
}
