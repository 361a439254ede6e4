import { issue, IssuesError, type Issue } from '../issues/issue.js';
import { normalizeColumns } from '../math/column-normalization.js';
import { assertCriterionTypes, type CriterionType } from '../math/criterion-type.js';
import { assertDecisionMatrix } from '../math/decision-matrix.js';
import { columnOf, entry, sum, type NumberMatrix } from '../math/matrix.js';
import { pearsonCorrelation, sampleStandardDeviation } from '../math/statistics.js';
import type { TableSource } from '../math/table-source.js';

export interface CriticStatistics {
  /** σ_j of each min-max normalised criterion. */
  readonly stdDevs: readonly number[];
  /** Pearson r_jk between normalised criteria (n × n); NaN next to a constant criterion, where r is undefined. */
  readonly correlations: NumberMatrix;
}

export interface CriticResult extends CriticStatistics {
  /** C_j = σ_j Σ_k (1 − r_jk), the information each criterion carries. */
  readonly information: readonly number[];
  readonly weights: readonly number[];
}

export interface CriticOptions {
  readonly source?: TableSource | undefined;
}

/** How far a correlation computed in floating point may leave [−1, 1]. */
const CORRELATION_ROUNDING = 1e-9;

/**
 * CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995): normalise each
 * column by min-max (benefit (x − min)/(max − min), cost (max − x)/(max −
 * min)), take its standard deviation σ_j (contrast) and its Pearson
 * correlations r_jk with the other criteria (conflict), C_j = σ_j Σ_k (1 −
 * r_jk), w_j = C_j / Σ C.
 *
 * σ_j is the sample standard deviation (n − 1). The weights do not depend on
 * that choice: the population σ is the sample σ times √((m − 1)/m) for every
 * criterion alike, and the factor cancels in C_j / Σ C.
 */
export function criticWeights(data: NumberMatrix, types: readonly CriterionType[], options: CriticOptions = {}): CriticResult {
  const criteriaCount = assertDecisionMatrix(data, 2, options.source);
  assertCriterionTypes(types, criteriaCount);
  const normalised = normalizeColumns(data, types, 'minmax');
  const columns = types.map((_, column) => columnOf(normalised, column));
  const stdDevs = columns.map((values) => sampleStandardDeviation(values));
  const correlations = columns.map((first, j) =>
    columns.map((second, k) => (j === k ? 1 : pearsonCorrelation(first, second))),
  );
  const information = informationContent({ stdDevs, correlations });
  return Object.freeze({ stdDevs, correlations, information, weights: weightsFromInformation(information) });
}

/**
 * The weighting step alone, for σ_j and r_jk computed elsewhere (the
 * evaluation engine computes them in SQL over all customers). A criterion
 * with σ_j = 0 is constant: it gets weight 0 and its correlations, undefined
 * for a constant series, are left out of the other criteria's conflict sums —
 * the same weights as running CRITIC without that criterion.
 */
export function criticWeightsFromStatistics(statistics: CriticStatistics): number[] {
  return weightsFromInformation(informationContent(statistics));
}

function informationContent({ stdDevs, correlations }: CriticStatistics): number[] {
  const count = stdDevs.length;
  if (count === 0) throw new IssuesError([issue('methods.data.no_criteria')]);
  const issues: Issue[] = stdDevs.flatMap((deviation, index) =>
    Number.isFinite(deviation) && deviation >= 0 ? [] : [issue('methods.critic.std_invalid', { value: String(deviation), params: { index: index + 1 } })],
  );
  if (correlations.length !== count || correlations.some((row) => row.length !== count)) {
    issues.push(issue('methods.critic.correlations_shape', { params: { expected: count } }));
  }
  if (issues.length > 0) throw new IssuesError(issues);

  const varies = stdDevs.map((deviation) => deviation > 0);
  for (let j = 0; j < count; j += 1) {
    for (let k = 0; k < count; k += 1) {
      if (j === k || !varies[j] || !varies[k]) continue;
      const r = entry(correlations, j, k);
      if (!(Number.isFinite(r) && Math.abs(r) <= 1 + CORRELATION_ROUNDING)) {
        issues.push(issue('methods.critic.correlation_invalid', { value: String(r), params: { first: j + 1, second: k + 1 } }));
      }
    }
  }
  if (issues.length > 0) throw new IssuesError(issues);
  if (!varies.some(Boolean)) throw new IssuesError([issue('methods.critic.no_variation')]);

  return stdDevs.map((deviation, j) => {
    if (!varies[j]) return 0;
    let conflict = 0;
    for (let k = 0; k < count; k += 1) {
      if (k !== j && varies[k]) conflict += 1 - Math.max(-1, Math.min(1, entry(correlations, j, k)));
    }
    return deviation * conflict;
  });
}

function weightsFromInformation(information: readonly number[]): number[] {
  const total = sum(information);
  if (total === 0) throw new IssuesError([issue('methods.critic.no_conflict')]);
  return information.map((value) => value / total);
}
