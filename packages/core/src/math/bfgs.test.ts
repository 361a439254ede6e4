import { describe, expect, it } from 'vitest';
import { minimizeBfgs } from './bfgs.js';

describe('minimizeBfgs', () => {
  it('finds the minimum of the Rosenbrock function from the classic start (−1.2, 1)', () => {
    const result = minimizeBfgs((point, gradient) => {
      const [x, y] = [point[0]!, point[1]!];
      gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      gradient[1] = 200 * (y - x * x);
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    }, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(1, 6);
  });

  it('steps back from points where the objective is not finite', () => {
    // f(x) = x − log x is undefined for x ≤ 0; the minimum is at x = 1.
    const result = minimizeBfgs((point, gradient) => {
      const x = point[0]!;
      gradient[0] = 1 - 1 / x;
      return x - Math.log(x);
    }, [30], { maxStep: 100 });
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 8);
  });

  it('reports a start outside the domain', () => {
    expect(() => minimizeBfgs(() => Number.NaN, [0])).toThrow(RangeError);
  });
});
