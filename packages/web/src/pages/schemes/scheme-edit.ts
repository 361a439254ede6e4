import { DIMENSION_INFO, subjectiveWeights, type DimensionCode, type Issue, type Scheme, type ValueSide, type WeightSpec } from '@retail-value/core';
import { equalMatrix, evaluateAhp, type JudgmentMatrix } from './pairwise.js';

/** One level of the weight hierarchy: the two sides, the dimensions of a side, or the indicators of a dimension. */
export type LevelKey = { readonly kind: 'sides' } | { readonly kind: 'side'; readonly side: ValueSide } | { readonly kind: 'dimension'; readonly dimension: DimensionCode };

export type WeightMethod = WeightSpec['method'];
type SubjectiveSpec = Extract<WeightSpec, { method: 'direct' | 'ahp' }>;

export function levelId(level: LevelKey): string {
  return level.kind === 'sides' ? 'sides' : level.kind === 'side' ? `side:${level.side}` : `dimension:${level.dimension}`;
}

/** The segments a scheme weighs apart: urban and rural, or everyone together. */
export function segmentsOf(scheme: Scheme): string[] {
  return scheme.weights.segmentBy === 'market' ? ['urban', 'rural'] : ['all'];
}

/** The codes a level weighs, in the scheme's order. */
export function childrenOf(scheme: Scheme, level: LevelKey): string[] {
  if (level.kind === 'sides') return ['current', 'potential'];
  if (level.kind === 'side') return scheme.dimensions.filter((dimension) => DIMENSION_INFO[dimension.code].side === level.side).map((dimension) => dimension.code);
  return [...(scheme.dimensions.find((dimension) => dimension.code === level.dimension)?.indicators ?? [])];
}

export function specOf(scheme: Scheme, segment: string, level: LevelKey): WeightSpec | undefined {
  const set = scheme.weights.sets[segment];
  if (set === undefined) return undefined;
  if (level.kind === 'sides') return set.sides;
  if (level.kind === 'side') return set.dimensions[level.side];
  return set.indicators[level.dimension];
}

/** A copy of the scheme with one level's spec replaced. */
export function withSpec(scheme: Scheme, segment: string, level: LevelKey, spec: WeightSpec): Scheme {
  const next = structuredClone(scheme);
  const set = next.weights.sets[segment];
  if (set === undefined) return next;
  if (level.kind === 'sides') set.sides = spec;
  else if (level.kind === 'side') set.dimensions[level.side] = spec;
  else set.indicators[level.dimension] = spec;
  return next;
}

/**
 * A copy of the scheme weighing urban and rural customers apart (each
 * starting from the common set) or together (starting from the urban set).
 */
export function withSegmentBy(scheme: Scheme, segmentBy: Scheme['weights']['segmentBy']): Scheme {
  if (scheme.weights.segmentBy === segmentBy) return scheme;
  const next = structuredClone(scheme);
  const sets = scheme.weights.sets;
  if (segmentBy === 'market') {
    const common = sets.all ?? Object.values(sets)[0];
    if (common === undefined) return next;
    next.weights = { segmentBy, sets: { urban: structuredClone(common), rural: structuredClone(common) } };
  } else {
    const first = sets.urban ?? Object.values(sets)[0];
    if (first === undefined) return next;
    next.weights = { segmentBy, sets: { all: structuredClone(first) } };
  }
  return next;
}

/** The subjective part of a spec (direct or AHP), if it has one. */
export function subjectivePart(spec: WeightSpec): SubjectiveSpec | undefined {
  if (spec.method === 'direct' || spec.method === 'ahp') return spec;
  if (spec.method === 'combined') return spec.subjective;
  return undefined;
}

/** The weights a subjective spec gives its children (normalised), or undefined when they cannot be computed yet. */
export function subjectiveOf(spec: WeightSpec, children: readonly string[]): readonly number[] | undefined {
  const subjective = subjectivePart(spec);
  if (subjective === undefined) return undefined;
  const scratch: Issue[] = [];
  return subjectiveWeights(subjective, children, '', scratch)?.weights;
}

function equalDirect(children: readonly string[]): SubjectiveSpec {
  return { method: 'direct', values: Object.fromEntries(children.map((child) => [child, Number((1 / Math.max(1, children.length)).toFixed(4))])) };
}

/** A sensible spec for `method`, carrying over what the current spec already says (its subjective weights, α). */
export function specForMethod(method: WeightMethod, current: WeightSpec, children: readonly string[]): WeightSpec {
  const subjective = subjectivePart(current);
  const weights = subjectiveOf(current, children);
  const direct: SubjectiveSpec =
    subjective?.method === 'direct'
      ? subjective
      : weights === undefined
        ? equalDirect(children)
        : { method: 'direct', values: Object.fromEntries(children.map((child, index) => [child, Number((weights[index] ?? 0).toFixed(4))])) };
  switch (method) {
    case 'direct':
      return direct;
    case 'ahp':
      return subjective?.method === 'ahp' ? subjective : { method: 'ahp', order: [...children], matrices: [equalMatrix(children.length)] };
    case 'entropy':
    case 'critic':
      return { method };
    case 'combined':
      return {
        method: 'combined',
        alpha: current.method === 'combined' ? current.alpha : 0.5,
        subjective: subjective ?? direct,
        objective: current.method === 'entropy' || current.method === 'critic' ? current.method : current.method === 'combined' ? current.objective : 'critic',
      };
  }
}

export interface AhpProblem {
  readonly segment: string;
  readonly level: LevelKey;
  /** CR when it could be computed; undefined when a judgment cannot be read or the matrix is not a comparison matrix. */
  readonly cr: number | undefined;
}

/** Every AHP matrix of the scheme (alone or inside a combined spec) that is unreadable or has CR ≥ 0.1. */
export function ahpProblems(scheme: Scheme): AhpProblem[] {
  const problems: AhpProblem[] = [];
  for (const segment of segmentsOf(scheme)) {
    const levels: LevelKey[] = [
      { kind: 'sides' },
      { kind: 'side', side: 'current' },
      { kind: 'side', side: 'potential' },
      ...scheme.dimensions.map((dimension) => ({ kind: 'dimension' as const, dimension: dimension.code })),
    ];
    for (const level of levels) {
      const spec = specOf(scheme, segment, level);
      const subjective = spec === undefined ? undefined : subjectivePart(spec);
      if (subjective?.method !== 'ahp') continue;
      const outcome = evaluateAhp(subjective.matrices as readonly JudgmentMatrix[]);
      if (!outcome.ok) problems.push({ segment, level, cr: undefined });
      else if (!outcome.result.consistent) problems.push({ segment, level, cr: outcome.result.cr });
    }
  }
  return problems;
}

