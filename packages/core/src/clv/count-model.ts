import { bgNbdConditionalCurve, bgNbdPAlive } from './bg-nbd-predict.js';
import { fitBgNbd, type BgNbdParams } from './bg-nbd.js';
import type { CustomerPattern, PurchaseHistory } from './customer-pattern.js';
import type { ModelFit } from './model-fit.js';
import { fitParetoNbd, paretoNbdConditionalCurve, paretoNbdPAlive, type ParetoNbdParams } from './pareto-nbd.js';

/** The purchase-count models, by the names the product uses for them. */
export const COUNT_MODELS = ['bg-nbd', 'pareto-nbd'] as const;
export type CountModelName = (typeof COUNT_MODELS)[number];

export type CountModelSpec =
  | { readonly model: 'bg-nbd'; readonly params: BgNbdParams }
  | { readonly model: 'pareto-nbd'; readonly params: ParetoNbdParams };

export type CountModelFit = CountModelSpec & Omit<ModelFit<unknown>, 'params'>;

/** A count model's predictions for one customer. */
export interface CountPredictor {
  pAlive(history: PurchaseHistory): number;
  /** t ↦ expected transactions in (T, T + t]; what does not depend on t is computed once. */
  conditionalCurve(history: PurchaseHistory): (t: number) => number;
}

export function isCountModelName(name: string): name is CountModelName {
  return (COUNT_MODELS as readonly string[]).includes(name);
}

export function fitCountModel(model: CountModelName, patterns: readonly CustomerPattern[]): CountModelFit {
  return model === 'bg-nbd' ? { ...fitBgNbd(patterns), model } : { ...fitParetoNbd(patterns), model };
}

export function countPredictor(spec: CountModelSpec): CountPredictor {
  if (spec.model === 'bg-nbd') {
    const { params } = spec;
    return {
      pAlive: (history) => bgNbdPAlive(params, history),
      conditionalCurve: (history) => bgNbdConditionalCurve(params, history),
    };
  }
  const { params } = spec;
  return {
    pAlive: (history) => paretoNbdPAlive(params, history),
    conditionalCurve: (history) => paretoNbdConditionalCurve(params, history),
  };
}
