/**
 * Returns f(point) and writes ∇f(point) into `gradient`. A point outside the
 * function's domain returns a non-finite value; the line search then steps
 * back, so objectives need no explicit bounds.
 */
export type DifferentiableObjective = (point: Float64Array, gradient: Float64Array) => number;

export interface BfgsOptions {
  /** Stop when every component of the gradient is at most this in magnitude. */
  readonly gradientTolerance?: number;
  /**
   * Stop when a step lowers the value by less than this fraction of it: the
   * gradient may still be above tolerance, but the value can no longer tell
   * better points from worse ones in double precision.
   */
  readonly valueTolerance?: number;
  readonly maxIterations?: number;
  /** Largest change of any coordinate in one step (the problems here are in log parameters). */
  readonly maxStep?: number;
}

export interface MinimizeResult {
  readonly point: readonly number[];
  readonly value: number;
  /** Largest gradient component at `point`. */
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
  /** True when the gradient tolerance was met; false when the iteration limit ran out or steps stopped improving the value first. */
  readonly converged: boolean;
}

const ARMIJO = 1e-4;
const CURVATURE = 0.9;
const MAX_LINE_SEARCH_STEPS = 30;

interface Trial {
  readonly step: number;
  readonly value: number;
  readonly slope: number;
  readonly point: Float64Array;
  readonly gradient: Float64Array;
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}

function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < left.length; i++) sum += left[i]! * right[i]!;
  return sum;
}

/**
 * Minimises a smooth function with the BFGS quasi-Newton method and a line
 * search for the strong Wolfe conditions (Nocedal & Wright, Numerical
 * Optimization, 2nd ed., Algorithms 6.1, 3.5 and 3.6). The inverse Hessian
 * starts as the identity, is rescaled after the first step by yᵀs / yᵀy
 * (their eq. 6.20), and an update is skipped when the curvature yᵀs is not
 * positive, so the search direction always descends.
 */
export function minimizeBfgs(objective: DifferentiableObjective, start: readonly number[], options: BfgsOptions = {}): MinimizeResult {
  const tolerance = options.gradientTolerance ?? 1e-9;
  const valueTolerance = options.valueTolerance ?? 1e-15;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 5;
  const size = start.length;
  let evaluations = 0;
  const evaluate = (point: Float64Array, gradient: Float64Array): number => {
    evaluations++;
    const value = objective(point, gradient);
    return Number.isFinite(value) && gradient.every(Number.isFinite) ? value : Number.POSITIVE_INFINITY;
  };

  let point: Float64Array = Float64Array.from(start);
  let gradient: Float64Array = new Float64Array(size);
  let value = evaluate(point, gradient);
  if (!Number.isFinite(value)) throw new RangeError('the objective is not finite at the starting point');
  const inverseHessian = identity(size);
  const direction = new Float64Array(size);
  let iterations = 0;
  let converged = maxAbs(gradient) <= tolerance;

  while (!converged && iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < size; i++) {
      let sum = 0;
      for (let j = 0; j < size; j++) sum -= inverseHessian[i]![j]! * gradient[j]!;
      direction[i] = sum;
    }
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Lost descent (rounding in H): restart from steepest descent.
      resetIdentity(inverseHessian);
      for (let i = 0; i < size; i++) direction[i] = -gradient[i]!;
      slope = dot(direction, gradient);
    }
    const stepLimit = maxStep / maxAbs(direction);
    // The first direction is the raw gradient: cap its step at one unit per coordinate.
    const firstStep = Math.min(iterations === 1 ? Math.min(1, 1 / maxAbs(direction)) : 1, stepLimit);
    const accepted = lineSearch(point, value, slope, direction, firstStep, stepLimit, valueTolerance, evaluate);
    if (accepted === undefined) break;

    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      s[i] = accepted.point[i]! - point[i]!;
      y[i] = accepted.gradient[i]! - gradient[i]!;
    }
    const curvature = dot(y, s);
    if (curvature > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 1) scaleIdentity(inverseHessian, curvature / dot(y, y));
      updateInverseHessian(inverseHessian, s, y, curvature);
    }
    const stalled = value - accepted.value <= valueTolerance * Math.abs(value);
    point = accepted.point;
    gradient = accepted.gradient;
    value = accepted.value;
    converged = maxAbs(gradient) <= tolerance;
    if (stalled) break;
  }
  return { point: [...point], value, gradientNorm: maxAbs(gradient), iterations, evaluations, converged };
}

