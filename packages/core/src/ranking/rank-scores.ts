import { element } from '../math/matrix.js';

export interface RankingResult {
  /** One score per alternative; higher is better. */
  readonly scores: readonly number[];
  /** 1 is best; tied scores share the smallest rank of the tie ("1, 2, 2, 4"). */
  readonly ranks: readonly number[];
}

/**
 * Scores closer than this (relative to their size, at least absolutely) are a
 * tie: two alternatives with identical data can differ in the last bits after
 * a different order of floating-point sums, and must not be ranked apart.
 */
const TIE_TOLERANCE = 1e-12;

/**
 * Competition ranking ("1224"): sort by score descending; an alternative tied
 * with the one before it takes that one's rank, the next distinct score takes
 * its position. Ties keep the alternatives' input order.
 */
export function rankScores(scores: readonly number[]): number[] {
  const order = scores.map((_, index) => index).sort((a, b) => element(scores, b) - element(scores, a) || a - b);
  const ranks = new Array<number>(scores.length).fill(0);
  let previous: number | undefined;
  let previousRank = 0;
  for (const [position, index] of order.entries()) {
    const score = element(scores, index);
    const tied = previous !== undefined && Math.abs(previous - score) <= TIE_TOLERANCE * Math.max(1, Math.abs(previous), Math.abs(score));
    const rank = tied ? previousRank : position + 1;
    ranks[index] = rank;
    previous = score;
    previousRank = rank;
  }
  return ranks;
}
