import { describe, expect, it } from 'vitest';
import { assertValidPatterns, indexCustomerPatterns } from './customer-pattern.js';

describe('indexCustomerPatterns', () => {
  it('groups identical (x, t_x, T) in order of first appearance and maps every row to its pattern', () => {
    const rows = [
      { x: 0, tx: 0, T: 10 },
      { x: 1, tx: 2, T: 10 },
      { x: 0, tx: 0, T: 10 },
      { x: 1, tx: 2, T: 9 },
      { x: 1, tx: 2, T: 10 },
    ];
    const { patterns, patternOf } = indexCustomerPatterns(rows);
    expect(patterns).toEqual([
      { x: 0, tx: 0, T: 10, count: 2 },
      { x: 1, tx: 2, T: 10, count: 2 },
      { x: 1, tx: 2, T: 9, count: 1 },
    ]);
    expect([...patternOf]).toEqual([0, 1, 0, 2, 1]);
  });

  it('rejects impossible histories', () => {
    expect(() => assertValidPatterns([{ x: 1.5, tx: 1, T: 2, count: 1 }])).toThrow(RangeError);
    expect(() => assertValidPatterns([{ x: 2, tx: 0, T: 2, count: 1 }])).toThrow(RangeError);
    expect(() => assertValidPatterns([{ x: 0, tx: 0, T: 2, count: 0 }])).toThrow(RangeError);
  });
});
