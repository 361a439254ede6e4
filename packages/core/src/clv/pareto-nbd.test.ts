import { describe, expect, it } from 'vitest';
import { groupPatterns, type PurchaseHistory } from './customer-pattern.js';
import { paretoNbdConditionalExpected, paretoNbdExpected, paretoNbdLogLikelihood, paretoNbdPAlive, type ParetoNbdParams } from './pareto-nbd.js';

const CDNOW: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
/** α > β: the other branch of the likelihood. */
const WIDE: ParetoNbdParams = { r: 0.553, alpha: 12, s: 0.606, beta: 3.5 };

function single(history: PurchaseHistory) {
  return [{ ...history, count: 1 }];
}

// Reference values: the likelihood of Fader & Hardie (2005) with the ₂F₁ as published, at 40 digits (mpmath).
describe('Pareto/NBD likelihood', () => {
  const cases: [PurchaseHistory, number, number][] = [
    [{ x: 0, tx: 0, T: 38.86 }, -0.52104629408089037, -0.32071472029443125],
    [{ x: 2, tx: 30.43, T: 38.86 }, -9.5542832451504057, -10.150901146603603],
    [{ x: 500, tx: 300, T: 310 }, -271.72095322854928, -274.62038604411835],
    [{ x: 500, tx: 300.5, T: 300.500000001 }, -265.80592851460957, -268.73275227899413],
  ];

  it('matches the published form in both branches (α < β and α ≥ β), including x = 500', () => {
    for (const [history, belowBeta, aboveBeta] of cases) {
      expect(paretoNbdLogLikelihood(CDNOW, single(history))).toBeCloseTo(belowBeta, 9);
      expect(paretoNbdLogLikelihood(WIDE, single(history))).toBeCloseTo(aboveBeta, 9);
    }
  });

  it('is continuous where the branches meet (α = β)', () => {
    const history = single({ x: 3, tx: 20, T: 38 });
    const at = paretoNbdLogLikelihood({ ...CDNOW, alpha: 11, beta: 11 }, history);
    expect(paretoNbdLogLikelihood({ ...CDNOW, alpha: 11 + 1e-9, beta: 11 }, history)).toBeCloseTo(at, 8);
    expect(paretoNbdLogLikelihood({ ...CDNOW, alpha: 11 - 1e-9, beta: 11 }, history)).toBeCloseTo(at, 8);
  });

  it('gives the same total for grouped and ungrouped customers', () => {
    const rows: PurchaseHistory[] = [
      { x: 0, tx: 0, T: 30 },
      { x: 1, tx: 3, T: 30 },
      { x: 0, tx: 0, T: 30 },
      { x: 1, tx: 3, T: 30 },
      { x: 12, tx: 29, T: 30 },
    ];
    const ungrouped = rows.map((row) => ({ ...row, count: 1 }));
    for (const params of [CDNOW, WIDE]) {
      expect(paretoNbdLogLikelihood(params, groupPatterns(rows))).toBeCloseTo(paretoNbdLogLikelihood(params, ungrouped), 10);
    }
  });
});

describe('Pareto/NBD predictions', () => {
  it('P(alive) lies in (0, 1] and equals 1 at T = 0', () => {
    expect(paretoNbdPAlive(CDNOW, { x: 0, tx: 0, T: 0 })).toBeCloseTo(1, 14);
    for (const params of [CDNOW, WIDE]) {
      const value = paretoNbdPAlive(params, { x: 2, tx: 30.43, T: 38.86 });
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('stays finite for extreme customers', () => {
    for (const params of [CDNOW, WIDE]) {
      for (const history of [
        { x: 500, tx: 300, T: 310 },
        { x: 500, tx: 2, T: 2000 },
        { x: 0, tx: 0, T: 5000 },
      ]) {
        expect(Number.isFinite(paretoNbdPAlive(params, history))).toBe(true);
        expect(Number.isFinite(paretoNbdConditionalExpected(params, history, 52))).toBe(true);
      }
    }
  });

  it('conditional expectation equals (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)] P(alive)', () => {
    const { r, alpha, s, beta } = CDNOW;
    const history = { x: 2, tx: 30.43, T: 38.86 };
    const t = 39;
    const expected =
      (((r + history.x) * (beta + history.T)) / ((alpha + history.T) * (s - 1))) *
      (1 - Math.pow((beta + history.T) / (beta + history.T + t), s - 1)) *
      paretoNbdPAlive(CDNOW, history);
    expect(paretoNbdConditionalExpected(CDNOW, history, t)).toBeCloseTo(expected, 12);
  });

  it('E[X(t)] of a new customer is rβ/(α(s−1)) [1 − (β/(β+t))^(s−1)], with the s = 1 limit rβ/α · log(1 + t/β)', () => {
    const { r, alpha, s, beta } = CDNOW;
    expect(paretoNbdExpected(CDNOW, 52)).toBeCloseTo(((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + 52), s - 1)), 12);
    expect(paretoNbdExpected({ ...CDNOW, s: 1 }, 52)).toBeCloseTo(((r * beta) / alpha) * Math.log(1 + 52 / beta), 12);
  });
});
