import type { Locale } from '../i18n/locale.js';
import { t } from '../i18n/messages.js';
import type { LifecycleRules } from '../scheme/scheme-schema.js';

export interface LifecycleFigures {
  readonly rule: string;
  readonly activeShare: number | null;
  readonly volumeChange: number | null;
  readonly missedCycles: number | null;
  readonly weeksSinceOrder: number | null;
  readonly licenceWeeks?: number | null;
}

const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(0)}%`);
const signedPercent = (value: number | null): string => (value === null ? '—' : `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`);

/** Why a customer is in its lifecycle stage: the rule that decided, with its figures and thresholds. */
export function lifecycleReason(figures: LifecycleFigures, rules: LifecycleRules, locale: Locale): string {
  return t(locale, `rule.${figures.rule}`, {
    introductionWeeks: rules.introductionWeeks,
    licenceWeeks: figures.licenceWeeks ?? '—',
    weeksSinceOrder: figures.weeksSinceOrder ?? '—',
    terminationWeeks: rules.terminationWeeks,
    introductionMinOrders: rules.introductionMinOrders,
    cycles: rules.cycles,
    share: percent(figures.activeShare),
    declineShare: percent(rules.declineShare),
    activeShare: percent(rules.activeShare),
    missed: figures.missedCycles ?? '—',
    missedCycles: rules.missedCycles,
    change: signedPercent(figures.volumeChange),
    threshold: percent(rules.change),
  });
}
