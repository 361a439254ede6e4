import { issue, IssuesError } from '../issues/issue.js';
import type { CriterionType } from './criterion-type.js';
import { columnOf, element, type NumberMatrix } from './matrix.js';
import { extent } from './statistics.js';

export type ColumnNormalization = 'vector' | 'minmax';

export const COLUMN_NORMALIZATIONS: readonly ColumnNormalization[] = ['vector', 'minmax'];

export function assertColumnNormalization(value: unknown): asserts value is ColumnNormalization {
  if (value !== 'vector' && value !== 'minmax') {
    throw new IssuesError([issue('methods.normalization.invalid', { value: String(value) })]);
  }
}

/**
 * Normalises every column so that higher is better on a common scale.
 *
 * minmax: benefit (x − min)/(max − min), cost (max − x)/(max − min); a
 * constant column becomes all 1 — every alternative attains the best value
 * observed (the convention of pymcdm, Kizielewicz et al. 2023).
 *
 * vector: benefit x/‖x‖₂, cost 1 − x/‖x‖₂ (pymcdm's convention); an all-zero
 * column becomes 0 (benefit) or 1 (cost). TOPSIS gives the same closeness
 * with this cost form as with Hwang & Yoon's untransformed column and a
 * minimum ideal, because the shift moves the ideal by the same amount.
 */
export function normalizeColumns(data: NumberMatrix, types: readonly CriterionType[], method: ColumnNormalization): number[][] {
  assertColumnNormalization(method);
  const columns = types.map((type, column) => {
    const values = columnOf(data, column);
    return method === 'minmax' ? minMaxColumn(values, type) : vectorColumn(values, type);
  });
  return data.map((_, row) => columns.map((column) => element(column, row)));
}

function minMaxColumn(values: readonly number[], type: CriterionType): number[] {
  const { min, max } = extent(values);
  const range = max - min;
  if (range === 0) return values.map(() => 1);
  return values.map((value) => (type === '+' ? (value - min) / range : (max - value) / range));
}

function vectorColumn(values: readonly number[], type: CriterionType): number[] {
  const norm = Math.sqrt(values.reduce((total, value) => total + value * value, 0));
  const share = values.map((value) => (norm === 0 ? 0 : value / norm));
  return type === '+' ? share : share.map((value) => 1 - value);
}
