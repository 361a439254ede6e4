import type { Direction } from '../indicators/indicator-library.js';
import type { IndicatorChoice, Normalization } from '../scheme/scheme-schema.js';
import type { FrozenBounds } from './frozen-bounds.js';

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/**
 * The 0–100 score of a raw value (百分制), the same rule the engine compiles
 * to SQL (engine/evaluation/compile-scores.ts):
 * - minmax: winsorise to [lo, hi] (frozen quantiles), then 100·(x − lo)/(hi − lo); cost reversed; a flat group scores 50;
 * - zscore: z = (x − mean)/sd clipped to ±clip, mapped linearly to 0–100; cost reversed; sd 0 scores 50;
 * - piecewise: the first step whose minimum the value reaches; the steps say the direction themselves;
 * - target: 100·x/target capped (benefit) or 100·target/x capped (cost);
 * - percentile: 100 × percent rank within the group — computed by the engine over all customers, not from bounds.
 * Returns null for a missing raw value.
 */
export function scoreValue(normalization: Normalization, direction: Direction, raw: number | null, bounds: FrozenBounds): number | null {
  if (raw === null || !Number.isFinite(raw)) return null;
  switch (normalization.method) {
    case 'minmax': {
      if (bounds.lo === null || bounds.hi === null) return null;
      if (bounds.hi <= bounds.lo) return 50;
      const share = (clamp(raw, bounds.lo, bounds.hi) - bounds.lo) / (bounds.hi - bounds.lo);
      return 100 * (direction === 'cost' ? 1 - share : share);
    }
    case 'zscore': {
      if (bounds.mean === null || bounds.sd === null) return null;
      if (bounds.sd <= 0) return 50;
      const z = clamp((raw - bounds.mean) / bounds.sd, -normalization.clip, normalization.clip);
      const share = (z + normalization.clip) / (2 * normalization.clip);
      return 100 * (direction === 'cost' ? 1 - share : share);
    }
    case 'piecewise': {
      const step = normalization.points.find((point) => raw >= point.min);
      return step === undefined ? normalization.otherwise : step.score;
    }
    case 'target': {
      if (direction === 'cost') return raw <= 0 ? normalization.cap : Math.min(normalization.cap, (100 * normalization.target) / raw);
      return clamp((100 * raw) / normalization.target, 0, normalization.cap);
    }
    case 'percentile':
      return null;
  }
}

/** The score given when the raw value is missing (scheme's `missing` policy). */
export function missingScore(
  missing: IndicatorChoice['missing'],
  normalization: Normalization,
  direction: Direction,
  bounds: FrozenBounds,
): number {
  if (typeof missing === 'number') return missing;
  if (missing === 'zero') return 0;
  // 'median': the score of the group's median raw value — the customer neither gains nor loses against its peers.
  if (normalization.method === 'percentile') return 50;
  return scoreValue(normalization, direction, bounds.median, bounds) ?? 50;
}
