/**
 * Saaty's random consistency index RI by matrix order, n = 1…15: the mean
 * consistency index of random reciprocal matrices with judgments drawn from
 * the 1/9…9 scale (Saaty, T. L. 1980, The Analytic Hierarchy Process,
 * McGraw-Hill, chapter 1). Orders 11–15 come from the same source; the dip
 * at n = 12 (1.48) is as published and kept so that results match the
 * literature that uses this table.
 */
const SAATY_RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

/** The largest matrix order with a random index. */
export const AHP_MAX_ORDER = SAATY_RANDOM_INDEX.length;

/** RI for a matrix of order `order` (1 ≤ order ≤ AHP_MAX_ORDER). */
export function randomIndex(order: number): number {
  const value = SAATY_RANDOM_INDEX[order - 1];
  if (value === undefined) throw new RangeError(`no random index for order ${order}`);
  return value;
}
