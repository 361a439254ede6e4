import {
  customIndicatorSchema,
  DIMENSIONS,
  INDICATOR_LIBRARY,
  indicatorByCode,
  IssuesError,
  MEASURE_CODES,
  parseFormula,
  VALUE_SIDES,
  type CustomIndicator,
  type DimensionCode,
  type IndicatorChoice,
  type IndicatorDefinition,
  type Issue,
  type Normalization,
  type Scheme,
  type WeightSpec,
} from '@retail-value/core';

type SubjectiveSpec = Extract<WeightSpec, { method: 'direct' | 'ahp' }>;

/** Direct weights are stored rounded to this many decimals after an indicator is added or removed. */
const DIRECT_DECIMALS = 6;
const rounded = (value: number): number => Number(value.toFixed(DIRECT_DECIMALS));

/** Shares summing to 1 (equal shares when every value is 0). */
function normalised(values: Readonly<Record<string, number>>, children: readonly string[]): Record<string, number> {
  const total = children.reduce((sum, child) => sum + (values[child] ?? 0), 0);
  return Object.fromEntries(children.map((child) => [child, rounded(total > 0 ? (values[child] ?? 0) / total : 1 / children.length)]));
}

/**
 * A subjective spec weighing `child` too. Direct: the newcomer gets the
 * mean share of the others (1 / n of the normalised weights), then all are
 * renormalised to sum 1, so the others keep their proportions. AHP: every
 * expert's matrix gains a row and column of 1 (equally important as each
 * of the others).
 */
function subjectiveWithChild(spec: SubjectiveSpec, children: readonly string[], child: string): SubjectiveSpec {
  if (spec.method === 'direct') {
    const shares = normalised(spec.values, children);
    const mean = children.length === 0 ? 1 : children.reduce((sum, code) => sum + (shares[code] ?? 0), 0) / children.length;
    return { method: 'direct', values: normalised({ ...shares, [child]: mean }, [...children, child]) };
  }
  return {
    method: 'ahp',
    order: [...spec.order, child],
    matrices: spec.matrices.map((matrix) => [...matrix.map((row) => [...row, 1]), [...spec.order, child].map(() => 1)]),
  };
}

/** A subjective spec without `child`. Direct: its entry goes and the rest are renormalised to sum 1. AHP: its row and column go from every matrix. */
function subjectiveWithoutChild(spec: SubjectiveSpec, children: readonly string[], child: string): SubjectiveSpec {
  if (spec.method === 'direct') {
    const rest = children.filter((code) => code !== child);
    return { method: 'direct', values: normalised(spec.values, rest) };
  }
  const index = spec.order.indexOf(child);
  if (index < 0) return spec;
  const keep = <T>(cells: readonly T[]): T[] => cells.filter((_, position) => position !== index);
  return { method: 'ahp', order: keep(spec.order), matrices: spec.matrices.map((matrix) => keep(matrix).map((row) => keep(row))) };
}

/** A weight spec over `children` + `child`: the subjective part gains it (see subjectiveWithChild); entropy and CRITIC need nothing. */
export function specWithChild(spec: WeightSpec, children: readonly string[], child: string): WeightSpec {
  if (spec.method === 'direct' || spec.method === 'ahp') return subjectiveWithChild(spec, children, child);
  if (spec.method === 'combined') return { ...spec, subjective: subjectiveWithChild(spec.subjective, children, child) };
  return spec;
}

/** A weight spec over `children` without `child`. */
export function specWithoutChild(spec: WeightSpec, children: readonly string[], child: string): WeightSpec {
  if (spec.method === 'direct' || spec.method === 'ahp') return subjectiveWithoutChild(spec, children, child);
  if (spec.method === 'combined') return { ...spec, subjective: subjectiveWithoutChild(spec.subjective, children, child) };
  return spec;
}

/** How a newly added indicator is scored until the analyst says otherwise: min-max within the 1st–99th percentile, against everyone, missing values at the median. */
export function defaultChoice(code: string): IndicatorChoice {
  return { code, normalization: { method: 'minmax', winsor: [0.01, 0.99] }, scope: 'all', missing: 'median' };
}

/**
 * Library indicators the scheme could add: not used yet, and of a
 * dimension the scheme already has (a new dimension would also need
 * weights on its side's level, so dimensions are not added here).
 */
