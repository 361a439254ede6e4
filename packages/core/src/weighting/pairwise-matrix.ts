import { issue, type Issue } from '../issues/issue.js';
import { entry, type NumberMatrix } from '../math/matrix.js';
import { cellIssue, rowIssue, sourceColumn, sourceRow, type TableSource } from '../math/table-source.js';
import { AHP_MAX_ORDER } from './random-index.js';

/**
 * How far a_ij·a_ji may stray from 1 (and a_ii from 1). Half a percent
 * accepts any judgment rounded to three decimals (0.111 for 1/9 is 0.1 % off,
 * 0.167 for 1/6 is 0.2 % off) and rejects two-decimal roundings such as 0.33
 * or 0.14, which silently change the judgment by 1–2 %.
 */
export const RECIPROCAL_TOLERANCE = 0.005;

/**
 * Checks a pairwise comparison matrix: square, of order 1…15, every judgment
 * positive, the diagonal 1 and a_ji = 1/a_ij. Returns every problem found; a
 * reciprocity problem is reported once per pair, at the cell below the
 * diagonal.
 */
export function validatePairwiseMatrix(matrix: NumberMatrix, source: TableSource = {}): Issue[] {
  const order = matrix.length;
  if (order === 0) return [issue('methods.matrix.empty', { file: source.file })];
  if (order > AHP_MAX_ORDER) return [issue('methods.matrix.too_large', { file: source.file, params: { size: order, max: AHP_MAX_ORDER } })];
  const shapeIssues = matrix.flatMap((row, index) =>
    row.length === order ? [] : [rowIssue('methods.matrix.not_square', source, index, { size: order, count: row.length })],
  );
  if (shapeIssues.length > 0) return shapeIssues;

  const issues: Issue[] = [];
  for (const [row, cells] of matrix.entries()) {
    for (const [column, value] of cells.entries()) {
      if (!(Number.isFinite(value) && value > 0)) issues.push(cellIssue('methods.matrix.not_positive', source, row, column, value));
    }
  }
  if (issues.length > 0) return issues;

  for (let row = 0; row < order; row += 1) {
    const diagonal = entry(matrix, row, row);
    if (Math.abs(diagonal - 1) > RECIPROCAL_TOLERANCE) issues.push(cellIssue('methods.matrix.diagonal', source, row, row, diagonal));
    for (let column = 0; column < row; column += 1) {
      const value = entry(matrix, row, column);
      const mirror = entry(matrix, column, row);
      if (Math.abs(value * mirror - 1) > RECIPROCAL_TOLERANCE) {
        issues.push(
          cellIssue('methods.matrix.not_reciprocal', source, row, column, value, {
            mirror,
            mirrorRow: sourceRow(source, column),
            mirrorColumn: sourceColumn(source, row),
          }),
        );
      }
    }
  }
  return issues;
}
