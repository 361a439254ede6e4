import { z } from 'zod';
import { issue, type Issue } from '../issues/issue.js';
import type { LocalizedText } from '../i18n/localized.js';
import { DIMENSION_INFO, type DimensionCode, type ValueSide } from '../indicators/dimensions.js';
import { indicatorByCode, type Direction } from '../indicators/indicator-library.js';
import { MEASURE_CODES } from '../indicators/measures.js';
import { formulaReferences, type FormulaNode } from '../formula/formula-ast.js';
import { parseFormula } from '../formula/parse-formula.js';
import { IssuesError } from '../issues/issue.js';
import { schemeSchema, type Normalization, type PeerScope, type Scheme, type WeightSpec, type IndicatorChoice } from './scheme-schema.js';
import { objectiveMethod, subjectiveWeights, type SubjectiveResult } from './weight-resolution.js';

export interface PlannedIndicator {
  /** Position in the run's raw and score arrays. */
  readonly index: number;
  readonly code: string;
  readonly name: LocalizedText;
  readonly unit: LocalizedText;
  readonly dimension: DimensionCode;
  readonly side: ValueSide;
  readonly direction: Direction;
  readonly formulaText: string;
  readonly formula: FormulaNode;
  readonly normalization: Normalization;
  readonly scope: PeerScope;
  readonly missing: IndicatorChoice['missing'];
  readonly custom: boolean;
}

export interface PlannedDimension {
  readonly code: DimensionCode;
  readonly side: ValueSide;
  readonly name: LocalizedText;
  readonly indicatorCodes: readonly string[];
}

/** One level of the weight hierarchy: the spec, its children, and what is known before the data is read. */
export interface PlannedWeightLevel {
  readonly path: string;
  readonly spec: WeightSpec;
  readonly children: readonly string[];
  readonly subjective?: SubjectiveResult | undefined;
  readonly objective?: 'entropy' | 'critic' | undefined;
}

export interface PlannedWeightSet {
  readonly segment: string;
  readonly sides: PlannedWeightLevel;
  readonly dimensions: Readonly<Record<ValueSide, PlannedWeightLevel>>;
  readonly indicators: Readonly<Partial<Record<DimensionCode, PlannedWeightLevel>>>;
}

/** A validated scheme compiled into what the engine executes. */
export interface EvaluationPlan {
  readonly scheme: Scheme;
  readonly indicators: readonly PlannedIndicator[];
  readonly dimensions: readonly PlannedDimension[];
  readonly segmentBy: 'none' | 'market';
  readonly weightSets: readonly PlannedWeightSet[];
  /** Measures the indicators refer to. */
  readonly measures: readonly string[];
}

export type SchemeValidation =
  | { readonly ok: true; readonly scheme: Scheme; readonly plan: EvaluationPlan }
  | { readonly ok: false; readonly issues: readonly Issue[] };

function shapeIssues(input: unknown): Issue[] {
  const zh = schemeSchema.safeParse(input, { error: z.locales.zhCN().localeError });
  const en = schemeSchema.safeParse(input, { error: z.locales.en().localeError });
  const zhIssues = zh.success ? [] : zh.error.issues;
  const enIssues = en.success ? [] : en.error.issues;
  return enIssues.map((item, position) =>
    issue('scheme.shape', {
      params: {
        path: item.path.map(String).join('.') || '(root)',
        detail_zh: zhIssues[position]?.message ?? item.message,
        detail_en: item.message,
      },
    }),
  );
}

function segmentsOf(segmentBy: 'none' | 'market'): string[] {
  return segmentBy === 'market' ? ['urban', 'rural'] : ['all'];
}

function planLevel(spec: WeightSpec, children: readonly string[], path: string, issues: Issue[]): PlannedWeightLevel {
  const objective = objectiveMethod(spec);
  const subjectiveSpec = spec.method === 'combined' ? spec.subjective : spec.method === 'direct' || spec.method === 'ahp' ? spec : undefined;
  const subjective = subjectiveSpec === undefined ? undefined : subjectiveWeights(subjectiveSpec, children, path, issues);
  return { path, spec, children, subjective, objective };
}

