import { describe, expect, it } from 'vitest';
import { IssuesError } from '../issues/issue.js';
import { criticWeights, criticWeightsFromStatistics } from './critic.js';

function expectClose(actual: readonly number[], expected: readonly number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, index) => expect(actual[index], `element ${index}`).toBeCloseTo(value, digits));
}

function issuesOf(action: () => unknown): IssuesError {
  try {
    action();
  } catch (error) {
    if (error instanceof IssuesError) return error;
    throw error;
  }
  throw new Error('expected IssuesError');
}

// Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995). Determining objective
// weights in multiple criteria problems: the CRITIC method. Computers &
// Operations Research 22(7), 763–770 — the paper's illustrative data, eight
// alternatives on three benefit criteria, as transcribed in the scikit-criteria
// test suite, whose reference weights for it are 0.20222554, 0.48090173,
// 0.31687273. Recomputed independently with python3 (standard library): the
// same weights with either standard deviation; the correlations below.
const diakoulaki = [
  [61, 1.08, 4.33],
  [20.7, 0.26, 4.34],
  [16.3, 1.98, 2.53],
  [9.0, 3.29, 1.65],
  [5.4, 2.77, 2.33],
  [4.0, 4.12, 1.21],
  [-6.1, 3.52, 2.1],
  [-34.6, 3.31, 0.98],
];

describe('criticWeights', () => {
  it('reproduces the weights of Diakoulaki et al. (1995)', () => {
    const result = criticWeights(diakoulaki, ['+', '+', '+']);
    expectClose(result.weights, [0.20222554, 0.48090173, 0.31687273], 8);
    // sample standard deviations of the min-max normalised columns
    expectClose(result.stdDevs, [0.281218, 0.343534, 0.382897], 6);
    expectClose(result.correlations[0]!, [1, -0.656331, 0.811709], 6);
    expectClose(result.correlations[1]!, [-0.656331, 1, -0.934547], 6);
    expectClose(result.information, [0.51874, 1.233588, 0.812828], 6);
  });

  it('gives the same weights with population standard deviations (the factor cancels)', () => {
    const { stdDevs, correlations, weights } = criticWeights(diakoulaki, ['+', '+', '+']);
    const population = stdDevs.map((deviation) => deviation * Math.sqrt(7 / 8));
    expectClose(criticWeightsFromStatistics({ stdDevs: population, correlations }), weights, 12);
  });

  it('reverses cost criteria before measuring contrast and conflict', () => {
    const negated = diakoulaki.map(([a, b, c]) => [a!, -b!, c!]);
    expectClose(criticWeights(negated, ['+', '-', '+']).weights, [0.20222554, 0.48090173, 0.31687273], 8);
  });

  it('gives a constant criterion weight 0 and leaves it out of the others’ conflict', () => {
    const withConstant = diakoulaki.map(([a, b, c]) => [a!, 7, b!, c!]);
    const result = criticWeights(withConstant, ['+', '+', '+', '+']);
    expectClose(result.weights, [0.20222554, 0, 0.48090173, 0.31687273], 8);
    expect(result.correlations[0]![1]).toBeNaN();
  });

  it('rejects data it cannot weigh', () => {
    expect(issuesOf(() => criticWeights([[1, 2], [1, 2]], ['+', '+'])).issues[0]?.code).toBe('methods.critic.no_variation');
    expect(issuesOf(() => criticWeights([[1, 2], [2, 4], [3, 6]], ['+', '+'])).issues[0]?.code).toBe('methods.critic.no_conflict');
    expect(issuesOf(() => criticWeights(diakoulaki, ['+', '+'])).issues[0]).toMatchObject({ code: 'methods.types.length', params: { count: 2, expected: 3 } });
    expect(issuesOf(() => criticWeights(diakoulaki, ['+', 'x' as '+', '+'])).issues[0]).toMatchObject({ code: 'methods.types.invalid', value: 'x' });
  });
});

describe('criticWeightsFromStatistics', () => {
  it('computes C_j = σ_j Σ_k (1 − r_jk) and w = C / ΣC', () => {
    // C = (1·(1 − 0) , 2·(1 − 0)) → w = (1/3, 2/3)
    expectClose(criticWeightsFromStatistics({ stdDevs: [1, 2], correlations: [[1, 0], [0, 1]] }), [1 / 3, 2 / 3], 12);
  });

  it('checks the shapes and ranges of the statistics', () => {
    expect(issuesOf(() => criticWeightsFromStatistics({ stdDevs: [1, 2], correlations: [[1, 0]] })).issues[0]?.code).toBe('methods.critic.correlations_shape');
    expect(issuesOf(() => criticWeightsFromStatistics({ stdDevs: [-1, 2], correlations: [[1, 0], [0, 1]] })).issues[0]?.code).toBe('methods.critic.std_invalid');
    expect(issuesOf(() => criticWeightsFromStatistics({ stdDevs: [1, 2], correlations: [[1, 1.5], [1.5, 1]] })).issues[0]).toMatchObject({
      code: 'methods.critic.correlation_invalid',
      params: { first: 1, second: 2 },
    });
  });
});
