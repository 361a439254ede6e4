import { describe, expect, it } from 'vitest';
import { IssuesError } from '../issues/issue.js';
import type { CriterionType } from '../math/criterion-type.js';
import { topsis } from './topsis.js';

function expectClose(actual: readonly number[], expected: readonly number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, index) => expect(actual[index], `element ${index}`).toBeCloseTo(value, digits));
}

// Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods
// and Applications. Springer — the fighter aircraft example used throughout the
// book: four aircraft on maximum speed (Mach), ferry range (NM), maximum payload
// (lb), purchasing cost ($10⁶, the cost criterion), reliability and
// maneuverability (interval-scaled ratings), weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3.
// Published TOPSIS results: S* = 0.0545, 0.1197, 0.0580, 0.1009; S⁻ = 0.0983,
// 0.0439, 0.0920, 0.0458; C* = 0.643, 0.268, 0.613, 0.312; order A1 ≻ A3 ≻ A4 ≻ A2.
// The book rounds its normalised matrix to four decimals before going on, so
// its printed values can differ from exact arithmetic by up to 1e-4 (S) and
// 1e-3 (C*: exact C*₃ = 0.61354, printed 0.613 = 0.0920/0.1500); the
// 6-decimal closeness references were recomputed with python3 (standard library).
const aircraft = [
  [2.0, 1500, 20000, 5.5, 5, 9],
  [2.5, 2700, 18000, 6.5, 3, 5],
  [1.8, 2000, 21000, 4.5, 7, 7],
  [2.2, 1800, 20000, 5.0, 5, 5],
];
const aircraftWeights = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3];
const aircraftTypes: CriterionType[] = ['+', '+', '+', '-', '+', '+'];

describe('topsis', () => {
  it('reproduces the Hwang & Yoon (1981) aircraft example', () => {
    const result = topsis(aircraft, aircraftWeights, aircraftTypes);
    result.scores.forEach((value, index) => expect(Math.abs(value - [0.643, 0.268, 0.613, 0.312][index]!)).toBeLessThanOrEqual(1e-3));
    expect(result.ranks).toEqual([1, 4, 2, 3]);
    result.idealDistances.forEach((value, index) => expect(Math.abs(value - [0.0545, 0.1197, 0.058, 0.1009][index]!)).toBeLessThanOrEqual(1e-4));
    result.antiIdealDistances.forEach((value, index) => expect(Math.abs(value - [0.0983, 0.0439, 0.092, 0.0458][index]!)).toBeLessThanOrEqual(1e-4));
    expectClose(result.scores, [0.643277, 0.268384, 0.613542, 0.312291], 6);
  });

  it('accepts weights that do not sum to 1', () => {
    const scaled = topsis(aircraft, aircraftWeights.map((weight) => weight * 10), aircraftTypes);
    expectClose(scaled.scores, [0.643277, 0.268384, 0.613542, 0.312291], 6);
  });

  it('ranks with min-max normalisation on request', () => {
    // Hand-derived: two criteria, both benefit, equal weights. Min-max gives
    // A (0, 1), B (1, 0), C (0.5, 0.5); weighted ×0.5; ideal (0.5, 0.5), anti-ideal (0, 0).
    // S*: A 0.5, B 0.5, C √0.125; S⁻: A 0.5, B 0.5, C √0.125 → C* = 0.5 for all three.
    const result = topsis(
      [
        [1, 10],
        [3, 0],
        [2, 5],
      ],
      [1, 1],
      ['+', '+'],
      { normalization: 'minmax' },
    );
    expectClose(result.scores, [0.5, 0.5, 0.5], 12);
    expect(result.ranks).toEqual([1, 1, 1]);
  });

  it('scores alternatives that equal the ideal on every criterion as 1', () => {
    expect(topsis([[3, 4], [3, 4]], [1, 1], ['+', '-']).scores).toEqual([1, 1]);
  });

  it('rejects mismatched weights and types', () => {
    expect(() => topsis(aircraft, [1, 1], aircraftTypes)).toThrow(IssuesError);
    expect(() => topsis(aircraft, aircraftWeights, ['+'])).toThrow(IssuesError);
    expect(() => topsis(aircraft, aircraftWeights, aircraftTypes, { normalization: 'z' as 'vector' })).toThrow(IssuesError);
  });
});
