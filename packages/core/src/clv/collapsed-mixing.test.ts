import { describe, expect, it } from 'vitest';
import { logHypergeometricSeries } from '../math/hypergeometric.js';
import { bgNbdConditionalCurve, bgNbdConditionalExpected, bgNbdPAlive } from './bg-nbd-predict.js';
import { bgNbdLogLikelihood, fitBgNbd, type BgNbdParams } from './bg-nbd.js';
import { countPredictor } from './count-model.js';
import { groupPatterns, type CustomerPattern, type PurchaseHistory } from './customer-pattern.js';
import { discountedClv } from './discounted-clv.js';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdLogLikelihood, paretoNbdPAlive, type ParetoNbdParams } from './pareto-nbd.js';

// The count models where their mixing distributions collapse onto a point: the corners that
// week-level histories of regular buyers drive the fits into.
//
// Reference values are the published formulas evaluated in 80-digit decimal arithmetic, with no
// transformation: BG/NBD eq. 10 of Fader, Hardie & Lee (2005) with the plain ₂F₁ series, eq. 6 with
// exact products for Γ(r+x)/Γ(r) and B(a, b+x)/B(a, b); Pareto/NBD P(alive) and likelihood of
// Fader & Hardie (2005) with the plain ₂F₁ series.

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

function single(history: PurchaseHistory): CustomerPattern[] {
  return [{ ...history, count: 1 }];
}

/** The optimum reported on week-level purchase histories of tobacco retailers: the dropout Beta collapsed. */
const DROPOUT_COLLAPSED: BgNbdParams = { r: 22.9, alpha: 28.8, a: 2.7e6, b: 1.6e9 };
/** The purchase-rate Gamma collapsed (r, α → ∞), dropout still heterogeneous. */
const RATE_COLLAPSED: BgNbdParams = { r: 3e7, alpha: 4e7, a: 0.05, b: 30 };
const RATE_COLLAPSED_FURTHER: BgNbdParams = { r: 3.376e12, alpha: 3.728e12, a: 0.0468, b: 35.4 };
/** A Beta narrow enough for the moment expansion at short horizons only: one curve uses both evaluations. */
const INTERMEDIATE: BgNbdParams = { r: 1.5, alpha: 3, a: 400, b: 2000 };

const WEEKLY = { x: 51, tx: 51, T: 52 };
const SKIPPED_A_WEEK = { x: 50, tx: 51, T: 52 };
const YOUNG = { x: 9, tx: 9, T: 10 };
const SPARSE = { x: 3, tx: 20, T: 52 };
const NO_REPEAT = { x: 0, tx: 0, T: 30 };
const NEW = { x: 0, tx: 0, T: 0 };

/**
 * Week-level histories of retailers who order almost every week: for T = 10 … 52 weeks, x = T−1
 * (every week since the first), x = T−2 (one week missed, or the last one), x = T−3, plus a few
 * sparse buyers.
 */
function weeklyRetailers(): CustomerPattern[] {
  const patterns: CustomerPattern[] = [];
  for (let T = 10; T <= 52; T++) {
    patterns.push({ x: T - 1, tx: T - 1, T, count: 40 }, { x: T - 2, tx: T - 1, T, count: 12 }, { x: T - 2, tx: T - 2, T, count: 5 }, { x: T - 3, tx: T - 1, T, count: 3 });
  }
  patterns.push(
    { x: 3, tx: 20, T: 52, count: 2 },
    { x: 0, tx: 0, T: 30, count: 3 },
    { x: 12, tx: 40, T: 52, count: 2 },
    { x: 1, tx: 1, T: 15, count: 1 },
    { x: 25, tx: 30, T: 52, count: 2 },
    { x: 20, tx: 49, T: 52, count: 4 },
  );
  return patterns;
}

/** Linear congruential generator (Numerical Recipes constants): deterministic fixtures. */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
}

