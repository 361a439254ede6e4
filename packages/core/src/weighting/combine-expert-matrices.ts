import { issue, IssuesError, type Issue } from '../issues/issue.js';
import { entry, type NumberMatrix } from '../math/matrix.js';
import type { TableSource } from '../math/table-source.js';
import { validatePairwiseMatrix } from './pairwise-matrix.js';

/**
 * Combines several experts' pairwise comparison matrices into one by the
 * element-wise geometric mean — aggregation of individual judgments, AIJ
 * (Aczél & Saaty 1983; Forman & Peniwati 1998, EJOR 108, 165–169). The
 * geometric mean is the only averaging that keeps the result reciprocal:
 * gm(1/a) = 1/gm(a); the cells below the diagonal are set to the exact
 * reciprocals of the cells above so that holds in floating point too.
 *
 * `sources[k]` locates issues found in matrix k.
 */
export function combineExpertMatrices(matrices: readonly NumberMatrix[], sources: readonly TableSource[] = []): number[][] {
  const first = matrices[0];
  if (first === undefined) throw new IssuesError([issue('methods.matrix.no_experts')]);
  const order = first.length;
  const issues: Issue[] = matrices.flatMap((matrix, expert) => validatePairwiseMatrix(matrix, sources[expert]));
  for (const [expert, matrix] of matrices.entries()) {
    if (matrix.length !== order) {
      issues.push(issue('methods.matrix.size_mismatch', { file: sources[expert]?.file, params: { expert: expert + 1, size: matrix.length, expected: order } }));
    }
  }
  if (issues.length > 0) throw new IssuesError(issues);

  const geometricMean = (row: number, column: number): number =>
    Math.exp(matrices.reduce((total, matrix) => total + Math.log(entry(matrix, row, column)), 0) / matrices.length);
  return Array.from({ length: order }, (_, row) =>
    Array.from({ length: order }, (_, column) => {
      if (row === column) return 1;
      return row < column ? geometricMean(row, column) : 1 / geometricMean(column, row);
    }),
  );
}
