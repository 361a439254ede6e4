import { issue, IssuesError, type Issue } from '../issues/issue.js';
import { ahpWeights } from '../weighting/ahp.js';
import { combineExpertMatrices } from '../weighting/combine-expert-matrices.js';
import { parsePairwiseValue } from '../weighting/parse-pairwise-value.js';
import type { WeightSpec } from './scheme-schema.js';

type SubjectiveSpec = Extract<WeightSpec, { method: 'direct' | 'ahp' }>;

export interface SubjectiveResult {
  readonly weights: readonly number[];
  /** Present for AHP: the consistency figures of the combined matrix. */
  readonly ahp?: { readonly lambdaMax: number; readonly ci: number; readonly cr: number };
}

/** The objective method a spec needs from the data, if any. */
export function objectiveMethod(spec: WeightSpec): 'entropy' | 'critic' | undefined {
  if (spec.method === 'entropy' || spec.method === 'critic') return spec.method;
  if (spec.method === 'combined') return spec.objective;
  return undefined;
}

function normalise(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => value / total);
}

/**
 * Weights of a direct or AHP spec over `children` (in that order). Problems
 * (missing or extra children, inconsistent AHP matrices) are pushed to
 * `issues` with `path` naming where in the scheme they are.
 */
export function subjectiveWeights(spec: SubjectiveSpec, children: readonly string[], path: string, issues: Issue[]): SubjectiveResult | undefined {
  if (spec.method === 'direct') {
    const keys = Object.keys(spec.values);
    const missing = children.filter((child) => !keys.includes(child));
    const extra = keys.filter((key) => !children.includes(key));
    if (missing.length > 0 || extra.length > 0) {
      issues.push(issue('scheme.weights_children', { params: { path, expected: children.join(', '), found: keys.join(', ') } }));
      return undefined;
    }
    const values = children.map((child) => spec.values[child] as number);
    if (values.reduce((sum, value) => sum + value, 0) <= 0) {
      issues.push(issue('scheme.weights_zero', { params: { path } }));
      return undefined;
    }
    return { weights: normalise(values) };
  }
  const order = spec.order;
  if (order.length !== children.length || children.some((child) => !order.includes(child))) {
    issues.push(issue('scheme.weights_children', { params: { path, expected: children.join(', '), found: order.join(', ') } }));
    return undefined;
  }
  let result: ReturnType<typeof ahpWeights>;
  try {
    const matrices: number[][][] = [];
    for (const matrix of spec.matrices) {
      if (matrix.length !== order.length || matrix.some((row) => row.length !== order.length)) {
        issues.push(issue('scheme.ahp_size', { params: { path, size: order.length } }));
        return undefined;
      }
      matrices.push(matrix.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : parsePairwiseValue(cell)))));
    }
    result = ahpWeights(matrices.length === 1 ? (matrices[0] as number[][]) : combineExpertMatrices(matrices));
  } catch (error) {
    if (!(error instanceof IssuesError)) throw error;
    // The matrix lives inside the scheme: its path there stands where a file name would.
    issues.push(...error.issues.map((found) => issue(found.code, { ...found, file: path, params: { ...found.params, path } })));
    return undefined;
  }
  if (!result.consistent) {
    issues.push(issue('scheme.ahp_inconsistent', { params: { path, cr: result.cr.toFixed(4) } }));
    return undefined;
  }
  const byChild = children.map((child) => result.weights[order.indexOf(child)] as number);
  return { weights: byChild, ahp: { lambdaMax: result.lambdaMax, ci: result.ci, cr: result.cr } };
}

/**
 * Final weights of any spec: subjective as is, objective from the data
 * (`objective`, computed by the engine), combined as
 * α·subjective + (1 − α)·objective.
 */
export function finalWeights(spec: WeightSpec, subjective: readonly number[] | undefined, objective: readonly number[] | undefined): number[] {
  if (spec.method === 'direct' || spec.method === 'ahp') return [...(subjective as readonly number[])];
  const data = objective as readonly number[];
  if (spec.method === 'entropy' || spec.method === 'critic') return [...data];
  const subject = subjective as readonly number[];
  return normalise(subject.map((weight, index) => spec.alpha * weight + (1 - spec.alpha) * (data[index] as number)));
}
