import type { BgNbdParams } from './bg-nbd.js';
import type { PurchaseHistory } from './customer-pattern.js';

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x))
 * (Fader, Hardie & Lee 2008, "Computing P(alive) using the BG/NBD model",
 * brucehardie.com/notes/021). A customer without repeat purchases
 * cannot have dropped out: in BG/NBD dropout happens only right after a
 * purchase, and the trial purchase is not one of the x. The power is taken
 * as (r+x) log1p((T−t_x)/(α+t_x)), which stays exact when α is so large that
 * α + T and α + t_x round to the same number.
 */
export function bgNbdPAlive(params: BgNbdParams, history: PurchaseHistory): number {
  if (history.x === 0) return 1;
  const { r, alpha, a, b } = params;
  const { x, tx, T } = history;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected transactions in (T, T + t] of a customer with history
 * (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10), E[Y(t)] = D(t) · P(alive);
 * see {@link bgNbdConditionalCurve} for how D(t) is computed.
 */
export function bgNbdConditionalExpected(params: BgNbdParams, history: PurchaseHistory, t: number): number {
  return bgNbdConditionalCurve(params, history)(t);
}

/** Relative truncation error allowed in either evaluation of D(t). */
const TOLERANCE = 1e-16;
/** Highest order of the moment expansion (orders 0 … MAX_ORDER − 1 are summed). */
const MAX_ORDER = 24;
const MAX_TERMS = 1_000_000;
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * t ↦ E[Y(t) | x, t_x, T], with P(alive) computed once: for valuing a
 * customer period by period.
 *
 * Given that the customer is alive at T, the posterior of the purchase
 * rate is λ ~ Gamma(k, α+T) with k = r+x, that of the dropout probability
 * p ~ Beta(a, B) with B = b+x, and an alive customer with (λ, p) makes
 * (1 − e^(−λpt))/p purchases in t on average. So E[Y(t)] = D(t) · P(alive)
 * with
 *   D(t) = E_p[g(p)],  g(p) = (1 − (1+pτ)^(−k))/p,  τ = t/(α+T),
 * which is (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)]
 * of eq. 10 (Euler's integral for ₂F₁ and one Pfaff transformation). The
 * series of ₂F₁ and its transformations slow down without bound as the
 * mixing distributions collapse (a, b → ∞ or r, α → ∞, the corners that
 * week-level data of regular buyers drive the fit into), so D is computed
 * by one of two expansions, each with a bound on what it leaves out:
 *
 * 1. Moments of the dropout Beta, when it is narrow. Around its mean μ = a/(a+B),
 *      D = Σⱼ g⁽ʲ⁾(μ)/j! · mⱼ,
 *    with the central moments mⱼ of Beta(a, B) from the recurrence
 *    (a+B+j) mⱼ₊₁ = j [μ(1−μ) mⱼ₋₁ + (1−2μ) mⱼ] (Pearson's differential
 *    equation of the density). Since g(p) = k ∫₀^τ (1+pu)^(−k−1) du,
 *      g⁽ʲ⁾(μ)/j! = (−1)ʲ k (k+1)ⱼ/j! · Iⱼ,  Iⱼ = ∫₀ˢ vʲ (1−μv)^(k−1) dv,  s = τ/(1+μτ),
 *    all positive, with I₀ giving g(μ) = −expm1(−k log1p(μτ))/μ exactly.
 *    |g⁽ᴶ⁾| is largest at p = 0 on [0, 1], so for even J the terms left out
 *    sum to at most k (k+1)_J/(J+1)! · τ^(J+1) · m_J (Taylor's remainder); the
 *    expansion is used when that is below 1e-16 · g(μ) ≤ 1e-16 · D (g is
 *    convex, so D ≥ g(μ) by Jensen) for some J ≤ 24, and abandoned as soon
 *    as the bound grows from one even order to the next. J = 2 is the limit
 *    a, b → ∞ itself, D = g(μ); the next orders are corrections of relative
 *    size (kτ)² Var(p). The per-t cost is a handful of operations.
 *
 * 2. Otherwise, the negative-binomial mixture. Purchase n happens if the
 *    Poisson process offers at least n and the customer survived the n−1
 *    dropout chances before it, so
 *      D = Σₙ≥₁ P(N ≥ n) Sₙ₋₁ = Σₘ πₘ Cₘ,
 *    where N ~ NB(k, z), z = τ/(1+τ), πₘ = (k)ₘ/m! (1−z)^k zᵐ, Sₙ = (B)ₙ/(a+B)ₙ
 *    is the Beta-geometric survival and Cₘ = S₀ + … + Sₘ₋₁. Every term is
 *    positive (no cancellation, no division by a − 1). Past the mode the
 *    ratios πₘ₊₁/πₘ are below ρ = max((k+m)z/(m+1), z) and Cₘ₊ⱼ ≤ Cₘ + j Sₘ,
 *    so the sum stops when πₘ [Cₘ ρ/(1−ρ) + Sₘ ρ/(1−ρ)²] ≤ 1e-16 of it. About
 *    kτ + 10 √(kτ(1+τ)) terms; NaN past a million (z within ~1e-5 of 1).
 */
export function bgNbdConditionalCurve(params: BgNbdParams, history: PurchaseHistory): (t: number) => number {
  const alive = bgNbdPAlive(params, history);
  const expected = aliveExpectation(params, history.x, history.T);
  return (t) => (t > 0 ? alive * expected(t) : 0);
}

/** E[X(t)]: expected transactions of a new customer in (0, t] (FHL 2005 eq. 7), the conditional expectation at x = t_x = T = 0. */
export function bgNbdExpected(params: BgNbdParams, t: number): number {
  return bgNbdConditionalExpected(params, { x: 0, tx: 0, T: 0 }, t);
}

/** t ↦ D(t), the expectation given alive; see {@link bgNbdConditionalCurve}. */
function aliveExpectation(params: BgNbdParams, x: number, T: number): (t: number) => number {
  const { r, alpha, a, b } = params;
  const k = r + x;
  const dropBeta = b + x;
  const total = a + dropBeta;
  const mean = a / total;
  const complement = dropBeta / total;
  const scale = alpha + T;
  // The bound grows faster in τ than D does, so once the expansion fails at some τ it fails beyond it too.
  let expansionFailsFrom = Number.POSITIVE_INFINITY;
  return (t) => {
    const tau = t / scale;
    if (tau < expansionFailsFrom) {
      const expanded = momentExpansion(k, mean, complement, total, tau);
      if (expanded !== undefined) return expanded;
      expansionFailsFrom = tau;
    }
    return negativeBinomialMixture(k, a, dropBeta, tau);
  };
}

/**
 * Scratch space for {@link momentExpansion}: the Beta's central moments mⱼ and
 * the integrals Îⱼ (evaluation is synchronous, so one buffer serves all curves;
 * the moments cost one division per order, less than keeping them per curve).
 */
const moments = new Float64Array(MAX_ORDER + 1);
const integrals = new Float64Array(MAX_ORDER);

/**
 * D(τ) by the moment expansion of the dropout Beta, or undefined when its
 * error bound k (k+1)_J/(J+1)! τ^(J+1) m_J is not met by order MAX_ORDER —
 * or has started to grow with J, past which it is not worth pursuing (the
 * series that takes over is exact too). The bound is built up as
 * kτ Πᵢ≤ⱼ (k+i)τ/i, each factor about the expected number of purchases; the
 * central moments of Beta(a, B), n = a + B, from
 * (n+j) mⱼ₊₁ = j [μ(1−μ) mⱼ₋₁ + (1−2μ) mⱼ] alongside.
 */
function momentExpansion(k: number, mean: number, complement: number, total: number, tau: number): number | undefined {
  const shift = Math.log1p(mean * tau);
  const leading = -Math.expm1(-k * shift) / mean;
  const allowed = TOLERANCE * leading;
  const spread = mean * complement;
  const skew = complement - mean;
  moments[0] = 1;
  moments[1] = 0;
  let factor = k * tau;
  let order = 0;
  let secondOrder = 0;
  let previous = Number.POSITIVE_INFINITY;
  for (let j = 1; j <= MAX_ORDER; j++) {
    moments[j] = j === 1 ? 0 : ((j - 1) * (spread * moments[j - 2]! + skew * moments[j - 1]!)) / (total + j - 1);
    factor *= ((k + j) * tau) / j;
    if (j % 2 === 1) continue;
    const bound = (factor / (j + 1)) * moments[j]!;
    if (j === 2) secondOrder = bound;
    if (bound <= allowed) {
      order = j;
      break;
    }
    if (bound >= previous) return undefined;
    previous = bound;
  }
  if (order === 0) return undefined;
  if (order === 2) return leading;

  // Normalised Îⱼ = Iⱼ/s^(j+1): the top one from its series, the rest by the stable downward recurrence
  // Îⱼ₋₁ = ((k+j) w Îⱼ + q)/j, with w = μs and q = (1+μτ)^(−k). The corrections together are at most
  // about the second-order bound, so the Îⱼ need only TOLERANCE · leading / that, relative.
  const s = tau / (1 + mean * tau);
  const w = mean * s;
  const q = Math.exp(-k * shift);
  const top = order - 1;
  const accuracy = Math.min(1e-3, allowed / secondOrder);
  integrals[top] = (q * unitSeries(top + 1 + k, top + 2, w, accuracy)) / (top + 1);
  for (let j = top; j > 2; j--) integrals[j - 1] = ((k + j) * w * integrals[j]! + q) / j;
  // gⱼ mⱼ = (−1)ʲ k s Πᵢ≤ⱼ ((k+i) s / i) Îⱼ mⱼ, for j = 2 … order − 1.
  let coefficient = k * s * (k + 1) * s;
  let sum = 0;
  for (let j = 2; j <= top; j++) {
    coefficient *= ((k + j) * s) / j;
    sum += (j % 2 === 0 ? 1 : -1) * coefficient * integrals[j]! * moments[j]!;
  }
  return leading + sum;
}

/**
 * Σₙ (p)ₙ/(c)ₙ wⁿ = ₂F₁(p, 1; c; w) for p, c > 0 and 0 ≤ w < 1, to the given relative
 * accuracy: positive terms whose ratios (p+n)w/(c+n) all stay below max(next ratio, w).
 */
function unitSeries(p: number, c: number, w: number, accuracy: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= ((p + n) * w) / (c + n);
    sum += term;
    const bound = Math.max(((p + n + 1) * w) / (c + n + 1), w);
    if (bound < 1 && (term * bound) / (1 - bound) <= accuracy * sum) return sum;
  }
  return Number.NaN;
}

/**
 * D(τ) = Σₘ πₘ Cₘ over N ~ NB(k, τ/(1+τ)), with the Beta-geometric survival
 * Sₘ = (B)ₘ/(a+B)ₘ and Cₘ = S₀ + … + Sₘ₋₁ built alongside, in a running
 * scale so that π₀ = (1+τ)^(−k) may underflow. The tail bound is checked
 * every fourth term once past the mean kτ (before it, it cannot hold).
 */
function negativeBinomialMixture(k: number, a: number, dropBeta: number, tau: number): number {
  const z = tau / (1 + tau);
  const checkFrom = k * tau;
  const totalBeta = a + dropBeta;
  let logScale = -k * Math.log1p(tau);
  let weight = 1;
  let sum = 0;
  let survival = 1;
  let cumulative = 0;
  for (let m = 1; m < MAX_TERMS; m++) {
    cumulative += survival;
    survival *= (dropBeta + m - 1) / (totalBeta + m - 1);
    weight *= ((k + m - 1) * z) / m;
    sum += weight * cumulative;
    if ((m & 3) === 0 && m > checkFrom) {
      const ratio = Math.max(((k + m) * z) / (m + 1), z);
      if (ratio < 1) {
        const rest = 1 / (1 - ratio);
        if (weight * ratio * rest * (cumulative + survival * rest) <= TOLERANCE * sum) return sum * Math.exp(logScale);
      }
    }
    if (weight > RESCALE) {
      weight /= RESCALE;
      sum /= RESCALE;
      logScale += LOG_RESCALE;
    }
  }
  return Number.NaN;
}
