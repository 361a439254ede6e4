import { describe, expect, it } from 'vitest';
import { hypergeometric2F1 } from '../math/hypergeometric.js';
import { bgNbdConditionalExpected, bgNbdExpected, bgNbdPAlive } from './bg-nbd-predict.js';
import { bgNbdLogLikelihood } from './bg-nbd.js';
import { groupPatterns, type PurchaseHistory } from './customer-pattern.js';

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function single(history: PurchaseHistory) {
  return [{ ...history, count: 1 }];
}

describe('BG/NBD likelihood', () => {
  it('matches the likelihood of FHL 2005 eq. 6 evaluated at 40 digits (mpmath)', () => {
    expect(bgNbdLogLikelihood(CDNOW, single({ x: 0, tx: 0, T: 38.86 }))).toBeCloseTo(-0.55471327643815845, 12);
    expect(bgNbdLogLikelihood(CDNOW, single({ x: 2, tx: 30.43, T: 38.86 }))).toBeCloseTo(-9.4586063070662712, 12);
  });

  it('stays finite and accurate for a customer with 500 repeat purchases', () => {
    expect(bgNbdLogLikelihood(CDNOW, single({ x: 500, tx: 300, T: 310 }))).toBeCloseTo(-265.62604914015290, 9);
    expect(bgNbdLogLikelihood(CDNOW, single({ x: 500, tx: 300.5, T: 300.500000001 }))).toBeCloseTo(-259.99611600035461, 9);
  });

  it('gives the same total for grouped and ungrouped customers', () => {
    const rows: PurchaseHistory[] = [
      { x: 0, tx: 0, T: 30 },
      { x: 2, tx: 10, T: 30 },
      { x: 0, tx: 0, T: 30 },
      { x: 2, tx: 10, T: 30 },
      { x: 2, tx: 10, T: 30 },
      { x: 7, tx: 28.5, T: 31 },
    ];
    const grouped = groupPatterns(rows);
    expect(grouped).toHaveLength(3);
    expect(grouped.map((pattern) => pattern.count)).toEqual([2, 3, 1]);
    const ungrouped = rows.map((row) => ({ ...row, count: 1 }));
    expect(bgNbdLogLikelihood(CDNOW, grouped)).toBeCloseTo(bgNbdLogLikelihood(CDNOW, ungrouped), 10);
  });

  it('rejects histories no customer can have', () => {
    expect(() => bgNbdLogLikelihood(CDNOW, single({ x: 1, tx: 40, T: 30 }))).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood(CDNOW, [])).toThrow(RangeError);
  });
});

describe('BG/NBD predictions', () => {
  it('P(alive) = 1 for a customer without repeat purchases, whatever T', () => {
    expect(bgNbdPAlive(CDNOW, { x: 0, tx: 0, T: 38.86 })).toBe(1);
    expect(bgNbdPAlive(CDNOW, { x: 0, tx: 0, T: 500 })).toBe(1);
  });

  it('P(alive) falls as the last purchase recedes', () => {
    const recent = bgNbdPAlive(CDNOW, { x: 4, tx: 37, T: 38.86 });
    const old = bgNbdPAlive(CDNOW, { x: 4, tx: 10, T: 38.86 });
    expect(recent).toBeGreaterThan(old);
    expect(recent).toBeLessThanOrEqual(1);
    expect(old).toBeGreaterThan(0);
  });

  it('reproduces the worked example of FHL 2005: x = 2, t_x = 30.43, T = 38.86 → 1.226 purchases in 39 weeks', () => {
    expect(bgNbdConditionalExpected(CDNOW, { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.2260281747671445, 12);
  });

  it('matches eq. 10 at 40 digits for a = 2.5, long horizons and x = 500', () => {
    expect(bgNbdConditionalExpected({ ...CDNOW, a: 2.5 }, { x: 3, tx: 20, T: 38.86 }, 52)).toBeCloseTo(0.46962787396301509, 12);
    expect(bgNbdConditionalExpected(CDNOW, { x: 1, tx: 1, T: 2 }, 520)).toBeCloseTo(10.806735573715402, 10);
    expect(bgNbdConditionalExpected(CDNOW, { x: 500, tx: 300, T: 310 }, 52)).toBeCloseTo(0.0046761655396202411, 14);
  });

  it('E[X(t)] equals eq. 7 written with ₂F₁, and is continuous through a = 1 where eq. 7 is 0/0', () => {
    const { r, alpha, a, b } = CDNOW;
    const t = 52;
    const direct = ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hypergeometric2F1(r, b, a + b - 1, t / (alpha + t)));
    expect(bgNbdExpected(CDNOW, t)).toBeCloseTo(direct, 11);
    expect(bgNbdExpected(CDNOW, t)).toBeCloseTo(1.4460505953964038, 12);
    const atOne = bgNbdExpected({ ...CDNOW, a: 1 }, t);
    expect(Number.isFinite(atOne)).toBe(true);
    expect(atOne).toBeCloseTo(bgNbdExpected({ ...CDNOW, a: 1 + 1e-9 }, t), 7);
    expect(atOne).toBeCloseTo(bgNbdExpected({ ...CDNOW, a: 1 - 1e-9 }, t), 7);
  });

  it('expects nothing in an empty horizon and more in a longer one', () => {
    const history = { x: 3, tx: 25, T: 38 };
    expect(bgNbdConditionalExpected(CDNOW, history, 0)).toBe(0);
    expect(bgNbdConditionalExpected(CDNOW, history, 26)).toBeLessThan(bgNbdConditionalExpected(CDNOW, history, 52));
  });
});
