import { element, multiplyMatrixVector, sum, type NumberMatrix } from './matrix.js';

export interface Eigenpair {
  /** The principal eigenvector, scaled to sum 1. */
  readonly vector: readonly number[];
  /** The principal (Perron) eigenvalue. */
  readonly value: number;
  readonly iterations: number;
}

export interface PowerIterationOptions {
  /** Stop when no component of the normalised vector moves by more than this. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

/**
 * Principal eigenpair of a positive square matrix by power iteration.
 *
 * By Perron's theorem a positive matrix has a simple real eigenvalue of
 * largest modulus whose eigenvector is positive, and A^k·e / (eᵀA^k·e)
 * converges to that eigenvector (Saaty 1977, §2, uses exactly this limit to
 * define AHP priorities). Because the vector is kept at sum 1, the sum of A·w
 * is the eigenvalue estimate: Σ(A·w) = λ·Σw = λ.
 */
export function principalEigenpair(matrix: NumberMatrix, options: PowerIterationOptions = {}): Eigenpair {
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 10_000;
  const order = matrix.length;
  let vector: number[] = new Array<number>(order).fill(1 / order);
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    const product = multiplyMatrixVector(matrix, vector);
    const total = sum(product);
    const next = product.map((value) => value / total);
    const previous = vector;
    const change = next.reduce((largest, value, index) => Math.max(largest, Math.abs(value - element(previous, index))), 0);
    vector = next;
    if (change <= tolerance) {
      return { vector, value: sum(multiplyMatrixVector(matrix, vector)), iterations: iteration };
    }
  }
  throw new Error(`power iteration did not converge to ${tolerance} in ${maxIterations} iterations`);
}