export function addableIndicators(scheme: Scheme): IndicatorDefinition[] {
  const used = new Set([...scheme.indicators.map((choice) => choice.code), ...scheme.customIndicators.map((custom) => custom.code)]);
  const dimensions = new Set<DimensionCode>(scheme.dimensions.map((dimension) => dimension.code));
  return INDICATOR_LIBRARY.filter((definition) => !used.has(definition.code) && dimensions.has(definition.dimension));
}

export type IndicatorEdit =
  | { readonly ok: true; readonly scheme: Scheme }
  | { readonly ok: false; readonly reason: 'unknown' | 'used' | 'no_dimension' | 'last_in_dimension' | 'invalid' | 'code_changed' | 'dimension_changed' };

/** Applies `change` to the indicator level of `dimension` in every weight set (urban and rural, or the one for all). */
function withDimensionSpecs(scheme: Scheme, dimension: DimensionCode, change: (spec: WeightSpec) => WeightSpec): Scheme['weights'] {
  const sets = Object.fromEntries(
    Object.entries(scheme.weights.sets).map(([segment, set]) => {
      const spec = set.indicators[dimension];
      return [segment, spec === undefined ? set : { ...set, indicators: { ...set.indicators, [dimension]: change(spec) } }];
    }),
  );
  return { ...scheme.weights, sets };
}

/** A copy of the scheme with `code` appended to `dimension`, scored with defaultChoice and weighed in every set. */
function withIndicatorIn(scheme: Scheme, dimension: Scheme['dimensions'][number], code: string): Scheme {
  const next = structuredClone(scheme);
  next.indicators = [...next.indicators, defaultChoice(code)];
  next.dimensions = next.dimensions.map((found) => (found.code === dimension.code ? { ...found, indicators: [...found.indicators, code] } : found));
  next.weights = withDimensionSpecs(next, dimension.code, (spec) => specWithChild(spec, dimension.indicators, code));
  return next;
}

/** Whether the scheme already uses `code` as an indicator (chosen, grouped or defined as its own). */
function usedInScheme(scheme: Scheme, code: string): boolean {
  return (
    scheme.indicators.some((choice) => choice.code === code) ||
    scheme.dimensions.some((dimension) => dimension.indicators.includes(code)) ||
    scheme.customIndicators.some((custom) => custom.code === code)
  );
}

/** A copy of the scheme using library indicator `code` too, at the end of its dimension, with defaultChoice and weights in every set. */
export function addIndicator(scheme: Scheme, code: string): IndicatorEdit {
  const definition = indicatorByCode(code);
  if (definition === undefined) return { ok: false, reason: 'unknown' };
  if (usedInScheme(scheme, code)) return { ok: false, reason: 'used' };
  const dimension = scheme.dimensions.find((found) => found.code === definition.dimension);
  if (dimension === undefined) return { ok: false, reason: 'no_dimension' };
  return { ok: true, scheme: withIndicatorIn(scheme, dimension, code) };
}

/** Codes the scheme page names otherwise (the composite score, sides, dimensions), so an own indicator may not take them. */
const RESERVED_CODES: ReadonlySet<string> = new Set(['composite', ...VALUE_SIDES, ...DIMENSIONS]);

/**
 * What is wrong with `code` as the code of a new custom indicator: not of
 * the schema's form (a lowercase letter, then 1–40 lowercase letters,
 * digits or `_`), reserved for a side or dimension, a library indicator's,
 * or already used by the scheme.
 */
export function customCodeProblem(scheme: Scheme, code: string): 'pattern' | 'reserved' | 'library' | 'used' | undefined {
  if (!customIndicatorSchema.shape.code.safeParse(code).success) return 'pattern';
  if (RESERVED_CODES.has(code)) return 'reserved';
  if (indicatorByCode(code) !== undefined) return 'library';
  if (usedInScheme(scheme, code)) return 'used';
  return undefined;
}

/** The core parser's complaint about a formula over the measure catalog (with its 1-based `position` in `params`), or undefined when it parses. */
export function formulaIssue(formula: string): Issue | undefined {
  try {
    parseFormula(formula, MEASURE_CODES);
    return undefined;
  } catch (error) {
    if (error instanceof IssuesError && error.issues[0] !== undefined) return error.issues[0];
    throw error;
  }
}

/**
 * A copy of the scheme with `custom` among its own indicators and used like
 * a library indicator that was added: at the end of its dimension, with
 * defaultChoice and weights in every set (see addIndicator).
 */
