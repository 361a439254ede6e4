import { describe, expect, it } from 'vitest';
import { equalMatrix, evaluateAhp, judgmentText, reciprocal, setJudgment, typedJudgment } from './pairwise.js';

describe('pairwise judgments as typed in the AHP editor', () => {
  it('writes the mirror cell as people write it', () => {
    expect(reciprocal(3)).toBe('1/3');
    expect(reciprocal('1/3')).toBe(3);
    expect(reciprocal('2/3')).toBe('3/2');
    expect(reciprocal(' 1 ／ 5 ')).toBe(5);
    expect(reciprocal(0.5)).toBe(2);
    expect(reciprocal(0.3)).toBe(3.3333);
    expect(reciprocal(1)).toBe(1);
    expect(reciprocal('abc')).toBeUndefined();
    expect(reciprocal('1/0')).toBeUndefined();
  });

  it('stores plain numbers as numbers and fractions as text, and shows both as typed', () => {
    expect(typedJudgment(' 5 ')).toBe(5);
    expect(typedJudgment('1／7')).toBe('1/7');
    expect(judgmentText('1/7')).toBe('1/7');
    expect(judgmentText(0.333333333)).toBe('0.3333');
  });

  it('keeps the matrix reciprocal as the user types the upper triangle', () => {
    let matrix = equalMatrix(3);
    matrix = setJudgment(matrix, 0, 1, '3');
    matrix = setJudgment(matrix, 0, 2, '5');
    matrix = setJudgment(matrix, 1, 2, '1/2');
    expect(matrix).toEqual([
      [1, 3, 5],
      ['1/3', 1, '1/2'],
      ['1/5', 2, 1],
    ]);
    // An unreadable entry stays as typed, and the mirror keeps its last good value.
    expect(setJudgment(matrix, 0, 1, 'x')[1]?.[0]).toBe('1/3');
  });

  it('computes weights and consistency like the server, and points at unreadable cells', () => {
    const consistent = evaluateAhp([
      [
        [1, 2, 4],
        ['1/2', 1, 2],
        ['1/4', '1/2', 1],
      ],
    ]);
    expect(consistent.ok).toBe(true);
    if (consistent.ok) {
      expect(consistent.result.weights.map((weight) => Number(weight.toFixed(6)))).toEqual([0.571429, 0.285714, 0.142857]);
      expect(consistent.result.cr).toBeCloseTo(0, 10);
    }
    const inconsistent = evaluateAhp([
      [
        [1, 9, '1/9'],
        ['1/9', 1, 9],
        [9, '1/9', 1],
      ],
    ]);
    expect(inconsistent.ok && !inconsistent.result.consistent && inconsistent.result.cr >= 0.1).toBe(true);
    const unreadable = evaluateAhp([
      [
        [1, 'x'],
        [1, 1],
      ],
    ]);
    expect(unreadable).toMatchObject({ ok: false, cells: [{ expert: 0, row: 0, column: 1 }] });
  });
});
