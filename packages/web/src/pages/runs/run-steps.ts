import type { Translate } from '../../i18n/i18n-context.js';

/** The steps an evaluation reports (engine evaluate's STEPS), in order. */
const STEPS = ['orders', 'clv', 'measures', 'bounds', 'scores', 'weights', 'classes', 'thresholds', 'results', 'fingerprint'] as const;

/** A step's name in the user's language; a step this page does not know keeps its code. */
export function stepLabel(step: string, t: Translate): string {
  return (STEPS as readonly string[]).includes(step) ? t(`runs.step.${step as (typeof STEPS)[number]}`) : step;
}
