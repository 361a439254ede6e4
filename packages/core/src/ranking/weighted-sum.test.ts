import { describe, expect, it } from 'vitest';
import { weightedSum } from './weighted-sum.js';
import type { CriterionType } from '../math/criterion-type.js';

// The aircraft data of Hwang & Yoon (1981); see topsis.test.ts for the source.
const aircraft = [
  [2.0, 1500, 20000, 5.5, 5, 9],
  [2.5, 2700, 18000, 6.5, 3, 5],
  [1.8, 2000, 21000, 4.5, 7, 7],
  [2.2, 1800, 20000, 5.0, 5, 5],
];
const aircraftWeights = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3];
const aircraftTypes: CriterionType[] = ['+', '+', '+', '-', '+', '+'];

function expectClose(actual: readonly number[], expected: readonly number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, index) => expect(actual[index], `element ${index}`).toBeCloseTo(value, digits));
}

const small = [
  [2, 30],
  [4, 10],
  [3, 25],
];

describe('weightedSum', () => {
  it('sums min-max normalised values by default (hand-derived)', () => {
    // Normalised as in the GRA example: A (0, 0), B (1, 1), C (0.5, 0.25);
    // S = 0.6·c1 + 0.4·c2: A 0, B 1, C 0.3 + 0.1 = 0.4.
    const result = weightedSum(small, [0.6, 0.4], ['+', '-']);
    expectClose(result.scores, [0, 1, 0.4], 12);
    expect(result.ranks).toEqual([3, 1, 2]);
  });

  it('uses x/‖x‖ for benefit and 1 − x/‖x‖ for cost with vector normalisation (hand-derived)', () => {
    // ‖c1‖ = √29, ‖c2‖ = √1625: A = 0.6·2/√29 + 0.4·(1 − 30/√1625), and so on.
    const norm1 = Math.sqrt(29);
    const norm2 = Math.sqrt(1625);
    const expected = small.map(([a, b]) => 0.6 * (a! / norm1) + 0.4 * (1 - b! / norm2));
    const result = weightedSum(small, [0.6, 0.4], ['+', '-'], { normalization: 'vector' });
    expectClose(result.scores, expected, 12);
    expectClose(result.scores, [0.325151, 0.746441, 0.486182], 6);
  });

  it('scores the Hwang & Yoon aircraft data (independently recomputed with python3)', () => {
    const result = weightedSum(aircraft, aircraftWeights, aircraftTypes);
    expectClose(result.scores, [0.57381, 0.3, 0.591667, 0.380952], 6);
    expect(result.ranks).toEqual([2, 4, 1, 3]);
  });

  it('gives identical alternatives the same, smallest rank', () => {
    const result = weightedSum(
      [
        [1, 1],
        [3, 3],
        [3, 3],
        [2, 2],
      ],
      [1, 1],
      ['+', '+'],
    );
    expect(result.ranks).toEqual([4, 1, 1, 3]);
  });
});
