import { criticWeights, entropyWeights, IssuesError, issue, type Issue, type LocalizedText } from '@retail-value/core';
import { one, type Database } from '../db/database.js';
import { loadRun } from './run-store.js';

/** Weights a method gave, or the issues that kept it from giving any (e.g. no variation). */
export type MethodOutcome<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export interface ObjectiveWeightsPreview {
  readonly runId: string;
  readonly dimension: string;
  /** The run's segment whose customers were read (`all` for every customer). */
  readonly segment: string;
  readonly indicators: readonly { readonly code: string; readonly name: LocalizedText }[];
  /** Customers of the run in the segment. */
  readonly customers: number;
  /** Customers whose scores were read: all of them, or a deterministic sample of `sampleLimit`. */
  readonly sampled: number;
  readonly entropy: MethodOutcome<{ readonly weights: readonly number[]; readonly entropies: readonly number[] }>;
  readonly critic: MethodOutcome<{ readonly weights: readonly number[]; readonly stdDevs: readonly number[] }>;
}

export interface ObjectivePreviewOptions {
  readonly runId?: string | undefined;
  readonly dimension: string;
  /** A segment of the run (`urban`, `rural`, `all`); every customer when absent. */
  readonly segment?: string | undefined;
  readonly sampleLimit?: number | undefined;
}

export const OBJECTIVE_SAMPLE_LIMIT = 20_000;

function outcome<T>(compute: () => T): MethodOutcome<T> {
  try {
    return { ok: true, result: compute() };
  } catch (error) {
    if (error instanceof IssuesError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * Entropy and CRITIC weights of one dimension's indicators, computed by the
 * core's methods from the 0–100 scores a run stored — what an objective
 * weight spec would give those indicators, to judge before choosing it.
 * Scores are already oriented (a cost indicator's best score is 100), so
 * every criterion is a benefit one. Beyond `sampleLimit` customers a sample
 * is read, chosen by the MD5 of the customer id, so it does not change
 * between calls.
 */
export async function objectiveWeightsPreview(db: Database, options: ObjectivePreviewOptions): Promise<ObjectiveWeightsPreview> {
  const run = await loadRun(db, options.runId);
  const dimension = run.frozen.dimensions.find((found) => found.code === options.dimension);
  if (dimension === undefined) throw new IssuesError([issue('runs.dimension_not_in_run', { params: { run: run.runId, value: options.dimension } })]);
  const positions = dimension.indicators.map((code) => run.frozen.indicators.findIndex((indicator) => indicator.code === code));
  const limit = Math.max(2, Math.floor(options.sampleLimit ?? OBJECTIVE_SAMPLE_LIMIT));
  const segment = options.segment;
  if (segment !== undefined && run.frozen.weights[segment] === undefined) {
    throw new IssuesError([issue('runs.segment_not_in_run', { params: { run: run.runId, value: segment } })]);
  }
  const where = segment === undefined ? 'run_id = $1' : 'run_id = $1 AND segment = $2';
  const params = segment === undefined ? [run.runId] : [run.runId, segment];
  const total = await one<{ n: number }>(db, `SELECT count(*) AS n FROM run_results WHERE ${where}`, params);
  const columns = positions.map((position, index) => `${db.dialect.arrayElement('scores', position + 1)} AS s${index}`);
  const rows = await db.all(
    `SELECT ${columns.join(', ')} FROM run_results WHERE ${where}
     ORDER BY ${db.dialect.md5('customer_id')}, customer_id LIMIT ${limit}`,
    params,
  );
  const data = rows.map((row) => positions.map((_, index) => Number(row[`s${index}`] ?? 0)));
  const entropy = outcome(() => {
    const found = entropyWeights(data);
    return { weights: found.weights, entropies: found.entropies };
  });
  const critic = outcome(() => {
    const found = criticWeights(
      data,
      positions.map(() => '+' as const),
    );
    return { weights: found.weights, stdDevs: found.stdDevs };
  });
  return {
    runId: run.runId,
    dimension: dimension.code,
    segment: segment ?? 'all',
    indicators: dimension.indicators.map((code) => ({
      code,
      name: run.frozen.indicators.find((indicator) => indicator.code === code)?.name ?? { 'zh-CN': code, en: code },
    })),
    customers: total.n,
    sampled: data.length,
    entropy,
    critic,
  };
}
