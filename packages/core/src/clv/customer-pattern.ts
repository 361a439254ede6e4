/**
 * A customer's purchase history as the count models see it (Fader, Hardie &
 * Lee 2005, §2): x repeat transactions in the calibration period, the last
 * at t_x after the first purchase, observed for T since the first purchase.
 * Times are in the caller's time unit (weeks by default).
 */
export interface PurchaseHistory {
  /** Repeat transactions in calibration (frequency). */
  readonly x: number;
  /** Time of the last repeat transaction since the first purchase (recency); 0 when x = 0. */
  readonly tx: number;
  /** Time from the first purchase to the end of calibration (age). */
  readonly T: number;
}

/**
 * Customers sharing one (x, t_x, T). (x, t_x, T) is a sufficient statistic
 * of both BG/NBD and Pareto/NBD, so a likelihood over patterns is Σ count ×
 * ℓ(pattern): a customer base fits as fast as its distinct patterns allow.
 */
export interface CustomerPattern extends PurchaseHistory {
  readonly count: number;
}

/** Customers grouped by pattern, and which pattern each customer fell into. */
export interface PatternGrouping {
  readonly patterns: CustomerPattern[];
  /** Per input row: its index in `patterns`. */
  readonly patternOf: Int32Array;
}

/**
 * Merges customers with identical (x, t_x, T) into patterns with counts, in
 * order of first appearance, remembering each customer's pattern so that
 * predictions made once per pattern can be handed back to every customer.
 */
export function indexCustomerPatterns(rows: readonly PurchaseHistory[]): PatternGrouping {
  const byFrequency = new Map<number, Map<number, Map<number, number>>>();
  const patterns: { x: number; tx: number; T: number; count: number }[] = [];
  const patternOf = new Int32Array(rows.length);
  rows.forEach(({ x, tx, T }, row) => {
    let byAge = byFrequency.get(x);
    if (byAge === undefined) byFrequency.set(x, (byAge = new Map()));
    let byRecency = byAge.get(T);
    if (byRecency === undefined) byAge.set(T, (byRecency = new Map()));
    let index = byRecency.get(tx);
    if (index === undefined) {
      index = patterns.length;
      byRecency.set(tx, index);
      patterns.push({ x, tx, T, count: 0 });
    }
    patterns[index]!.count++;
    patternOf[row] = index;
  });
  return { patterns, patternOf };
}

/** Merges customers with identical (x, t_x, T) into patterns with counts, in order of first appearance. */
export function groupPatterns(rows: readonly PurchaseHistory[]): CustomerPattern[] {
  return indexCustomerPatterns(rows).patterns;
}

/** Throws a RangeError for a pattern no purchase history can produce; fits call it before optimising. */
export function assertValidPatterns(patterns: readonly CustomerPattern[]): void {
  if (patterns.length === 0) throw new RangeError('no customers to fit');
  for (const { x, tx, T, count } of patterns) {
    const valid =
      Number.isInteger(x) && x >= 0 && Number.isFinite(T) && T >= 0 && tx >= 0 && tx <= T && (x > 0 ? tx > 0 : true) && count > 0;
    if (!valid) throw new RangeError(`invalid purchase pattern x=${x} t_x=${tx} T=${T} count=${count}`);
  }
}
