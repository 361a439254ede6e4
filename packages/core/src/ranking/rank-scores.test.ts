import { describe, expect, it } from 'vitest';
import { rankScores } from './rank-scores.js';

describe('rankScores', () => {
  it('ranks descending with competition ranking for ties', () => {
    expect(rankScores([0.2, 0.9, 0.5, 0.9, 0.1])).toEqual([4, 1, 3, 1, 5]);
    expect(rankScores([])).toEqual([]);
  });

  it('treats scores equal up to floating-point noise as tied', () => {
    expect(rankScores([0.1 + 0.2, 0.3, 0.29])).toEqual([1, 1, 3]);
  });
});
