import { issue, type Issue } from '../issues/issue.js';
import type { MessageParams } from '../i18n/messages.js';

/**
 * Where a matrix of numbers came from, so that an issue found by a method
 * points at the cell the user typed rather than at an array index.
 */
export interface TableSource {
  readonly file?: string | undefined;
  /** File row (1-based, as an editor shows it) of each matrix row; row i + 1 when not given. */
  readonly rows?: readonly number[] | undefined;
  /** Column labels in order; "1", "2", … when not given. */
  readonly columns?: readonly string[] | undefined;
}

/** The file row of matrix row `row` (0-based). */
export function sourceRow(source: TableSource, row: number): number {
  return source.rows?.[row] ?? row + 1;
}

/** The label of matrix column `column` (0-based). */
export function sourceColumn(source: TableSource, column: number): string {
  return source.columns?.[column] ?? String(column + 1);
}

/** An issue about the cell (row, column) of a matrix, located in its source. */
export function cellIssue(code: string, source: TableSource, row: number, column: number, value: number, params?: MessageParams): Issue {
  return issue(code, {
    file: source.file,
    row: sourceRow(source, row),
    column: sourceColumn(source, column),
    value: String(value),
    params,
  });
}

/** An issue about a whole matrix row (0-based), located in its source. */
export function rowIssue(code: string, source: TableSource, row: number, params?: MessageParams): Issue {
  return issue(code, { file: source.file, row: sourceRow(source, row), params });
}
