import type { ChurnRules, DimensionCode, Direction, FrozenBounds, IndicatorChoice, LifecycleRules, LocalizedText, Normalization, PeerScope, Scheme, ServiceClass, ValueSide } from '@retail-value/core';
import type { FrozenLifetimeValue } from './lifetime-value-step.js';
import type { EvaluationWindow } from './period.js';
import type { StepTiming } from './evaluate.js';

/** Weights resolved for one segment: indicator within dimension, dimension within side, side within composite. */
export interface SegmentWeights {
  sides: { current: number; potential: number };
  dimensions: Record<string, number>;
  indicators: Record<string, number>;
}

/** Everything a run froze: enough to explain any customer's result from the run alone. */
export interface FrozenRun {
  readonly runId: string;
  readonly window: EvaluationWindow;
  readonly schemeId: string;
  readonly indicators: readonly {
    readonly code: string;
    readonly name: LocalizedText;
    readonly unit: LocalizedText;
    readonly dimension: DimensionCode;
    readonly side: ValueSide;
    readonly direction: Direction;
    readonly formula: string;
    readonly normalization: Normalization;
    readonly scope: PeerScope;
    readonly missing: IndicatorChoice['missing'];
  }[];
  readonly dimensions: readonly { readonly code: DimensionCode; readonly side: ValueSide; readonly name: LocalizedText; readonly indicators: readonly string[] }[];
  readonly bounds: Readonly<Record<string, readonly FrozenBounds[]>>;
  readonly weights: Readonly<Record<string, SegmentWeights>>;
  readonly thresholds: Readonly<Record<'current' | 'potential', Readonly<Record<string, number>>>>;
  readonly classes: readonly ServiceClass[];
  readonly classScope: 'all' | 'market';
  readonly valueMatrix: Scheme['valueMatrix'];
  readonly lifecycle: LifecycleRules;
  readonly churn: ChurnRules;
  readonly lifetimeValue: FrozenLifetimeValue;
  readonly steps: readonly StepTiming[];
}
