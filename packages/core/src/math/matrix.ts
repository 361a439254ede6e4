/** A dense matrix of numbers, row by row. */
export type NumberMatrix = readonly (readonly number[])[];

/** Element `index` of a vector; a missing element is a programming error, not user input. */
export function element(vector: readonly number[], index: number): number {
  const value = vector[index];
  if (value === undefined) throw new RangeError(`index ${index} outside a vector of length ${vector.length}`);
  return value;
}

/** Entry (row, column) of a matrix; a missing entry is a programming error, not user input. */
export function entry(matrix: NumberMatrix, row: number, column: number): number {
  const cells = matrix[row];
  if (cells === undefined) throw new RangeError(`row ${row} outside a matrix of ${matrix.length} rows`);
  return element(cells, column);
}

/** Column `column` of a matrix as a vector. */
export function columnOf(matrix: NumberMatrix, column: number): number[] {
  return matrix.map((row) => element(row, column));
}

/** The product A·v. */
export function multiplyMatrixVector(matrix: NumberMatrix, vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, value, column) => sum + value * element(vector, column), 0));
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
