import { describe, expect, it } from 'vitest';
import { formatIssue, IssuesError } from '../issues/issue.js';
import { ahpWeights } from './ahp.js';
import { combineExpertMatrices } from './combine-expert-matrices.js';
import { parsePairwiseValue } from './parse-pairwise-value.js';

function expectClose(actual: readonly number[], expected: readonly number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, index) => expect(actual[index], `element ${index}`).toBeCloseTo(value, digits));
}

const matrix = (rows: readonly string[]): number[][] => rows.map((row) => row.split(/\s+/).map(parsePairwiseValue));

function issuesOf(action: () => unknown): IssuesError {
  try {
    action();
  } catch (error) {
    if (error instanceof IssuesError) return error;
    throw error;
  }
  throw new Error('expected IssuesError');
}

describe('ahpWeights', () => {
  // Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process.
  // European Journal of Operational Research 48(1), 9–26 — the house example,
  // criteria: size, transportation, neighbourhood, age, yard space, modern
  // facilities, general condition, financing. Published (3 decimals): priorities
  // .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669, CI = 0.238, CR = 0.169.
  // The 6-decimal references were recomputed independently with a python3
  // power iteration (standard library only).
  const house = matrix([
    '1 5 3 7 6 6 1/3 1/4',
    '1/5 1 1/3 5 3 3 1/5 1/7',
    '1/3 3 1 6 3 4 6 1/5',
    '1/7 1/5 1/6 1 1/3 1/4 1/7 1/8',
    '1/6 1/3 1/3 3 1 1/2 1/5 1/6',
    '1/6 1/3 1/4 4 2 1 1/5 1/6',
    '3 5 1/6 7 5 5 1 1/2',
    '4 7 5 8 6 6 2 1',
  ]);

  it("reproduces Saaty's house example and reports it inconsistent (CR ≥ 0.1)", () => {
    const result = ahpWeights(house);
    expectClose(result.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], 3);
    expect(result.lambdaMax).toBeCloseTo(9.669, 3);
    expect(result.ci).toBeCloseTo(0.238, 3);
    expect(result.cr).toBeCloseTo(0.169, 3);
    expect(result.consistent).toBe(false);
    expectClose(result.weights, [0.173017, 0.053976, 0.18811, 0.017508, 0.031044, 0.036322, 0.166834, 0.333189], 6);
    expect(result.lambdaMax).toBeCloseTo(9.668887, 6);
    expect(result.ci).toBeCloseTo(0.238412, 6);
    expect(result.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  // Saaty, T. L. (1977). A scaling method for priorities in hierarchical
  // structures. Journal of Mathematical Psychology 15(3), 234–281 — relative
  // wealth of nations (US, USSR, China, France, UK, Japan, West Germany).
  // Published: eigenvector .427 .230 .021 .052 .052 .123 .094,
  // λmax = 7.61. 6-decimal references recomputed with python3 as above.
  it("reproduces Saaty's wealth-of-nations example, consistent (CR < 0.1)", () => {
    const wealth = matrix([
      '1 4 9 6 6 5 5',
      '1/4 1 7 5 5 3 4',
      '1/9 1/7 1 1/5 1/5 1/7 1/5',
      '1/6 1/5 5 1 1 1/3 1/3',
      '1/6 1/5 5 1 1 1/3 1/3',
      '1/5 1/3 7 3 3 1 2',
      '1/5 1/4 5 3 3 1/2 1',
    ]);
    const result = ahpWeights(wealth);
    expectClose(result.weights, [0.427, 0.23, 0.021, 0.052, 0.052, 0.123, 0.094], 3);
    expect(result.lambdaMax).toBeCloseTo(7.61, 2);
    expectClose(result.weights, [0.427115, 0.230293, 0.020838, 0.052386, 0.052386, 0.122719, 0.094263], 6);
    expect(result.lambdaMax).toBeCloseTo(7.60772, 5);
    // CR = (7.60772 − 7)/6 / RI(7) = 0.101287 / 1.32
    expect(result.cr).toBeCloseTo(0.101287 / 1.32, 6);
    expect(result.consistent).toBe(true);
  });

  it('recovers the generating weights of a perfectly consistent matrix with λmax = n, CR = 0', () => {
    const truth = [0.5, 0.25, 0.15, 0.1];
    const consistent = truth.map((a) => truth.map((b) => a / b));
    const result = ahpWeights(consistent);
    expectClose(result.weights, truth, 10);
    expect(result.lambdaMax).toBeCloseTo(4, 10);
    expect(result.ci).toBe(0);
    expect(result.cr).toBe(0);
    expect(result.consistent).toBe(true);
  });

  it('handles orders 1 and 2, where RI = 0 and CR is 0', () => {
    expect(ahpWeights([[1]])).toMatchObject({ weights: [1], ci: 0, cr: 0, consistent: true });
    const two = ahpWeights(matrix(['1 3', '1/3 1']));
    expectClose(two.weights, [0.75, 0.25], 10);
    expect(two.cr).toBe(0);
  });

  it('reports every matrix problem with its row and column', () => {
    const error = issuesOf(() =>
      ahpWeights(
        [
          [1, 3, -2],
          [1 / 3, 2, 4],
          [0.5, 0.2, 1],
        ],
        { source: { file: 'm.csv', rows: [2, 3, 4], columns: ['销量', '毛利', '信用'] } },
      ),
    );
    expect(error.issues.map((item) => item.code)).toEqual(['methods.matrix.not_positive']);
    expect(formatIssue(error.issues[0]!, 'zh-CN')).toBe('文件 m.csv，第 2 行，列“信用”，值“-2”：判断值必须是大于 0 的数');

    const second = issuesOf(() =>
      ahpWeights(
        [
          [1, 3, 2],
          [1 / 3, 2, 4],
          [0.5, 0.2, 1],
        ],
        { source: { file: 'm.csv', rows: [2, 3, 4], columns: ['销量', '毛利', '信用'] } },
      ),
    );
    expect(second.issues.map((item) => [item.code, item.row, item.column])).toEqual([
      ['methods.matrix.diagonal', 3, '毛利'],
      ['methods.matrix.not_reciprocal', 4, '毛利'],
    ]);
    expect(formatIssue(second.issues[1]!, 'en')).toBe(
      'file m.csv, row 4, column "毛利", value "0.2": this judgment and the one in the mirrored cell (row 3, column "信用") with value 4 are not reciprocal; write fractions such as 1/3',
    );
  });

  it('accepts three-decimal reciprocals and rejects two-decimal ones', () => {
    expect(ahpWeights(matrix(['1 6 9', '0.167 1 2', '0.111 0.5 1'])).weights).toHaveLength(3);
    expect(issuesOf(() => ahpWeights(matrix(['1 3', '0.33 1']))).issues[0]?.code).toBe('methods.matrix.not_reciprocal');
  });

  it('rejects non-square, empty and oversized matrices', () => {
    expect(issuesOf(() => ahpWeights([[1, 2], [0.5]])).issues[0]).toMatchObject({ code: 'methods.matrix.not_square', row: 2 });
    expect(issuesOf(() => ahpWeights([])).issues[0]?.code).toBe('methods.matrix.empty');
    const sixteen = Array.from({ length: 16 }, () => new Array<number>(16).fill(1));
    expect(issuesOf(() => ahpWeights(sixteen)).issues[0]).toMatchObject({ code: 'methods.matrix.too_large', params: { size: 16, max: 15 } });
    const fifteen = Array.from({ length: 15 }, () => new Array<number>(15).fill(1));
    expect(ahpWeights(fifteen).weights[0]).toBeCloseTo(1 / 15, 12);
  });
});

describe('parsePairwiseValue', () => {
  it('reads integers, decimals and fractions', () => {
    expect(parsePairwiseValue('3')).toBe(3);
    expect(parsePairwiseValue(' 0.25 ')).toBe(0.25);
    expect(parsePairwiseValue('1/3')).toBeCloseTo(1 / 3, 15);
    expect(parsePairwiseValue('2 / 5')).toBe(0.4);
    expect(parsePairwiseValue('1／7')).toBeCloseTo(1 / 7, 15);
    expect(parsePairwiseValue('.5')).toBe(0.5);
  });

  it.each(['', 'abc', '1/0', '-3', '1/3/2', '3x', '1e2'])('rejects %j', (text) => {
    expect(issuesOf(() => parsePairwiseValue(text)).issues[0]).toMatchObject({ code: 'methods.pairwise.invalid', value: text });
  });
});

describe('combineExpertMatrices', () => {
  // Element-wise geometric mean (AIJ; Forman & Peniwati 1998): hand-derived,
  // a12 = √(3 · 1/3) = 1, a13 = √(5 · 5) = 5, a23 = √(2 · 4) = 2√2.
  const first = matrix(['1 3 5', '1/3 1 2', '1/5 1/2 1']);
  const second = matrix(['1 1/3 5', '3 1 4', '1/5 1/4 1']);

  it('takes the element-wise geometric mean and stays exactly reciprocal', () => {
    const combined = combineExpertMatrices([first, second]);
    expectClose(combined[0]!, [1, 1, 5], 12);
    expectClose(combined[1]!, [1, 1, 2 * Math.SQRT2], 12);
    expectClose(combined[2]!, [1 / 5, 1 / (2 * Math.SQRT2), 1], 12);
    for (let i = 0; i < 3; i += 1) for (let j = 0; j < 3; j += 1) expect(combined[i]![j]! * combined[j]![i]!).toBe(1);
    expect(ahpWeights(combined).weights).toHaveLength(3);
  });

  it('returns a single expert unchanged', () => {
    const combined = combineExpertMatrices([first]);
    combined.forEach((row, i) => expectClose(row, first[i]!, 12));
  });

  it('rejects matrices of different orders and names the expert', () => {
    const error = issuesOf(() => combineExpertMatrices([first, matrix(['1 2', '1/2 1'])], [{ file: 'a.csv' }, { file: 'b.csv' }]));
    expect(error.issues[0]).toMatchObject({ code: 'methods.matrix.size_mismatch', file: 'b.csv', params: { expert: 2, size: 2, expected: 3 } });
    expect(issuesOf(() => combineExpertMatrices([])).issues[0]?.code).toBe('methods.matrix.no_experts');
  });
});
