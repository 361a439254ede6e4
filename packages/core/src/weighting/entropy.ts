import { issue, IssuesError, type Issue } from '../issues/issue.js';
import { assertDecisionMatrix } from '../math/decision-matrix.js';
import { columnOf, sum, type NumberMatrix } from '../math/matrix.js';
import { cellIssue, type TableSource } from '../math/table-source.js';

export interface EntropyResult {
  /** e_j per criterion, in [0, 1]. */
  readonly entropies: readonly number[];
  readonly weights: readonly number[];
}

export interface EntropyOptions {
  /** Where the data came from, for issue locations. */
  readonly source?: TableSource | undefined;
}

/**
 * How far outside [0, 1] an entropy computed elsewhere (in SQL, in floating
 * point) may fall and still be taken as rounding.
 */
const ENTROPY_ROUNDING = 1e-9;

/**
 * Entropy weights on the raw values (Shannon entropy as a measure of the
 * information a criterion carries; Zeleny 1982; Hwang & Yoon 1981):
 * p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln m) Σ_i p_ij ln p_ij with 0·ln 0 = 0,
 * d_j = 1 − e_j, w_j = d_j / Σ_k d_k. Values must be ≥ 0; an all-zero column
 * carries no information (e_j = 1), like any constant column.
 */
export function entropyWeights(data: NumberMatrix, options: EntropyOptions = {}): EntropyResult {
  const source = options.source ?? {};
  const criteriaCount = assertDecisionMatrix(data, 2, source);
  const issues: Issue[] = [];
  for (const [row, cells] of data.entries()) {
    for (const [column, value] of cells.entries()) {
      if (value < 0) issues.push(cellIssue('methods.data.negative', source, row, column, value));
    }
  }
  if (issues.length > 0) throw new IssuesError(issues);

  const normaliser = Math.log(data.length);
  const entropies = Array.from({ length: criteriaCount }, (_, column) => {
    const values = columnOf(data, column);
    const total = sum(values);
    if (total === 0) return 1;
    const information = values.reduce((acc, value) => {
      const share = value / total;
      return share === 0 ? acc : acc - share * Math.log(share);
    }, 0);
    return Math.min(1, information / normaliser);
  });
  return Object.freeze({ entropies: Object.freeze(entropies), weights: Object.freeze(entropyWeightsFromEntropies(entropies)) });
}

/**
 * The weighting step alone, for entropies e_j computed elsewhere — the
 * evaluation engine sums p·ln p in SQL over all customers and passes e_j in.
 */
export function entropyWeightsFromEntropies(entropies: readonly number[]): number[] {
  if (entropies.length === 0) throw new IssuesError([issue('methods.data.no_criteria')]);
  const issues = entropies.flatMap((entropy, index) =>
    Number.isFinite(entropy) && entropy >= -ENTROPY_ROUNDING && entropy <= 1 + ENTROPY_ROUNDING
      ? []
      : [issue('methods.entropy.invalid', { value: String(entropy), params: { index: index + 1 } })],
  );
  if (issues.length > 0) throw new IssuesError(issues);
  const divergences = entropies.map((entropy) => Math.min(1, Math.max(0, 1 - entropy)));
  const total = sum(divergences);
  if (total === 0) throw new IssuesError([issue('methods.entropy.no_information')]);
  return divergences.map((divergence) => divergence / total);
}
