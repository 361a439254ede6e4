import { ahpWeights, combineExpertMatrices, IssuesError, parsePairwiseValue, type AhpResult, type Issue } from '@retail-value/core';

/** A judgment as a scheme stores it: a number (3, 0.5) or a fraction typed as text ("1/3"). */
export type Judgment = number | string;
export type JudgmentMatrix = readonly (readonly Judgment[])[];

/** How a judgment shows in its input: integers and fractions as typed, other numbers with up to 4 decimals. */
export function judgmentText(judgment: Judgment): string {
  if (typeof judgment === 'string') return judgment.trim().replace('／', '/');
  return Number.isInteger(judgment) ? String(judgment) : String(Number(judgment.toFixed(4)));
}

/** The number a judgment stands for, or undefined when it cannot be read. */
export function judgmentValue(judgment: Judgment): number | undefined {
  if (typeof judgment === 'number') return Number.isFinite(judgment) && judgment > 0 ? judgment : undefined;
  try {
    const value = parsePairwiseValue(judgment);
    return value > 0 ? value : undefined;
  } catch (error) {
    if (error instanceof IssuesError) return undefined;
    throw error;
  }
}

/**
 * The mirror judgment a_ji = 1/a_ij, written the way people write it: "3"
 * gives "1/3", "1/3" gives 3, "2/3" gives "3/2", 0.5 gives 2. Returns
 * undefined when the judgment cannot be read.
 */
export function reciprocal(judgment: Judgment): Judgment | undefined {
  const value = judgmentValue(judgment);
  if (value === undefined) return undefined;
  if (typeof judgment === 'string') {
    const fraction = /^\s*(\d+(?:\.\d+)?)\s*[/／]\s*(\d+(?:\.\d+)?)\s*$/.exec(judgment);
    if (fraction !== null) {
      const [numerator, denominator] = [fraction[1] as string, fraction[2] as string];
      return Number(numerator) === 1 ? Number(denominator) : `${denominator}/${numerator}`;
    }
  }
  if (Number.isInteger(value)) return value === 1 ? 1 : `1/${value}`;
  const inverse = 1 / value;
  return Number.isInteger(Number(inverse.toFixed(9))) ? Number(inverse.toFixed(9)) : Number(inverse.toFixed(4));
}

/** What a typed judgment is stored as: plain numbers as numbers, fractions and unreadable text as text. */
export function typedJudgment(text: string): Judgment {
  const trimmed = text.trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed.replace('／', '/');
}

/** The matrix with a_ij set as typed and a_ji set to its reciprocal (when it can be read); the diagonal stays 1. */
export function setJudgment(matrix: JudgmentMatrix, row: number, column: number, text: string): Judgment[][] {
  const next = matrix.map((cells) => [...cells]);
  if (row === column) return next;
  const judgment = typedJudgment(text);
  (next[row] as Judgment[])[column] = judgment;
  const mirror = reciprocal(judgment);
  if (mirror !== undefined) (next[column] as Judgment[])[row] = mirror;
  return next;
}

/** An n × n matrix of equal importance. */
export function equalMatrix(size: number): Judgment[][] {
  return Array.from({ length: size }, () => Array.from({ length: size }, () => 1 as Judgment));
}

export type AhpOutcome =
  | { readonly ok: true; readonly result: AhpResult }
  | { readonly ok: false; readonly cells: readonly { readonly expert: number; readonly row: number; readonly column: number }[]; readonly issues: readonly Issue[] };

/**
 * Weights, λmax, CI and CR of the experts' matrices (combined by geometric
 * mean when there are several), computed by the core as the server does.
 * Unreadable cells are returned by place rather than thrown.
 */
export function evaluateAhp(matrices: readonly JudgmentMatrix[]): AhpOutcome {
  const cells: { expert: number; row: number; column: number }[] = [];
  const numeric = matrices.map((matrix, expert) =>
    matrix.map((judgments, row) =>
      judgments.map((judgment, column) => {
        const value = judgmentValue(judgment);
        if (value === undefined) cells.push({ expert, row, column });
        return value ?? Number.NaN;
      }),
    ),
  );
  if (cells.length > 0) return { ok: false, cells, issues: [] };
  try {
    const matrix = numeric.length === 1 ? (numeric[0] as number[][]) : combineExpertMatrices(numeric);
    return { ok: true, result: ahpWeights(matrix) };
  } catch (error) {
    if (error instanceof IssuesError) return { ok: false, cells: [], issues: error.issues };
    throw error;
  }
}