function lineSearch(
  origin: Float64Array,
  value0: number,
  slope0: number,
  direction: Float64Array,
  firstStep: number,
  stepLimit: number,
  valueTolerance: number,
  evaluate: (point: Float64Array, gradient: Float64Array) => number,
): Trial | undefined {
  const trial = (step: number): Trial => {
    const point = new Float64Array(origin.length);
    for (let i = 0; i < origin.length; i++) point[i] = origin[i]! + step * direction[i]!;
    const gradient = new Float64Array(origin.length);
    const value = evaluate(point, gradient);
    return { step, value, slope: dot(gradient, direction), point, gradient };
  };
  const sufficient = (candidate: Trial): boolean => candidate.value <= value0 + ARMIJO * candidate.step * slope0;
  const flat = (candidate: Trial): boolean => Math.abs(candidate.slope) <= -CURVATURE * slope0;
  // Values equal to rounding: no search along this line can find a better point.
  const indistinguishable = (candidate: Trial): boolean => Math.abs(candidate.value - value0) <= valueTolerance * Math.abs(value0);

  let previous: Trial = { step: 0, value: value0, slope: slope0, point: origin, gradient: new Float64Array(0) };
  let step = firstStep;
  for (let attempt = 0; attempt < MAX_LINE_SEARCH_STEPS; attempt++) {
    const current = trial(step);
    if (indistinguishable(current)) return previous.step > 0 ? previous : undefined;
    if (!sufficient(current) || (attempt > 0 && current.value >= previous.value)) return zoom(previous, current);
    if (flat(current)) return current;
    if (current.slope >= 0) return zoom(current, previous);
    if (step >= stepLimit) return current;
    previous = current;
    step = Math.min(2 * step, stepLimit);
  }
  return undefined;

  function zoom(low: Trial, high: Trial): Trial | undefined {
    let best: Trial | undefined = low.step > 0 ? low : undefined;
    for (let attempt = 0; attempt < MAX_LINE_SEARCH_STEPS; attempt++) {
      const step = interpolate(low, high);
      const current = trial(step);
      if (indistinguishable(current)) return best;
      if (!sufficient(current) || current.value >= low.value) {
        high = current;
      } else {
        if (flat(current)) return current;
        if (current.slope * (high.step - low.step) >= 0) high = low;
        low = current;
        best = current;
      }
      if (Math.abs(high.step - low.step) <= 1e-10 * Math.max(1, low.step)) break;
    }
    return best;
  }
}

/** Minimiser of the quadratic through φ(low), φ'(low) and φ(high), kept inside the middle 80 % of the bracket; bisection when φ(high) is not finite. */
function interpolate(low: Trial, high: Trial): number {
  const width = high.step - low.step;
  let step = low.step + width / 2;
  if (Number.isFinite(high.value)) {
    const curvature = high.value - low.value - low.slope * width;
    if (curvature > 0) step = low.step - (low.slope * width * width) / (2 * curvature);
  }
  const lower = Math.min(low.step, high.step) + 0.1 * Math.abs(width);
  const upper = Math.max(low.step, high.step) - 0.1 * Math.abs(width);
  return Math.min(Math.max(step, lower), upper);
}

function identity(size: number): Float64Array[] {
  return Array.from({ length: size }, (_, i) => {
    const row = new Float64Array(size);
    row[i] = 1;
    return row;
  });
}

function resetIdentity(matrix: Float64Array[]): void {
  matrix.forEach((row, i) => {
    row.fill(0);
    row[i] = 1;
  });
}

function scaleIdentity(matrix: Float64Array[], scale: number): void {
  matrix.forEach((row, i) => {
    row.fill(0);
    row[i] = scale;
  });
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs (Nocedal & Wright eq. 6.17). */
function updateInverseHessian(matrix: Float64Array[], s: Float64Array, y: Float64Array, curvature: number): void {
  const size = s.length;
  const rho = 1 / curvature;
  const hy = new Float64Array(size);
  for (let i = 0; i < size; i++) hy[i] = dot(matrix[i]!, y);
  const yhy = dot(y, hy);
  for (let i = 0; i < size; i++) {
    const row = matrix[i]!;
    for (let j = 0; j < size; j++) {
      row[j] = row[j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!;
    }
  }
}
