import { describe, expect, it } from 'vitest';
import { IssuesError } from '../issues/issue.js';
import { combineWeights } from './combine-weights.js';
import { normalizeWeights } from './normalize-weights.js';

describe('combineWeights', () => {
  it('mixes α·subjective + (1 − α)·objective after rescaling both to sum 1', () => {
    // subjective (2, 1, 1) → (0.5, 0.25, 0.25); 0.4·(0.5, 0.25, 0.25) + 0.6·(0.2, 0.3, 0.5) = (0.32, 0.28, 0.40)
    const combined = combineWeights([2, 1, 1], [0.2, 0.3, 0.5], 0.4);
    [0.32, 0.28, 0.4].forEach((value, index) => expect(combined[index]).toBeCloseTo(value, 12));
  });

  it('keeps either side alone at α = 1 and α = 0', () => {
    expect(combineWeights([1, 3], [1, 1], 1)).toEqual([0.25, 0.75]);
    expect(combineWeights([1, 3], [1, 1], 0)).toEqual([0.5, 0.5]);
  });

  it('rejects α outside [0, 1] and weights of different lengths', () => {
    expect(() => combineWeights([1], [1], 1.5)).toThrow(IssuesError);
    expect(() => combineWeights([1, 2], [1], 0.5)).toThrow(IssuesError);
  });
});

describe('normalizeWeights', () => {
  it('rescales to sum 1 and reports bad weights by position', () => {
    expect(normalizeWeights([3, 2, 5], 3)).toEqual([0.3, 0.2, 0.5]);
    try {
      normalizeWeights([1, -1, Number.NaN], 2);
      expect.unreachable();
    } catch (error) {
      expect((error as IssuesError).issues.map((item) => [item.code, item.params?.index ?? null])).toEqual([
        ['methods.weights.length', null],
        ['methods.weights.invalid', 2],
        ['methods.weights.invalid', 3],
      ]);
    }
    expect(() => normalizeWeights([0, 0], 2)).toThrow(IssuesError);
  });
});
