import { describe, expect, it } from 'vitest';
import { formatIssue, IssuesError } from '../issues/issue.js';
import { entropyWeights, entropyWeightsFromEntropies } from './entropy.js';

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

describe('entropyWeights', () => {
  // Zavadskas, E. K. & Podvezko, V. (2016). Integrated determination of
  // objective criteria weights in MCDM. International Journal of Information
  // Technology & Decision Making 15(2), 267–283. Entropy weights on the raw
  // values as published: 0.1146, 0.1981, 0.4185, 0.2689 (transcribed as in the
  // pyrepo-mcda test suite, which cites the paper). The entropies e_j were
  // recomputed independently with python3 (standard library).
  const zavadskas = [
    [3.0, 100, 10, 7],
    [2.5, 80, 8, 5],
    [1.8, 50, 20, 11],
    [2.2, 70, 12, 9],
  ];

  it('reproduces Zavadskas & Podvezko (2016)', () => {
    const result = entropyWeights(zavadskas);
    expectClose(result.weights, [0.1146, 0.1981, 0.4185, 0.2689], 4);
    expectClose(result.entropies, [0.987721, 0.978772, 0.955154, 0.971184], 6);
  });

  // Xu, X. (2004). A note on the subjective and objective integrated approach
  // to determine attribute weights. European Journal of Operational Research
  // 156(2), 530–532. Published entropy weights 0.4630, 0.3992, 0.1378, 0.0000
  // (the fourth criterion barely varies: 29, 29, 28.9, 29).
  it('reproduces Xu (2004)', () => {
    const result = entropyWeights([
      [30, 30, 38, 29],
      [19, 54, 86, 29],
      [19, 15, 85, 28.9],
      [68, 70, 60, 29],
    ]);
    expectClose(result.weights, [0.463, 0.3992, 0.1378, 0], 4);
  });

  it('gives the same weights from the entropies alone, as the engine passes them', () => {
    const { entropies, weights } = entropyWeights(zavadskas);
    expectClose(entropyWeightsFromEntropies(entropies), weights, 15);
  });

  it('treats zeros as 0·ln 0 = 0 and a constant or all-zero column as carrying no information', () => {
    const result = entropyWeights([
      [0, 5, 0],
      [4, 5, 0],
      [4, 5, 0],
    ]);
    // column 1: p = (0, ½, ½), e = ln 2 / ln 3; columns 2 and 3 are constant, e = 1.
    expectClose(result.entropies, [Math.LN2 / Math.log(3), 1, 1], 12);
    expectClose(result.weights, [1, 0, 0], 12);
  });

  it('reports a negative value at its cell', () => {
    const error = issuesOf(() =>
      entropyWeights(
        [
          [1, 2],
          [3, -4],
        ],
        { source: { file: 'd.csv', rows: [2, 3], columns: ['销量', '毛利'] } },
      ),
    );
    expect(formatIssue(error.issues[0]!, 'zh-CN')).toBe('文件 d.csv，第 3 行，列“毛利”，值“-4”：熵权法要求指标值不小于 0');
  });

  it('needs at least two alternatives and some variation', () => {
    expect(issuesOf(() => entropyWeights([[1, 2]])).issues[0]).toMatchObject({ code: 'methods.data.too_few_rows', params: { min: 2, count: 1 } });
    expect(issuesOf(() => entropyWeights([[1, 2], [1, 2]])).issues[0]?.code).toBe('methods.entropy.no_information');
  });
});

describe('entropyWeightsFromEntropies', () => {
  it('computes w_j = (1 − e_j) / Σ(1 − e_k)', () => {
    // d = (0.2, 0.1, 0.1) → w = (0.5, 0.25, 0.25)
    expectClose(entropyWeightsFromEntropies([0.8, 0.9, 0.9]), [0.5, 0.25, 0.25], 12);
  });

  it('takes values a rounding step outside [0, 1] as their bound and rejects the rest', () => {
    expectClose(entropyWeightsFromEntropies([1 + 1e-12, 0.5]), [0, 1], 12);
    const error = issuesOf(() => entropyWeightsFromEntropies([1.2, Number.NaN, 0.5]));
    expect(error.issues.map((item) => [item.code, item.params?.index])).toEqual([
      ['methods.entropy.invalid', 1],
      ['methods.entropy.invalid', 2],
    ]);
  });
});