/** Gamma(shape ≥ 1, rate 1) by Marsaglia & Tsang (2000). */
function gammaVariate(random: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    if (Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Continuous-time BG/NBD histories with λ ~ Gamma(22.9, 28.8) and one dropout probability p = 0.02
 * for everyone, T uniform over 10 … 52 weeks: data whose likelihood rises all the way to a, b → ∞.
 */
function homogeneousDropout(customers: number, seed: number): CustomerPattern[] {
  const random = uniform(seed);
  const rows: PurchaseHistory[] = [];
  for (let i = 0; i < customers; i++) {
    const T = 10 + Math.floor(random() * 43);
    const rate = gammaVariate(random, 22.9) / 28.8;
    let x = 0;
    let tx = 0;
    let time = 0;
    for (;;) {
      time -= Math.log(random()) / rate;
      if (time >= T) break;
      x++;
      tx = time;
      if (random() < 0.02) break;
    }
    rows.push({ x, tx, T });
  }
  return groupPatterns(rows);
}

/**
 * The evaluation of eq. 10 this module used before: Euler's transformation and a ₃F₂ series. It is
 * exact in principle but needs about a·z/(1−z) terms — a million at a = 2.7e6 — and loses digits to
 * the cancellation between its two parts (about 1e-7 there; past a million terms it gives NaN).
 */
function previousConditionalExpected(params: BgNbdParams, history: PurchaseHistory, t: number): number {
  const { r, alpha, a, b } = params;
  const p = a + b - 1 - r;
  const c = a + b + history.x - 1;
  const z = t / (alpha + history.T + t);
  const logComplement = Math.log1p(-z);
  const leading = -Math.expm1((a - 1) * logComplement) / (a - 1);
  const series = logHypergeometricSeries([p + 1, a, 1], [c + 1, 2], z);
  const tail = ((p * z) / c) * series.sign * Math.exp(series.log + (a - 1) * logComplement);
  return c * (leading - tail) * bgNbdPAlive(params, history);
}

describe('BG/NBD predictions where the dropout Beta collapses (a, b → ∞)', () => {
  const references: [PurchaseHistory, number, [number, number, number]][] = [
    [WEEKLY, 0.9957821222966717, [0.910035517096659, 11.720340333595074, 45.48757278833093]],
    [SKIPPED_A_WEEK, 0.995834106285083, [0.8977773201932466, 11.563908271208067, 44.8983836223929]],
    [YOUNG, 0.9961336158021378, [0.818401475051996, 10.548589953101931, 41.04513398886658]],
    [SPARSE, 0.0012598761731616125, [0.00040373321841954583, 0.005230912684116805, 0.020696850514241645]],
    [NO_REPEAT, 1, [0.38932247407307385, 5.040460215255483, 19.89556524784165]],
    [NEW, 1, [0.7945833440540279, 10.243462850320213, 39.88150782192449]],
  ];

  it('P(alive) and expected purchases in 1, 13 and 52 weeks match eq. 10 at 80 digits', () => {
    for (const [history, alive, expected] of references) {
      expect(relative(bgNbdPAlive(DROPOUT_COLLAPSED, history), alive)).toBeLessThan(1e-13);
      const curve = bgNbdConditionalCurve(DROPOUT_COLLAPSED, history);
      [1, 13, 52].forEach((t, i) => expect(relative(curve(t), expected[i]!)).toBeLessThan(1e-12));
    }
  });

  it('agrees with the previous evaluation where that still converged (to its own accuracy, about 1e-7)', () => {
    for (const history of [WEEKLY, SPARSE]) {
      expect(relative(bgNbdConditionalExpected(DROPOUT_COLLAPSED, history, 1), previousConditionalExpected(DROPOUT_COLLAPSED, history, 1))).toBeLessThan(1e-6);
    }
  });

  it('tends to the limit model: every customer drops out with p = a/(a+b), D(t) = (1 − (1+pτ)^−(r+x))/p', () => {
    const mean = 0.0017;
    for (const total of [1e8, 1e12]) {
      const params = { r: 22.9, alpha: 28.8, a: mean * total, b: (1 - mean) * total };
      for (const history of [WEEKLY, SPARSE, NEW]) {
        const k = params.r + history.x;
        const p = params.a / (params.a + params.b + history.x);
        const tau = 52 / (params.alpha + history.T);
        const limit = (-Math.expm1(-k * Math.log1p(p * tau)) / p) * bgNbdPAlive(params, history);
        // The corrections are of relative size (kτ)² Var(p) ≈ (kτ)² p/total.
        expect(relative(bgNbdConditionalExpected(params, history, 52), limit)).toBeLessThan((k * tau) ** 2 * (p / total) * 2 + 1e-14);
      }
    }
  });
});

describe('BG/NBD predictions where the purchase-rate Gamma collapses (r, α → ∞)', () => {
  it('P(alive) and expected purchases match eq. 10 at 80 digits', () => {
    const references: [PurchaseHistory, number, [number, number, number]][] = [
      [WEEKLY, 0.9986786229278689, [0.7488365437104555, 9.708986461880581, 38.543202094560336]],
      [SPARSE, 2.4161324392154342e-8, [1.8110769526771125e-8, 2.3398801859075596e-7, 9.21753578123082e-7]],
      [NO_REPEAT, 1, [0.7495353775967569, 9.678447210093523, 38.086041014066886]],
    ];
    for (const [history, alive, expected] of references) {
      expect(relative(bgNbdPAlive(RATE_COLLAPSED, history), alive)).toBeLessThan(1e-13);
      [1, 13, 52].forEach((t, i) => expect(relative(bgNbdConditionalExpected(RATE_COLLAPSED, history, t), expected[i]!)).toBeLessThan(1e-12));
    }
  });

  it('keeps P(alive) exact when α + T and α + t_x round to neighbouring doubles (α ≈ 3.7e12)', () => {
    // Written as log(α+T) − log(α+t_x), the power (r+x) log((α+T)/(α+t_x)) was off by 1e-3 here.
    expect(relative(bgNbdPAlive(RATE_COLLAPSED_FURTHER, SPARSE), 2.0768512776683277e-10)).toBeLessThan(1e-13);
    expect(relative(bgNbdPAlive(RATE_COLLAPSED_FURTHER, YOUNG), 0.9973399642009879)).toBeLessThan(1e-14);
    expect(relative(bgNbdConditionalExpected(RATE_COLLAPSED_FURTHER, SPARSE, 13), 2.429053470678953e-9)).toBeLessThan(1e-12);
    expect(relative(bgNbdConditionalExpected(RATE_COLLAPSED_FURTHER, WEEKLY, 13), 11.720781480636301)).toBeLessThan(1e-12);
  });
});

describe('BG/NBD between the two evaluations', () => {
  it('matches eq. 10 at every horizon while one curve moves from the moment expansion to the negative-binomial series', () => {
    const references: [PurchaseHistory, number[]][] = [
      [WEEKLY, [0.15481005573743756, 0.5840727131391984, 1.8724157768279073, 3.5014002090064915, 4.060638607804153]],
      [SPARSE, [0.0018384177200277498, 0.007308047841252552, 0.02851982763883736, 0.0862556888053819, 0.260827375500152]],
      [NEW, [0.12286455412113718, 0.46739964719654925, 1.5597127723526105, 3.3469533453965705, 5.225002491628065]],
    ];
    for (const [history, expected] of references) {
      [0.25, 1, 4, 13, 52].forEach((t, i) => expect(relative(bgNbdConditionalExpected(INTERMEDIATE, history, t), expected[i]!)).toBeLessThan(1e-12));
    }
  });

  it('gives a curve the same values whatever order it is evaluated in', () => {
    const weeks = Array.from({ length: 52 }, (_, i) => i + 1);
    for (const params of [DROPOUT_COLLAPSED, RATE_COLLAPSED, INTERMEDIATE, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }]) {
      for (const history of [WEEKLY, SPARSE, NEW]) {
        const forward = bgNbdConditionalCurve(params, history);
        const backward = bgNbdConditionalCurve(params, history);
        const fresh = weeks.map((t) => bgNbdConditionalExpected(params, history, t));
        const reversed = [...weeks].reverse().map((t) => backward(t)).reverse();
        weeks.forEach((t, i) => {
          expect(relative(forward(t), fresh[i]!)).toBeLessThan(1e-14);
          expect(relative(reversed[i]!, fresh[i]!)).toBeLessThan(1e-14);
        });
      }
    }
  });
});

describe('BG/NBD likelihood in the collapsed corners', () => {
  it('matches eq. 6 at 80 digits where log Γ differences used to cancel (errors of 1e-6 … 1e-2 before)', () => {
    const references: [BgNbdParams, PurchaseHistory, number][] = [
      [DROPOUT_COLLAPSED, WEEKLY, -53.017120914495045],
      [DROPOUT_COLLAPSED, SPARSE, -20.60804026382792],
      [DROPOUT_COLLAPSED, NO_REPEAT, -16.345252111765394],
      [RATE_COLLAPSED, WEEKLY, -53.72062634787461],
      [RATE_COLLAPSED, SPARSE, -22.32935018332897],
      [RATE_COLLAPSED_FURTHER, WEEKLY, -52.189103237541694],
      [RATE_COLLAPSED_FURTHER, SPARSE, -25.096528327212187],
      [RATE_COLLAPSED_FURTHER, NO_REPEAT, -27.167381974139616],
    ];
    for (const [params, history, expected] of references) expect(Math.abs(bgNbdLogLikelihood(params, single(history)) - expected)).toBeLessThan(1e-11);
  });
});

describe('count-model fits that end in a collapsed corner', () => {
  it('BG/NBD on homogeneous dropout: a, b → ∞ at a/(a+b) ≈ p, reported as a collapsed dropout Beta', () => {
    const patterns = homogeneousDropout(5000, 1);
    const fit = fitBgNbd(patterns);
    expect(fit.converged).toBe(true);
    expect(fit.collapsed).toEqual(['dropout']);
    const { r, alpha, a, b } = fit.params;
    expect(Math.abs(a / (a + b) - 0.02)).toBeLessThan(0.003);
    expect(relative(r / alpha, 22.9 / 28.8)).toBeLessThan(0.05);
    expect(bgNbdLogLikelihood(fit.params, patterns)).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('BG/NBD and Pareto/NBD on week-level regular buyers: the purchase-rate Gamma collapses', () => {
    const patterns = weeklyRetailers();
    const bg = fitBgNbd(patterns);
    expect(bg.converged).toBe(true);
    expect(bg.collapsed).toContain('purchase-rate');
    const pareto = fitParetoNbd(patterns);
    expect(pareto.converged).toBe(true);
    expect(pareto.collapsed).toContain('purchase-rate');
    expect(paretoNbdLogLikelihood(pareto.params, patterns)).toBeCloseTo(pareto.logLikelihood, 6);
  });

  it('Pareto/NBD on homogeneous dropout: s, β → ∞, reported as a collapsed lifetime Gamma', () => {
    const fit = fitParetoNbd(homogeneousDropout(5000, 1));
    expect(fit.converged).toBe(true);
    expect(fit.collapsed).toEqual(['lifetime']);
  });

  it('values a year of every fixture pattern: finite, positive, at most the undiscounted expectation', () => {
    for (const spec of [
      { model: 'bg-nbd', params: DROPOUT_COLLAPSED },
      { model: 'bg-nbd', params: RATE_COLLAPSED_FURTHER },
      { model: 'pareto-nbd', params: { r: 22.9, alpha: 28.8, s: 8e6, beta: 5e8 } },
      { model: 'pareto-nbd', params: { r: 2.6e10, alpha: 2.9e10, s: 0.3, beta: 320 } },
    ] as const) {
      const predictor = countPredictor(spec);
      for (const pattern of weeklyRetailers()) {
        const curve = predictor.conditionalCurve(pattern);
        const value = discountedClv(curve, 1, { horizon: 52, annualDiscountRate: 0.08 });
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThanOrEqual(curve(52));
      }
    }
  });
});

describe('Pareto/NBD where α and β are orders of magnitude apart', () => {
  /** α/β ≈ 10³: the ₂F₁ argument is within 2e-3 of 1. */
  const RATE_FAR: ParetoNbdParams = { r: 500, alpha: 600, s: 0.3, beta: 0.5 };
  /** β/α ≈ 10³, the other branch. */
  const LIFETIME_FAR: ParetoNbdParams = { r: 5, alpha: 8, s: 300, beta: 9000 };

  it('P(alive) and the likelihood match the published form at 80 digits in both branches', () => {
    const references: [ParetoNbdParams, PurchaseHistory, number, number][] = [
      [RATE_FAR, WEEKLY, 0.9909703193722551, -54.013591572976836],
      [RATE_FAR, SPARSE, 4.5508843159709325e-10, -22.233431466178054],
      [RATE_FAR, NO_REPEAT, 2.9359313119742336e-11, -1.3769329364079481],
      [LIFETIME_FAR, WEEKLY, 0.9469380870154659, -55.410519722527354],
      [LIFETIME_FAR, SPARSE, 0.006695740593544164, -13.732502702126098],
      [LIFETIME_FAR, NO_REPEAT, 0.0024780444748448913, -2.7887745699781967],
    ];
    for (const [params, history, alive, logLikelihood] of references) {
      expect(relative(paretoNbdPAlive(params, history), alive)).toBeLessThan(1e-12);
      expect(Math.abs(paretoNbdLogLikelihood(params, single(history)) - logLikelihood)).toBeLessThan(1e-11);
    }
  });

  it('reaches the limit of both Gammas collapsing: P(alive) = 1/(1 + μ/(λ+μ) (e^((λ+μ)(T−t_x)) − 1))', () => {
    const [lambda, mu] = [0.8, 0.002];
    const scale = 1e12;
    // β = 10 α puts the ₂F₁ argument at 0.9, on the continued fraction.
    const params = { r: lambda * scale, alpha: scale, s: mu * 10 * scale, beta: 10 * scale };
    for (const history of [WEEKLY, SPARSE, NO_REPEAT, { x: 20, tx: 30, T: 52 }]) {
      const gap = history.T - history.tx;
      const limit = 1 / (1 + (mu / (lambda + mu)) * Math.expm1((lambda + mu) * gap));
      // Corrections are of relative size (λ+μ)² gap² T / scale.
      expect(relative(paretoNbdPAlive(params, history), limit)).toBeLessThan(1e-9);
      const expected = ((lambda * -Math.expm1(-mu * 52)) / mu) * limit;
      expect(relative(paretoNbdConditionalExpected(params, history, 52), expected)).toBeLessThan(1e-9);
    }
  });
});
