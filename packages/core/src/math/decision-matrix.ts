import { issue, IssuesError, type Issue } from '../issues/issue.js';
import type { NumberMatrix } from './matrix.js';
import { cellIssue, rowIssue, type TableSource } from './table-source.js';

/**
 * Checks a decision matrix (rows are alternatives, columns criteria): at least
 * `minRows` rows, at least one column, every row as long as the first, every
 * value finite. Throws IssuesError listing every problem found.
 */
export function assertDecisionMatrix(data: NumberMatrix, minRows: number, source: TableSource = {}): number {
  const issues: Issue[] = [];
  const first = data[0];
  if (first === undefined) throw new IssuesError([issue('methods.data.empty', { file: source.file })]);
  if (first.length === 0) throw new IssuesError([issue('methods.data.no_criteria', { file: source.file })]);
  if (data.length < minRows) {
    issues.push(issue('methods.data.too_few_rows', { file: source.file, params: { min: minRows, count: data.length } }));
  }
  const criteriaCount = first.length;
  for (const [row, cells] of data.entries()) {
    if (cells.length !== criteriaCount) {
      issues.push(rowIssue('methods.data.ragged', source, row, { count: cells.length, expected: criteriaCount }));
      continue;
    }
    for (const [column, value] of cells.entries()) {
      if (!Number.isFinite(value)) issues.push(cellIssue('methods.data.not_finite', source, row, column, value));
    }
  }
  if (issues.length > 0) throw new IssuesError(issues);
  return criteriaCount;
}
