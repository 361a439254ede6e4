import { describe, expect, it } from 'vitest';
import { IssuesError } from '../issues/issue.js';
import { greyRelational } from './grey-relational.js';
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

describe('greyRelational', () => {
  it('computes the weighted grades of a hand-derived example', () => {
    // A (2, 30), B (4, 10), C (3, 25); criterion 1 benefit, criterion 2 cost;
    // weights 0.6, 0.4; ρ = 0.5.
    // Normalised: c1 (x − 2)/2 → A 0, B 1, C 0.5; c2 (30 − x)/20 → A 0, B 1, C 0.25.
    // Deviations from the reference 1: A (1, 1), B (0, 0), C (0.5, 0.75); Δmin = 0, Δmax = 1.
    // ξ = (0 + 0.5)/(Δ + 0.5): A (1/3, 1/3), B (1, 1), C (0.5, 0.4).
    // Grades: A 1/3, B 1, C 0.6·0.5 + 0.4·0.4 = 0.46.
    const result = greyRelational(
      [
        [2, 30],
        [4, 10],
        [3, 25],
      ],
      [0.6, 0.4],
      ['+', '-'],
    );
    expectClose(result.scores, [1 / 3, 1, 0.46], 12);
    expect(result.ranks).toEqual([3, 1, 2]);
  });

  it('scores the Hwang & Yoon aircraft data (independently recomputed with python3)', () => {
    expectClose(greyRelational(aircraft, aircraftWeights, aircraftTypes).scores, [0.625686, 0.533333, 0.662821, 0.474359], 6);
    const looser = greyRelational(aircraft, aircraftWeights, aircraftTypes, { rho: 1 });
    expectClose(looser.scores, [0.741667, 0.65, 0.763158, 0.635476], 6);
    expect(looser.ranks).toEqual([2, 3, 1, 4]);
  });

  it('rejects ρ outside (0, 1]', () => {
    expect(() => greyRelational(aircraft, aircraftWeights, aircraftTypes, { rho: 0 })).toThrow(IssuesError);
    expect(() => greyRelational(aircraft, aircraftWeights, aircraftTypes, { rho: 1.5 })).toThrow(IssuesError);
  });
});
