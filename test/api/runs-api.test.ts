import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE, type ComparisonDto, type EvaluationJob, type RunDetail, type RunSummaryDto } from '@retail-value/core';
import { compareRuns, listAudit } from '@retail-value/engine';
import { apiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;
const EARLIER = '2026Q3-001';
const LATER = '2026Q3-002';

beforeAll(async () => {
  harness = await apiHarness([{ period: '2026Q3', asOf: '2026-08-31' }, { period: '2026Q3' }]);
});
afterAll(async () => harness.close());

async function poll(h: ApiHarness, jobId: string, headers: Record<string, string> = {}): Promise<EvaluationJob> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const { body } = await h.json<EvaluationJob>('analyst', `/api/evaluations/${jobId}`, { headers });
    if (body.status !== 'running') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function workbook(response: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

describe('GET /api/runs and /api/runs/{id}', () => {
  it('lists runs newest first, with customers counted in the caller’s scope', async () => {
    const admin = await harness.json<{ runs: RunSummaryDto[] }>('admin', '/api/runs');
    expect(admin.body.runs.map((run) => [run.runId, run.customers])).toEqual([
      [LATER, 60],
      [EARLIER, 60],
    ]);
    expect(admin.body.runs[0]).toMatchObject({ period: '2026Q3', asOf: '2026-09-30', windowWeeks: 13, schemeId: 'default', schemeVersion: 1 });
    const district = await harness.json<{ runs: RunSummaryDto[] }>('district', '/api/runs');
    expect(district.body.runs.map((run) => run.customers)).toEqual([30, 30]);
    expect((await harness.call('manager', '/api/runs')).status).toBe(403);
  });

  it('gives a run’s frozen thresholds, weights, CLV validation and step timings, and its counts in scope', async () => {
    const { status, body } = await harness.json<RunDetail>('analyst', `/api/runs/${LATER}`);
    expect(status).toBe(200);
    expect(body.scheme).toMatchObject({ schemeId: 'default', version: 1 });
    expect(body.scheme.name?.['zh-CN']).toBe('默认评价方案（核心/重要/常规）');
    expect(body.window).toMatchObject({ asOf: '2026-09-30', weeks: 13 });
    expect(body.counts.customers).toBe(60);
    expect(Object.values(body.counts.valueCells).reduce((sum, n) => sum + n, 0)).toBe(60);
    expect(body.thresholds.current.all).toEqual(expect.any(Number));
    expect(body.valueMatrix.current.method).toBe('median');
    expect(Object.keys(body.weights).sort()).toEqual(['rural', 'urban']);
    expect(body.weights.urban!.sides.current).toBeCloseTo(0.6, 10);
    expect(body.lifetimeValue.validation.holdoutWeeks).toBe(13);
    expect(body.steps.map((step) => step.step)).toEqual(['orders', 'clv', 'measures', 'bounds', 'scores', 'weights', 'classes', 'thresholds', 'results', 'fingerprint']);
    expect(body.indicators.find((indicator) => indicator.code === 'order_rate')?.normalization).toBe('piecewise');
    expect(body.classes[0]).toMatchObject({ code: 'core', quota: 0.15, minCreditGrade: 'AA' });
    const district = await harness.json<RunDetail>('district', `/api/runs/${LATER}`);
    expect(district.body.counts.customers).toBe(30);
    expect(district.body.run.customers).toBe(30);
  });

  it('answers 404 for an unknown run in the request’s language', async () => {
    const zh = await harness.json<{ error: { message: string } }>('admin', '/api/runs/2020Q1-001');
    expect(zh.status).toBe(404);
    expect(zh.body.error.message).toBe('未找到评价批次“2020Q1-001”');
    const en = await harness.json<{ error: { message: string } }>('admin', '/api/runs/2020Q1-001', { headers: { 'Accept-Language': 'en' } });
    expect(en.body.error.message).toBe('evaluation run "2020Q1-001" not found');
  });

  it('exports the run list as XLSX with headers in the request’s language', async () => {
    const response = await harness.call('district', '/api/runs/export?lang=en');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(XLSX_MEDIA_TYPE);
    expect(response.headers.get('Content-Disposition')).toContain("filename*=UTF-8''evaluation-runs.xlsx");
    const sheet = (await workbook(response)).worksheets[0]!;
    expect(sheet.name).toBe('runs');
    expect(sheet.getRow(1).getCell(1).value).toBe('run');
    expect(sheet.getRow(2).getCell(1).value).toBe(LATER);
    expect(sheet.getRow(2).getCell(8).value).toBe(30);
    expect(sheet.rowCount).toBe(3);
    const zh = await harness.call('admin', '/api/runs/export');
    expect(zh.headers.get('Content-Disposition')).toContain(encodeURIComponent('评价批次列表.xlsx'));
    expect((await workbook(zh)).worksheets[0]!.getRow(1).getCell(1).value).toBe('批次');
  });
});

describe('POST /api/evaluations', () => {
  it('runs an evaluation in the background, reports its progress and the run it made, and audits it', async () => {
    const started = await harness.json<{ jobId: string }>('analyst', '/api/evaluations', {
      method: 'POST',
      body: { period: '2026Q3', asOf: '2026-09-15', windowWeeks: 8 },
    });
    expect(started.status).toBe(202);
    // One evaluation at a time.
    const second = await harness.json<{ error: { code: string; message: string } }>('admin', '/api/evaluations', { method: 'POST', body: { period: '2026Q3' } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('runs.evaluation_running');
    expect(second.body.error.message).toContain(started.body.jobId);

    const job = await poll(harness, started.body.jobId);
    expect(job).toMatchObject({ status: 'done', progress: 1, step: 'fingerprint', runId: '2026Q3-003', customers: 60, period: '2026Q3', asOf: '2026-09-15', windowWeeks: 8, startedBy: 'analyst', error: null });
    const run = await harness.json<RunDetail>('admin', '/api/runs/2026Q3-003');
    expect(run.body.window).toMatchObject({ asOf: '2026-09-15', weeks: 8 });
    const listed = await harness.json<{ jobs: EvaluationJob[] }>('admin', '/api/evaluations');
    expect(listed.body.jobs[0]?.jobId).toBe(started.body.jobId);

    const audit = await listAudit(harness.db, { limit: 10, offset: 0 });
    const actions = audit.entries.filter((entry) => entry.action.startsWith('evaluation.'));
    expect(actions.map((entry) => [entry.action, entry.username, entry.target])).toEqual([
      ['evaluation.finish', 'analyst', '2026Q3-003'],
      ['evaluation.start', 'analyst', '2026Q3'],
    ]);
    expect(actions[1]?.detail).toMatchObject({ jobId: started.body.jobId, asOf: '2026-09-15', windowWeeks: 8, schemeId: 'default' });
  });

  it('evaluates with a preset or a stored version when asked', async () => {
    const started = await harness.json<{ jobId: string }>('admin', '/api/evaluations', { method: 'POST', body: { period: '2026Q3', schemeId: 'core-general-problem' } });
    expect(started.status).toBe(202);
    const job = await poll(harness, started.body.jobId);
    expect(job.status).toBe('done');
    const run = await harness.json<RunDetail>('admin', `/api/runs/${job.runId}`);
    expect(run.body.scheme.schemeId).toBe('core-general-problem');
    expect(run.body.classes.map((found) => found.code)).toEqual(['core', 'general', 'problem']);
    const missing = await harness.json<{ error: { code: string } }>('admin', '/api/evaluations', { method: 'POST', body: { period: '2026Q3', schemeId: 'default', schemeVersion: 99 } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('scheme.not_found');
  });

  it('refuses bad input at once, in the request’s language, and other roles', async () => {
    const period = await harness.json<{ error: { issues: { code: string; message: string }[] } }>('analyst', '/api/evaluations', {
      method: 'POST',
      body: { period: '2026Q5' },
    });
    expect(period.status).toBe(400);
    expect(period.body.error.issues[0]).toMatchObject({ code: 'evaluation.period_invalid' });
    expect(period.body.error.issues[0]?.message).toContain('评价期“2026Q5”无效');
    const weeks = await harness.json<{ error: { issues: { path: string }[] } }>('analyst', '/api/evaluations?lang=en', { method: 'POST', body: { period: '2026Q3', windowWeeks: 2 } });
    expect(weeks.status).toBe(400);
    expect(weeks.body.error.issues[0]?.path).toBe('body.windowWeeks');
    expect((await harness.call('district', '/api/evaluations', { method: 'POST', body: { period: '2026Q3' } })).status).toBe(403);
    expect((await harness.call('analyst', '/api/evaluations', { method: 'POST', body: { period: '2026Q3' }, csrf: false })).status).toBe(403);
    expect((await harness.call(null, '/api/evaluations', { method: 'POST', body: { period: '2026Q3' } })).status).toBe(401);
  });

  it('reports a failed evaluation with its issues in the caller’s language', async () => {
    const empty = await apiHarness([], false);
    try {
      const started = await empty.json<{ jobId: string }>('admin', '/api/evaluations', { method: 'POST', body: { period: '2026Q3' } });
      expect(started.status).toBe(202);
      await poll(empty, started.body.jobId).catch(() => undefined);
      const zh = await empty.json<EvaluationJob>('admin', `/api/evaluations/${started.body.jobId}`);
      expect(zh.body.status).toBe('failed');
      expect(zh.body.runId).toBeNull();
      expect(zh.body.error).toEqual({
        code: 'runs.evaluation_failed',
        message: '评价未完成',
        issues: [{ code: 'evaluation.no_customers', message: '数据库中没有可评价的客户，请先导入客户档案或生成演示数据' }],
      });
      const en = await empty.json<EvaluationJob>('admin', `/api/evaluations/${started.body.jobId}`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
      expect(en.body.error?.issues[0]?.message).toBe('the database holds no customers to evaluate; import the customer archive or generate demo data first');
      // The failure freed the server for the next evaluation.
      const again = await empty.json<{ jobId: string }>('admin', '/api/evaluations', { method: 'POST', body: { period: '2026Q3' } });
      expect(again.status).toBe(202);
      await poll(empty, again.body.jobId).catch(() => undefined);
    } finally {
      await empty.close();
    }
  });

  it('answers 404 for an unknown job', async () => {
    const { status, body } = await harness.json<{ error: { code: string } }>('analyst', '/api/evaluations/no-such-job');
    expect(status).toBe(404);
    expect(body.error.code).toBe('runs.job_not_found');
  });
});

describe('GET /api/compare', () => {
  it('compares two runs with transitions and one page of movers', async () => {
    const full = await compareRuns(harness.db, EARLIER, LATER);
    const { status, body } = await harness.json<ComparisonDto>('analyst', `/api/compare?from=${EARLIER}&to=${LATER}&limit=3&offset=2`);
    expect(status).toBe(200);
    expect(body.valueCells).toEqual(JSON.parse(JSON.stringify(full.valueCells)));
    expect(body.serviceClasses.counts).toEqual(full.serviceClasses.counts);
    expect(body.moverCount).toEqual(full.moverCount);
    expect(body.movers).toEqual(JSON.parse(JSON.stringify(full.movers.slice(2, 5))));
    expect([body.limit, body.offset]).toEqual([3, 2]);
    expect(body.from.customers).toBe(60);
    expect(body.dimensions.map((dimension) => dimension.code)).toContain('contribution');
  });

  it('compares a district head’s customers only', async () => {
    const { body } = await harness.json<ComparisonDto>('district', `/api/compare?from=${EARLIER}&to=${LATER}&limit=500`);
    const inDistrict = (await harness.db.all<{ id: string }>("SELECT customer_id AS id FROM customers WHERE district = '东城区'")).map((row) => row.id);
    const total = body.valueCells.counts.flat().reduce((sum, n) => sum + n, 0);
    expect(total).toBe(30);
    expect(body.customers).toEqual({ both: 30, entered: 0, left: 0 });
    expect(body.movers.every((mover) => inDistrict.includes(mover.customerId))).toBe(true);
    expect(body.movers).toHaveLength(body.moverCount.total);
    const all = await compareRuns(harness.db, EARLIER, LATER);
    expect(body.moverCount.total).toBe(all.movers.filter((mover) => mover.district === '东城区').length);
  });

  it('answers 404 for an unknown run and 400 for a missing one', async () => {
    expect((await harness.call('admin', `/api/compare?from=${EARLIER}&to=2020Q1-001`)).status).toBe(404);
    expect((await harness.call('admin', `/api/compare?from=${EARLIER}`)).status).toBe(400);
    expect((await harness.call('manager', `/api/compare?from=${EARLIER}&to=${LATER}`)).status).toBe(403);
  });

  it('exports the comparison as the engine’s workbook, within the caller’s scope', async () => {
    const response = await harness.call('district', `/api/compare/export?from=${EARLIER}&to=${LATER}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(XLSX_MEDIA_TYPE);
    expect(response.headers.get('Content-Disposition')).toContain(encodeURIComponent(`评价批次对比_${EARLIER}_${LATER}.xlsx`));
    const book = await workbook(response);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['价值类别迁移', '服务类别迁移', '升降客户']);
    const { body } = await harness.json<ComparisonDto>('district', `/api/compare?from=${EARLIER}&to=${LATER}&limit=500`);
    const movers = book.getWorksheet('升降客户')!;
    expect(movers.rowCount - 1).toBe(body.moverCount.total);
    const ids: string[] = [];
    movers.eachRow((row, number) => number > 1 && ids.push(String(row.getCell(1).value)));
    expect(ids).toEqual(body.movers.map((mover) => mover.customerId));
    expect((await harness.call('admin', `/api/compare/export?from=${EARLIER}&to=2020Q1-001`)).status).toBe(404);
  });
});

describe('DELETE /api/runs/{id}', () => {
  it('lets an administrator delete a run, audited, and answers others with 403 and unknown runs with 404', async () => {
    const { evaluate } = await import('@retail-value/engine');
    const trial = await evaluate(harness.db, { period: '2026Q3', asOf: '2026-09-15' });
    expect((await harness.call('analyst', `/api/runs/${trial.runId}`, { method: 'DELETE' })).status).toBe(403);
    expect((await harness.call('admin', `/api/runs/${trial.runId}`, { method: 'DELETE', csrf: false })).status).toBe(403);
    const missing = await harness.json<{ error: { message: string } }>('admin', '/api/runs/2026Q3-999', { method: 'DELETE' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('未找到评价批次“2026Q3-999”');

    const { status, body } = await harness.json<{ deleted: RunSummaryDto }>('admin', `/api/runs/${trial.runId}`, { method: 'DELETE' });
    expect(status).toBe(200);
    expect(body.deleted).toMatchObject({ runId: trial.runId, asOf: '2026-09-15', customers: 60 });
    expect((await harness.call('admin', `/api/runs/${trial.runId}`)).status).toBe(404);
    const listed = await harness.json<{ runs: RunSummaryDto[] }>('admin', '/api/runs');
    expect(listed.body.runs.map((run) => run.runId)).not.toContain(trial.runId);
    expect(listed.body.runs.map((run) => run.runId)).toEqual(expect.arrayContaining([EARLIER, LATER]));
    const audit = (await listAudit(harness.db, { limit: 5, offset: 0 })).entries.find((entry) => entry.action === 'run.delete');
    expect(audit).toMatchObject({ username: 'admin', target: trial.runId });
  });

  it('refuses while an evaluation runs, whose awards look back over earlier runs', async () => {
    const started = await harness.json<{ jobId: string }>('analyst', '/api/evaluations', { method: 'POST', body: { period: '2026Q3' } });
    expect(started.status).toBe(202);
    const refused = await harness.json<{ error: { message: string } }>('admin', `/api/runs/${EARLIER}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(started.body.jobId);
    expect((await poll(harness, started.body.jobId)).status).toBe('done');
    expect((await harness.call('admin', `/api/runs/${EARLIER}`)).status).toBe(200);
  });
});
