import { issue, IssuesError, type FrozenBounds, type LifecycleRules, type LocalizedText } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { loadRun, type RunSummary } from './run-store.js';
import { schemeVersion } from './scheme-store.js';
import type { FrozenRun } from './frozen-run.js';

export interface IndicatorExplanation {
  readonly code: string;
  readonly name: LocalizedText;
  readonly unit: LocalizedText;
  readonly dimension: string;
  readonly direction: 'benefit' | 'cost';
  readonly formula: string;
  readonly normalization: FrozenRun['indicators'][number]['normalization'];
  readonly group: string;
  readonly bounds: FrozenBounds | undefined;
  readonly raw: number | null;
  readonly score: number;
  /** Weight within its dimension. */
  readonly weight: number;
  /** Weight in the composite: indicator × dimension × side. */
  readonly compositeWeight: number;
  /** compositeWeight × score: the points this indicator adds to the composite score. */
  readonly contribution: number;
}

export interface DimensionExplanation {
  readonly code: string;
  readonly name: LocalizedText;
  readonly side: 'current' | 'potential';
  readonly score: number;
  readonly weight: number;
}

export interface StrategyExplanation {
  readonly goals: readonly LocalizedText[];
  readonly commonItems: readonly LocalizedText[];
  readonly personalItems: readonly LocalizedText[];
  readonly visitFrequency: string;
}

export interface LifecycleExplanation {
  readonly stage: string;
  /** The rule that decided the stage (status, young_licence, no_recent_order, few_orders, low_share, missed_cycles, volume_down, volume_up, steady, irregular). */
  readonly rule: string;
  readonly activeShare: number | null;
  readonly volumeChange: number | null;
  readonly missedCycles: number | null;
  readonly weeksSinceOrder: number | null;
  readonly deemedClosed: boolean;
  /** The rules the run applied (frozen). */
  readonly rules: LifecycleRules;
  readonly strategy: LocalizedText | null;
  readonly items: readonly LocalizedText[];
}

export interface ChurnExplanation {
  readonly score: number;
  readonly risk: string;
  readonly reasons: readonly string[];
}

export interface LifetimeValueExplanation {
  readonly model: string;
  readonly clv: number | null;
  readonly pAlive: number | null;
  readonly expectedTransactions: number | null;
  readonly horizonWeeks: number;
}

export interface CustomerExplanation {
  readonly run: RunSummary;
  readonly customer: { readonly customerId: string; readonly name: string | null; readonly managerId: string | null; readonly district: string | null; readonly market: string; readonly format: string; readonly creditGrade: string | null };
  readonly segment: string;
  readonly indicators: readonly IndicatorExplanation[];
  readonly dimensions: readonly DimensionExplanation[];
  readonly sideWeights: { readonly current: number; readonly potential: number };
  readonly currentValue: number;
  readonly potentialValue: number;
  readonly compositeScore: number;
  readonly rank: number;
  readonly customers: number;
  readonly valueCell: string;
  readonly thresholds: { readonly current: number; readonly potential: number };
  readonly serviceClass: string;
  readonly serviceClassName: LocalizedText;
  readonly classByScore: string;
  readonly creditGate: { readonly minGrade: string | undefined; readonly passed: boolean };
  readonly strategy: StrategyExplanation;
  readonly lifecycle: LifecycleExplanation;
  readonly churn: ChurnExplanation;
  readonly lifetimeValue: LifetimeValueExplanation;
}

function groupOf(scope: string, market: string, format: string): string {
  return scope === 'market' ? market : scope === 'format' ? format : 'all';
}

