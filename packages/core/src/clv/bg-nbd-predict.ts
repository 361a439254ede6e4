import { logHypergeometricSeries } from '../math/hypergeometric.js';
import type { BgNbdParams } from './bg-nbd.js';
import type { PurchaseHistory } from './customer-pattern.js';

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x))
 * (Fader, Hardie & Lee 2008, "Computing P(alive) using the BG/NBD model",
 * brucehardie.com/notes/021). A customer without repeat purchases
 * cannot have dropped out: in BG/NBD dropout happens only right after a
 * purchase, and the trial purchase is not one of the x.
 */
export function bgNbdPAlive(params: BgNbdParams, history: PurchaseHistory): number {
  if (history.x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + history.x - 1) + (r + history.x) * (Math.log(alpha + history.T) - Math.log(alpha + history.tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected transactions in (T, T + t] of a customer with history
 * (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10):
 *   E[Y(t)] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive),
 *   z = t / (α+T+t).
 * Evaluated as written, the bracket is 1 minus a product whose ₂F₁ grows
 * like (1−z)^(a−1−r−x) — huge for large x — and the prefactor is 0/0 at
 * a = 1. Euler's transformation turns the product into
 * (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z); writing (a−1)ₙ = (a−1)(a)ₙ₋₁
 * divides the bracket by (a−1) exactly:
 *   bracket/(a−1) = [1 − (1−z)^(a−1)]/(a−1) − (1−z)^(a−1) · (Pz/C) ₃F₂(P+1, a, 1; C+1, 2; z),
 * with P = a+b−1−r and C = a+b+x−1. Every piece is bounded, and the first
 * is −expm1((a−1) log(1−z))/(a−1), which tends to −log(1−z) at a = 1.
 */
export function bgNbdConditionalExpected(params: BgNbdParams, history: PurchaseHistory, t: number): number {
  return bgNbdConditionalCurve(params, history)(t);
}

/** t ↦ E[Y(t) | x, t_x, T], with P(alive) computed once: for valuing a customer period by period. */
export function bgNbdConditionalCurve(params: BgNbdParams, history: PurchaseHistory): (t: number) => number {
  const { r, alpha, a, b } = params;
  const alive = bgNbdPAlive(params, history);
  const aMinusOne = a - 1;
  const p = a + b - 1 - r;
  const c = a + b + history.x - 1;
  return (t) => {
    if (t <= 0) return 0;
    const z = t / (alpha + history.T + t);
    const logComplement = Math.log1p(-z);
    const leading = aMinusOne === 0 ? -logComplement : -Math.expm1(aMinusOne * logComplement) / aMinusOne;
    const series = logHypergeometricSeries([p + 1, a, 1], [c + 1, 2], z);
    const tail = ((p * z) / c) * series.sign * Math.exp(series.log + aMinusOne * logComplement);
    return c * (leading - tail) * alive;
  };
}

/** E[X(t)]: expected transactions of a new customer in (0, t] (FHL 2005 eq. 7), the conditional expectation at x = t_x = T = 0. */
export function bgNbdExpected(params: BgNbdParams, t: number): number {
  return bgNbdConditionalExpected(params, { x: 0, tx: 0, T: 0 }, t);
}