export function addCustomIndicator(scheme: Scheme, custom: CustomIndicator): IndicatorEdit {
  const shape = customIndicatorSchema.safeParse(custom);
  if (!shape.success || formulaIssue(custom.formula) !== undefined) return { ok: false, reason: 'invalid' };
  const problem = customCodeProblem(scheme, custom.code);
  if (problem === 'library' || problem === 'used') return { ok: false, reason: 'used' };
  if (problem !== undefined) return { ok: false, reason: 'invalid' };
  const dimension = scheme.dimensions.find((found) => found.code === custom.dimension);
  if (dimension === undefined) return { ok: false, reason: 'no_dimension' };
  const next = withIndicatorIn(scheme, dimension, custom.code);
  next.customIndicators = [...next.customIndicators, shape.data];
  return { ok: true, scheme: next };
}

/**
 * A copy of the scheme with the definition of its own indicator `code`
 * replaced by `custom` (names, units, direction, formula, definition), in
 * the same place among `customIndicators`. Nothing else changes: the
 * indicator keeps its place in its dimension, its weights in every set
 * (AHP matrices too) and its normalisation, peers and missing-value score.
 * The code is the indicator's identity (weights, choices and stored runs
 * refer to it) and its dimension fixes its weights, so neither may change;
 * moving an indicator to another dimension is removing and adding it.
 */
export function updateCustomIndicator(scheme: Scheme, code: string, custom: CustomIndicator): IndicatorEdit {
  const index = scheme.customIndicators.findIndex((found) => found.code === code);
  const current = scheme.customIndicators[index];
  if (current === undefined) return { ok: false, reason: 'unknown' };
  if (custom.code !== code) return { ok: false, reason: 'code_changed' };
  if (custom.dimension !== current.dimension) return { ok: false, reason: 'dimension_changed' };
  const shape = customIndicatorSchema.safeParse(custom);
  if (!shape.success || formulaIssue(custom.formula) !== undefined) return { ok: false, reason: 'invalid' };
  const next = structuredClone(scheme);
  next.customIndicators = next.customIndicators.map((found, position) => (position === index ? shape.data : found));
  return { ok: true, scheme: next };
}

/** A copy of the scheme without indicator `code`, its weights and (for one of the scheme's own) its definition; the last indicator of a dimension cannot go. */
export function removeIndicator(scheme: Scheme, code: string): IndicatorEdit {
  const dimension = scheme.dimensions.find((found) => found.indicators.includes(code));
  if (dimension === undefined) return { ok: false, reason: 'unknown' };
  if (dimension.indicators.length <= 1) return { ok: false, reason: 'last_in_dimension' };
  const next = structuredClone(scheme);
  next.indicators = next.indicators.filter((choice) => choice.code !== code);
  next.customIndicators = next.customIndicators.filter((custom) => custom.code !== code);
  next.dimensions = next.dimensions.map((found) => (found.code === dimension.code ? { ...found, indicators: found.indicators.filter((child) => child !== code) } : found));
  next.weights = withDimensionSpecs(next, dimension.code, (spec) => specWithoutChild(spec, dimension.indicators, code));
  return { ok: true, scheme: next };
}

/** A copy of the scheme with one indicator's normalisation, peer scope and missing-value policy replaced. */
export function withChoice(scheme: Scheme, choice: IndicatorChoice): Scheme {
  const next = structuredClone(scheme);
  next.indicators = next.indicators.map((found) => (found.code === choice.code ? structuredClone(choice) : found));
  return next;
}

/** A starting normalisation for `method`, keeping the current one when it already is that method. */
export function normalizationForMethod(method: Normalization['method'], current: Normalization): Normalization {
  if (current.method === method) return current;
  switch (method) {
    case 'minmax':
      return { method, winsor: [0.01, 0.99] };
    case 'percentile':
      return { method };
    case 'zscore':
      return { method, clip: 3 };
    case 'piecewise':
      return { method, points: [{ min: 1, score: 100 }, { min: 0.5, score: 60 }], otherwise: 0 };
    case 'target':
      return { method, target: 1, cap: 100 };
  }
}

/** Piecewise points as the core reads them: sorted by `min`, highest first. */
export function sortedPoints(normalization: Normalization): Normalization {
  if (normalization.method !== 'piecewise') return normalization;
  return { ...normalization, points: [...normalization.points].sort((a, b) => b.min - a.min) };
}