/** Validates a scheme document and compiles it into an evaluation plan. */
export function validateScheme(input: unknown): SchemeValidation {
  const shape = schemeSchema.safeParse(input);
  if (!shape.success) return { ok: false, issues: shapeIssues(input) };
  const scheme = shape.data;
  const issues: Issue[] = [];

  const custom = new Map(scheme.customIndicators.map((item) => [item.code, item]));
  for (const item of scheme.customIndicators) {
    if (indicatorByCode(item.code) !== undefined) issues.push(issue('scheme.custom_clash', { params: { code: item.code } }));
  }

  const grouping = new Map<string, DimensionCode>();
  const seenDimensions = new Set<DimensionCode>();
  for (const dimension of scheme.dimensions) {
    if (seenDimensions.has(dimension.code)) issues.push(issue('scheme.dimension_twice', { params: { code: dimension.code } }));
    seenDimensions.add(dimension.code);
    for (const code of dimension.indicators) {
      if (grouping.has(code)) issues.push(issue('scheme.indicator_grouped_twice', { params: { code } }));
      grouping.set(code, dimension.code);
    }
  }

  const indicators: PlannedIndicator[] = [];
  const seenCodes = new Set<string>();
  for (const choice of scheme.indicators) {
    if (seenCodes.has(choice.code)) issues.push(issue('scheme.indicator_twice', { params: { code: choice.code } }));
    seenCodes.add(choice.code);
    const builtIn = indicatorByCode(choice.code);
    const own = custom.get(choice.code);
    const definition = own ?? builtIn;
    if (definition === undefined) {
      issues.push(issue('scheme.unknown_indicator', { params: { code: choice.code } }));
      continue;
    }
    const dimension = grouping.get(choice.code);
    if (dimension === undefined) {
      issues.push(issue('scheme.indicator_ungrouped', { params: { code: choice.code } }));
      continue;
    }
    let formula: FormulaNode;
    try {
      formula = parseFormula(definition.formula, MEASURE_CODES);
    } catch (error) {
      if (!(error instanceof IssuesError)) throw error;
      issues.push(...error.issues.map((found) => issue(found.code, { ...found, params: { ...found.params, code: choice.code } })));
      continue;
    }
    if (choice.normalization.method === 'piecewise') {
      const mins = choice.normalization.points.map((point) => point.min);
      if (mins.some((value, position) => position > 0 && value >= (mins[position - 1] as number))) {
        issues.push(issue('scheme.piecewise_order', { params: { code: choice.code } }));
      }
    }
    indicators.push({
      index: indicators.length,
      code: choice.code,
      name: definition.name,
      unit: definition.unit ?? { 'zh-CN': '', en: '' },
      dimension,
      side: DIMENSION_INFO[dimension].side,
      direction: definition.direction,
      formulaText: definition.formula,
      formula,
      normalization: choice.normalization,
      scope: choice.scope,
      missing: choice.missing,
      custom: own !== undefined,
    });
  }
  for (const code of grouping.keys()) {
    if (!seenCodes.has(code)) issues.push(issue('scheme.grouped_not_chosen', { params: { code } }));
  }

  const dimensions: PlannedDimension[] = scheme.dimensions.map((dimension) => ({
    code: dimension.code,
    side: DIMENSION_INFO[dimension.code].side,
    name: DIMENSION_INFO[dimension.code].name,
    indicatorCodes: dimension.indicators,
  }));
  for (const side of ['current', 'potential'] as const) {
    if (!dimensions.some((dimension) => dimension.side === side)) issues.push(issue('scheme.side_empty', { params: { side } }));
  }

  const weightSets: PlannedWeightSet[] = [];
  for (const segment of segmentsOf(scheme.weights.segmentBy)) {
    const set = scheme.weights.sets[segment];
    if (set === undefined) {
      issues.push(issue('scheme.weight_set_missing', { params: { segment } }));
      continue;
    }
    const base = `weights.sets.${segment}`;
    const indicatorLevels: Partial<Record<DimensionCode, PlannedWeightLevel>> = {};
    for (const dimension of dimensions) {
      const spec = set.indicators[dimension.code];
      if (spec === undefined) {
        issues.push(issue('scheme.weight_level_missing', { params: { path: `${base}.indicators.${dimension.code}` } }));
        continue;
      }
      indicatorLevels[dimension.code] = planLevel(spec, dimension.indicatorCodes, `${base}.indicators.${dimension.code}`, issues);
    }
    const sideDimensions = (side: ValueSide): string[] => dimensions.filter((dimension) => dimension.side === side).map((dimension) => dimension.code);
    weightSets.push({
      segment,
      sides: planLevel(set.sides, ['current', 'potential'], `${base}.sides`, issues),
      dimensions: {
        current: planLevel(set.dimensions.current, sideDimensions('current'), `${base}.dimensions.current`, issues),
        potential: planLevel(set.dimensions.potential, sideDimensions('potential'), `${base}.dimensions.potential`, issues),
      },
      indicators: indicatorLevels,
    });
  }

  for (const axis of ['current', 'potential'] as const) {
    const threshold = scheme.valueMatrix[axis];
    if (threshold.method === 'percentile' && (threshold.value === undefined || threshold.value <= 0 || threshold.value >= 1)) {
      issues.push(issue('scheme.threshold_value', { params: { axis, method: threshold.method } }));
    }
    if (threshold.method === 'fixed' && (threshold.value === undefined || threshold.value < 0 || threshold.value > 100)) {
      issues.push(issue('scheme.threshold_value', { params: { axis, method: threshold.method } }));
    }
  }

  const classes = scheme.serviceClasses.classes;
  const classCodes = new Set<string>();
  let quotaTotal = 0;
  classes.forEach((serviceClass, position) => {
    if (classCodes.has(serviceClass.code)) issues.push(issue('scheme.class_twice', { params: { code: serviceClass.code } }));
    classCodes.add(serviceClass.code);
    const rules = [serviceClass.quota, serviceClass.minScore, serviceClass.minPercentile].filter((rule) => rule !== undefined).length;
    const last = position === classes.length - 1;
    if (last ? rules !== 0 : rules !== 1) issues.push(issue(last ? 'scheme.class_last_rule' : 'scheme.class_rule', { params: { code: serviceClass.code } }));
    quotaTotal += serviceClass.quota ?? 0;
  });
  if (quotaTotal > 1 + 1e-9) issues.push(issue('scheme.class_quota_total', { params: { total: quotaTotal.toFixed(3) } }));
  for (const code of classCodes) {
    if (scheme.strategies.classes[code] === undefined) issues.push(issue('scheme.strategy_missing', { params: { code } }));
  }
  for (const cell of ['value', 'sub_value', 'potential_value', 'low_value'] as const) {
    if (scheme.strategies.cells[cell] === undefined) issues.push(issue('scheme.strategy_missing', { params: { code: cell } }));
  }

  for (const award of scheme.awards) {
    for (const code of award.classes) {
      if (!classCodes.has(code)) issues.push(issue('scheme.award_class', { params: { award: award.code, code } }));
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  const measures = [...new Set(indicators.flatMap((indicator) => formulaReferences(indicator.formula)))];
  const plan: EvaluationPlan = {
    scheme,
    indicators,
    dimensions,
    segmentBy: scheme.weights.segmentBy,
    weightSets,
    measures,
  };
  return { ok: true, scheme, plan };
}

/** Validates and returns the plan, or throws IssuesError. */
export function planScheme(input: unknown): EvaluationPlan {
  const result = validateScheme(input);
  if (!result.ok) throw new IssuesError(result.issues);
  return result.plan;
}
