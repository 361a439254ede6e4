/**
 * The demo company's distributions, in one place so that docs/demo-data.md
 * can explain each number. Shares are fractions; volumes are cartons (条).
 */

export type Format = 'Z' | 'B' | 'S' | 'N' | 'Y' | 'F' | 'Q';
export const FORMATS: readonly Format[] = ['Z', 'B', 'S', 'N', 'Y', 'F', 'Q'];

/**
 * 业态 shares per market. Weighted 45 % urban / 55 % rural they give Z 53.5 %,
 * B 20 %, Y 12 %, S 6 %, F 3 %, N 1.5 %, Q 4 % — grocery stores dominate the
 * countryside, convenience and tobacco-and-liquor shops the towns, and 其他 stays
 * under the industry's 5 % ceiling.
 */
export const FORMAT_SHARES: Readonly<Record<'urban' | 'rural', Readonly<Record<Format, number>>>> = {
  urban: { Z: 0.4, B: 0.28, Y: 0.15, S: 0.08, F: 0.045, N: 0.03, Q: 0.015 },
  rural: { Z: 0.645, B: 0.135, Y: 0.095, S: 0.044, F: 0.018, N: 0.003, Q: 0.06 },
};

/**
 * Lifecycle patterns the order history follows (DOMAIN.md §5). Assigned by
 * stratified sampling, so every pattern is present even among a few hundred
 * customers.
 */
export type LifecyclePattern =
  | 'mature'
  | 'growing'
  | 'declining'
  | 'stopped'
  | 'new'
  | 'no_trade'
  | 'suspended'
  | 'cancelled'
  | 'closed';

export const PATTERN_SHARES: Readonly<Record<LifecyclePattern, number>> = {
  mature: 0.6,
  growing: 0.12,
  declining: 0.12,
  stopped: 0.04,
  new: 0.035,
  no_trade: 0.005,
  suspended: 0.03,
  cancelled: 0.025,
  closed: 0.025,
};

/**
 * Mean weekly cartons per format. The industry sells about 12.5 billion
 * cartons a year through 5–6 million licences, some 44 cartons per licence
 * per week; these means reproduce that average over the format shares.
 */
export const WEEKLY_CARTONS: Readonly<Record<Format, number>> = { Z: 30, B: 45, Y: 90, S: 80, N: 140, F: 25, Q: 18 };

/** How many SKUs a format stocks (the customer's assortment before scale). */
export const ASSORTMENT: Readonly<Record<Format, number>> = { Z: 35, B: 70, Y: 110, S: 130, N: 200, F: 30, Q: 20 };

/** Relative SKU lines per order; normalised so the company's mean is --lines-per-order. */
export const LINE_BREADTH: Readonly<Record<Format, number>> = { Z: 0.8, B: 1.1, Y: 1.5, S: 1.4, N: 1.8, F: 0.7, Q: 0.6 };

/** Share of modern terminals (现代终端): chains and supermarkets are, corner shops rarely. */
export const MODERN_TERMINAL_SHARE: Readonly<Record<Format, number>> = { Z: 0.06, B: 0.8, Y: 0.3, S: 0.95, N: 0.98, F: 0.1, Q: 0.05 };

/** Typical business area in m² per format. */
export const BUSINESS_AREA: Readonly<Record<Format, number>> = { Z: 30, B: 60, Y: 45, S: 300, N: 2000, F: 120, Q: 20 };

/** How strongly a format's standing reaches beyond its door (for the 社会影响力 assessment). */
export const INFLUENCE: Readonly<Record<Format, number>> = { Z: 0.3, B: 0.6, Y: 0.7, S: 0.8, N: 1, F: 0.5, Q: 0.2 };

/**
 * Price-class mix of order lines per buying profile (classes 1…5). Towns and
 * large formats buy up the range; the countryside buys mostly classes 3–5.
 */
export const PROFILES = [
  { profile: 1, market: 'urban', premiumFormat: true, classShares: [0.35, 0.25, 0.28, 0.09, 0.03] },
  { profile: 2, market: 'urban', premiumFormat: false, classShares: [0.22, 0.22, 0.38, 0.13, 0.05] },
  { profile: 3, market: 'rural', premiumFormat: true, classShares: [0.15, 0.2, 0.42, 0.16, 0.07] },
  { profile: 4, market: 'rural', premiumFormat: false, classShares: [0.07, 0.13, 0.5, 0.2, 0.1] },
] as const;

/** Formats whose customers buy like the premium profiles. */
export const PREMIUM_FORMATS: readonly Format[] = ['B', 'Y', 'S', 'N'];

/** Cartons per line relative to the mean: cheap cigarettes move in bigger quantities. */
export const CLASS_QUANTITY_FACTOR: readonly number[] = [0.7, 0.85, 1, 1.15, 1.3];

/**
 * Credit grades by credit-score rank: AAA for the best 8 %, most customers
 * A or AA, few B/C/D.
 */
export const CREDIT_GRADE_SHARES: readonly { readonly grade: string; readonly share: number }[] = [
  { grade: 'AAA', share: 0.08 },
  { grade: 'AA', share: 0.3 },
  { grade: 'A', share: 0.45 },
  { grade: 'B', share: 0.1 },
  { grade: 'C', share: 0.05 },
  { grade: 'D', share: 0.02 },
];

/** Weekly volume multipliers around the Spring Festival, by days before it. */
export const FESTIVAL_RUN_UP: readonly { readonly withinDays: number; readonly factor: number }[] = [
  { withinDays: 7, factor: 1.8 },
  { withinDays: 14, factor: 1.5 },
  { withinDays: 21, factor: 1.3 },
];
