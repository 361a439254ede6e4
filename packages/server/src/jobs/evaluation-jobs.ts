import { randomUUID } from 'node:crypto';
import { IssuesError, t, type EvaluationJob, type Issue, type Locale, type SchemeInput } from '@retail-value/core';
import { evaluate, recordAudit, type Database } from '@retail-value/engine';
import { apiIssues } from '../http/api-issues.js';
import { HttpProblem } from '../http/http-problem.js';

export interface EvaluationRequest {
  readonly period: string;
  readonly asOf: string | undefined;
  readonly windowWeeks: number | undefined;
  /** The scheme document to evaluate with, resolved before the job starts. */
  readonly scheme: SchemeInput;
  readonly schemeId: string;
}

interface JobState {
  readonly jobId: string;
  readonly request: EvaluationRequest;
  readonly startedBy: string;
  readonly startedAt: string;
  status: EvaluationJob['status'];
  progress: number;
  step: string | null;
  finishedAt: string | null;
  runId: string | null;
  customers: number | null;
  seconds: number | null;
  /** Kept as data, rendered in each caller's language when asked. */
  issues: readonly Issue[] | null;
  unexpected: string | null;
}

/** Finished jobs kept for their status; the oldest go first. */
const KEPT_JOBS = 20;

/**
 * Evaluations started over HTTP, one at a time per server. Each runs in
 * the background on its own database connection (evaluate's temporary
 * tables and statements never interleave with the requests served
 * meanwhile), reports its step and share done, and ends done with its run
 * or failed with its issues. Jobs live in memory: a restart forgets them,
 * while the runs they made stay in the database.
 */
export class EvaluationJobs {
  readonly #db: Database;
  readonly #now: () => Date;
  readonly #jobs = new Map<string, JobState>();
  #running: JobState | undefined;
  /** The running job's work, including its audit entry. */
  #work: Promise<void> = Promise.resolve();

  constructor(db: Database, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /** Refuses with 409 while a job runs: for work that must not change the runs under it. */
  assertIdle(): void {
    if (this.#running !== undefined) throw new HttpProblem(409, 'runs.evaluation_running', { params: { jobId: this.#running.jobId } });
  }

  /** Starts a job, or refuses with 409 while another runs. Resolves once the job is under way. */
  async start(request: EvaluationRequest, startedBy: string): Promise<string> {
    if (this.#running !== undefined) throw new HttpProblem(409, 'runs.evaluation_running', { params: { jobId: this.#running.jobId } });
    const job: JobState = {
      jobId: randomUUID(),
      request,
      startedBy,
      startedAt: this.#now().toISOString(),
      status: 'running',
      progress: 0,
      step: null,
      finishedAt: null,
      runId: null,
      customers: null,
      seconds: null,
      issues: null,
      unexpected: null,
    };
    this.#running = job;
    this.#jobs.set(job.jobId, job);
    this.#forgetOld();
    try {
      const connection = await this.#db.connect();
      this.#work = this.#run(job, connection);
    } catch (error) {
      this.#running = undefined;
      this.#jobs.delete(job.jobId);
      throw error;
    }
    return job.jobId;
  }

  /** Resolves when the running job, if any, has finished and been audited (for tests and shutdown). */
  idle(): Promise<void> {
    return this.#work;
  }

  get(jobId: string, locale: Locale): EvaluationJob | undefined {
    const job = this.#jobs.get(jobId);
    return job === undefined ? undefined : view(job, locale);
  }

  list(locale: Locale): EvaluationJob[] {
    return [...this.#jobs.values()].reverse().map((job) => view(job, locale));
  }

  async #run(job: JobState, connection: Database): Promise<void> {
    const { request } = job;
    try {
      const result = await evaluate(connection, {
        period: request.period,
        asOf: request.asOf,
        windowWeeks: request.windowWeeks,
        scheme: request.scheme,
        onProgress: (step, done) => {
          job.step = step;
          job.progress = done;
        },
      });
      Object.assign(job, { status: 'done', progress: 1, runId: result.runId, customers: result.customers, seconds: result.seconds });
    } catch (error) {
      if (error instanceof IssuesError) job.issues = error.issues;
      else {
        console.error(error);
        job.unexpected = error instanceof Error ? error.name : 'Error';
      }
      job.status = 'failed';
    } finally {
      job.finishedAt = this.#now().toISOString();
      await connection.close().catch((error: unknown) => console.error(error));
      this.#running = undefined;
    }
    await recordAudit(
      this.#db,
      {
        username: job.startedBy,
        action: 'evaluation.finish',
        target: job.runId ?? request.period,
        detail: {
          jobId: job.jobId,
          status: job.status,
          runId: job.runId,
          customers: job.customers,
          issues: job.issues?.map((found) => found.code) ?? (job.unexpected === null ? null : ['error.unexpected']),
        },
      },
      this.#now(),
    ).catch((error: unknown) => console.error(error));
  }

  #forgetOld(): void {
    const finished = [...this.#jobs.values()].filter((job) => job.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS))) this.#jobs.delete(job.jobId);
  }
}

function view(job: JobState, locale: Locale): EvaluationJob {
  const error =
    job.status !== 'failed'
      ? null
      : job.unexpected !== null
        ? { code: 'error.unexpected', message: t(locale, 'error.unexpected', { message: job.unexpected }), issues: [] }
        : { code: 'runs.evaluation_failed', message: t(locale, 'runs.evaluation_failed'), issues: apiIssues(job.issues ?? [], locale) };
  return {
    jobId: job.jobId,
    status: job.status,
    progress: job.progress,
    step: job.step,
    period: job.request.period,
    asOf: job.request.asOf ?? null,
    windowWeeks: job.request.windowWeeks ?? null,
    schemeId: job.request.schemeId,
    startedBy: job.startedBy,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    runId: job.runId,
    customers: job.customers,
    seconds: job.seconds,
    error,
  };
}