/** Why a customer got its result in a run: every indicator's raw value, score, weight and contribution, up to the class. */
export async function explainCustomer(db: Database, customerId: string, runId?: string): Promise<CustomerExplanation> {
  const run = await loadRun(db, runId);
  const rows = await db.all(
    `SELECT r.*, c.name, c.manager_id, c.district FROM run_results r LEFT JOIN customers c ON c.customer_id = r.customer_id
     WHERE r.run_id = $1 AND r.customer_id = $2`,
    [run.runId, customerId],
  );
  const row = rows[0];
  if (row === undefined) throw new IssuesError([issue('evaluation.customer_not_found', { value: customerId, params: { run: run.runId } })]);
  const frozen = run.frozen;
  const segment = row.segment as string;
  const market = row.market as string;
  const format = row.format as string;
  const weights = frozen.weights[segment];
  if (weights === undefined) throw new Error(`run ${run.runId} has no weights for segment ${segment}`);
  const raw = row.raw_values as (number | null)[];
  const scores = row.scores as number[];
  const dimensionScores = row.dimension_scores as number[];
  const sideOf = new Map(frozen.dimensions.map((dimension) => [dimension.code as string, dimension.side]));
  const indicators = frozen.indicators.map((indicator, index): IndicatorExplanation => {
    const weight = weights.indicators[indicator.code] ?? 0;
    const side = sideOf.get(indicator.dimension) ?? 'current';
    const compositeWeight = weight * (weights.dimensions[indicator.dimension] ?? 0) * weights.sides[side];
    const score = scores[index] as number;
    const group = groupOf(indicator.scope, market, format);
    return {
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      dimension: indicator.dimension,
      direction: indicator.direction,
      formula: indicator.formula,
      normalization: indicator.normalization,
      group,
      bounds: frozen.bounds[indicator.code]?.find((found) => found.group === group),
      raw: raw[index] ?? null,
      score,
      weight,
      compositeWeight,
      contribution: compositeWeight * score,
    };
  });
  const dimensions = frozen.dimensions.map((dimension, index) => ({
    code: dimension.code,
    name: dimension.name,
    side: dimension.side,
    score: dimensionScores[index] as number,
    weight: weights.dimensions[dimension.code] ?? 0,
  }));
  const thresholdOf = (axis: 'current' | 'potential'): number => {
    const values = frozen.thresholds[axis];
    return (frozen.valueMatrix[axis].scope === 'market' ? values[market] : values['all']) ?? Number.NaN;
  };
  const serviceClass = row.service_class as string;
  const classByScore = row.class_by_score as string;
  const chosen = frozen.classes.find((found) => found.code === classByScore);
  const creditGrade = (row.credit_grade as string | null) ?? null;
  const scheme = await schemeVersion(db, run.schemeId, run.schemeVersion);
  const strategies = scheme.document.strategies;
  const classStrategy = strategies.classes[serviceClass];
  const cellStrategy = strategies.cells[row.value_cell as 'value'];
  const lifecycleStrategy = strategies.lifecycle?.[row.lifecycle_stage as 'growth'];
  const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  const total = await db.all<{ n: number }>('SELECT count(*) AS n FROM run_results WHERE run_id = $1', [run.runId]);
  return {
    run,
    customer: {
      customerId,
      name: (row.name as string | null) ?? null,
      managerId: (row.manager_id as string | null) ?? null,
      district: (row.district as string | null) ?? null,
      market,
      format,
      creditGrade,
    },
    segment,
    indicators,
    dimensions,
    sideWeights: weights.sides,
    currentValue: row.current_value as number,
    potentialValue: row.potential_value as number,
    compositeScore: row.composite_score as number,
    rank: row.rank as number,
    customers: total[0]?.n ?? 0,
    valueCell: row.value_cell as string,
    thresholds: { current: thresholdOf('current'), potential: thresholdOf('potential') },
    serviceClass,
    serviceClassName: frozen.classes.find((found) => found.code === serviceClass)?.name ?? { 'zh-CN': serviceClass, en: serviceClass },
    classByScore,
    creditGate: { minGrade: chosen?.minCreditGrade, passed: serviceClass === classByScore },
    strategy: {
      goals: [cellStrategy?.goal, classStrategy?.goal].filter((goal): goal is LocalizedText => goal !== undefined),
      commonItems: strategies.commonItems,
      personalItems: [...(classStrategy?.personalItems ?? []), ...(cellStrategy?.items ?? [])],
      visitFrequency: classStrategy?.visitFrequency ?? 'monthly',
    },
    lifecycle: {
      stage: row.lifecycle_stage as string,
      rule: row.lifecycle_rule as string,
      activeShare: number(row.active_share),
      volumeChange: number(row.volume_change),
      missedCycles: number(row.missed_cycles),
      weeksSinceOrder: number(row.weeks_since_order),
      deemedClosed: row.deemed_closed === true,
      rules: frozen.lifecycle,
      strategy: lifecycleStrategy?.strategy ?? null,
      items: lifecycleStrategy?.items ?? [],
    },
    churn: {
      score: row.churn_score as number,
      risk: row.churn_risk as string,
      reasons: (row.churn_reasons as string).split(',').filter((reason) => reason !== ''),
    },
    lifetimeValue: {
      model: frozen.lifetimeValue.model,
      clv: number(row.clv),
      pAlive: number(row.p_alive),
      expectedTransactions: number(row.expected_transactions),
      horizonWeeks: frozen.lifetimeValue.horizonWeeks,
    },
  };
}
