import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criticWeights, DEFAULT_SCHEME, entropyWeights, type ObjectiveWeightsResponse, type SchemeDocumentResponse, type StoredSchemeInfo } from '@retail-value/core';
import { listAudit, loadRun, objectiveWeightsPreview } from '@retail-value/engine';
import { apiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await apiHarness([{ period: '2026Q3' }]);
});
afterAll(async () => harness.close());

type Issues = { ok: boolean; issues: { code: string; message: string }[] };

/** The default scheme with the current-side AHP matrix replaced. */
function withCurrentMatrix(matrix: (number | string)[][]): Record<string, unknown> {
  const copy = structuredClone(DEFAULT_SCHEME) as unknown as { weights: { sets: Record<string, { dimensions: { current: { matrices: unknown[] } } }> } };
  for (const set of Object.values(copy.weights.sets)) set.dimensions.current.matrices = [matrix];
  return copy as unknown as Record<string, unknown>;
}

describe('schemes', () => {
  it('lists the stored versions with their runs, and the presets', async () => {
    const { status, body } = await harness.json<{ stored: StoredSchemeInfo[]; presets: { schemeId: string }[] }>('analyst', '/api/schemes');
    expect(status).toBe(200);
    expect(body.stored.map((scheme) => [scheme.schemeId, scheme.version, scheme.runs])).toEqual([['default', 1, 1]]);
    expect(body.stored[0]?.name['zh-CN']).toBe('默认评价方案（核心/重要/常规）');
    expect(body.presets.map((preset) => preset.schemeId)).toEqual(['default', 'core-general-problem']);
    expect((await harness.call('district', '/api/schemes')).status).toBe(403);
  });

  it('reads a stored version, the latest stored one, or a preset', async () => {
    const stored = await harness.json<SchemeDocumentResponse>('admin', '/api/schemes/default');
    expect(stored.body).toMatchObject({ schemeId: 'default', version: 1, source: 'stored' });
    expect(stored.body.document.indicators).toHaveLength(DEFAULT_SCHEME.indicators.length);
    const preset = await harness.json<SchemeDocumentResponse>('admin', '/api/schemes/core-general-problem');
    expect(preset.body).toMatchObject({ schemeId: 'core-general-problem', version: null, source: 'preset' });
    expect((await harness.call('admin', '/api/schemes/default?version=7')).status).toBe(404);
    const missing = await harness.json<{ error: { message: string } }>('admin', '/api/schemes/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('未找到评价方案“nothing-here”');
  });

  it('validates a document and renders its issues in the request’s language', async () => {
    const fine = await harness.json<Issues>('analyst', '/api/schemes/validate', { method: 'POST', body: DEFAULT_SCHEME });
    expect(fine.body).toEqual({ ok: true, issues: [] });
    const inconsistent = withCurrentMatrix([
      [1, 9, '1/9', 1],
      ['1/9', 1, 9, 1],
      [9, '1/9', 1, 1],
      [1, 1, 1, 1],
    ]);
    const zh = await harness.json<Issues>('analyst', '/api/schemes/validate', { method: 'POST', body: inconsistent });
    expect(zh.body.ok).toBe(false);
    expect(zh.body.issues.map((found) => found.code)).toEqual(['scheme.ahp_inconsistent', 'scheme.ahp_inconsistent']);
    expect(zh.body.issues[0]?.message).toMatch(/^weights\.sets\.urban\.dimensions\.current 的判断矩阵一致性比率 CR = \d\.\d{4} ≥ 0\.1/);
    const en = await harness.json<Issues>('analyst', '/api/schemes/validate?lang=en', { method: 'POST', body: { ...DEFAULT_SCHEME, id: 'Bad Id' } });
    expect(en.body.issues[0]?.code).toBe('scheme.shape');
    expect(en.body.issues[0]?.message).toContain('id');
  });

  it('saves a changed document as a new version, once, and audits it', async () => {
    const changed = { ...DEFAULT_SCHEME, name: { 'zh-CN': '默认方案（2026 调整）', en: 'Default scheme (2026 revision)' } };
    const saved = await harness.json<{ schemeId: string; version: number; created: boolean }>('analyst', '/api/schemes', { method: 'POST', body: changed });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ schemeId: 'default', version: 2, created: true });
    const again = await harness.json<{ version: number; created: boolean }>('analyst', '/api/schemes', { method: 'POST', body: changed });
    expect(again.body).toMatchObject({ version: 2, created: false });
    const latest = await harness.json<SchemeDocumentResponse>('admin', '/api/schemes/default');
    expect(latest.body).toMatchObject({ version: 2, createdBy: 'analyst' });
    expect(latest.body.document.name.en).toBe('Default scheme (2026 revision)');
    const audit = await listAudit(harness.db, { limit: 5, offset: 0 });
    expect(audit.entries.filter((entry) => entry.action === 'scheme.save').map((entry) => [entry.username, entry.target, entry.detail?.created])).toEqual([
      ['analyst', 'default v2', false],
      ['analyst', 'default v2', true],
    ]);
  });

  it('refuses to save an inconsistent AHP matrix, and refuses other roles', async () => {
    const refused = await harness.json<{ error: { code: string; issues: { code: string }[] } }>('admin', '/api/schemes', {
      method: 'POST',
      body: withCurrentMatrix([
        [1, 9, '1/9', 1],
        ['1/9', 1, 9, 1],
        [9, '1/9', 1, 1],
        [1, 1, 1, 1],
      ]),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0]?.code).toBe('scheme.ahp_inconsistent');
    expect((await harness.call('manager', '/api/schemes', { method: 'POST', body: DEFAULT_SCHEME })).status).toBe(403);
  });
});

describe('POST /api/weights/ahp', () => {
  it('gives the weights, λmax, CI and CR of a matrix typed with fractions', async () => {
    const { status, body } = await harness.json<{ weights: number[]; lambdaMax: number; cr: number; consistent: boolean }>('analyst', '/api/weights/ahp', {
      method: 'POST',
      body: { matrices: [[[1, '3'], ['1/3', 1]]] },
    });
    expect(status).toBe(200);
    expect(body.weights[0]).toBeCloseTo(0.75, 10);
    expect(body.weights[1]).toBeCloseTo(0.25, 10);
    expect(body.lambdaMax).toBeCloseTo(2, 10);
    expect(body).toMatchObject({ cr: 0, consistent: true });
  });

  it('says when the judgments are inconsistent, and combines several experts', async () => {
    const inconsistent = await harness.json<{ cr: number; consistent: boolean }>('analyst', '/api/weights/ahp', {
      method: 'POST',
      body: { matrices: [[[1, 9, '1/9'], ['1/9', 1, 9], [9, '1/9', 1]]] },
    });
    expect(inconsistent.body.consistent).toBe(false);
    expect(inconsistent.body.cr).toBeGreaterThanOrEqual(0.1);
    const experts = await harness.json<{ weights: number[] }>('analyst', '/api/weights/ahp', {
      method: 'POST',
      body: { matrices: [[[1, 4], ['1/4', 1]], [[1, 1], [1, 1]]] },
    });
    // Geometric mean of 4 and 1 is 2: weights 2/3 and 1/3.
    expect(experts.body.weights[0]).toBeCloseTo(2 / 3, 10);
  });

  it('points at the cell it cannot read', async () => {
    const { status, body } = await harness.json<{ error: { issues: { code: string; row: number; column: string; message: string }[] } }>('analyst', '/api/weights/ahp?lang=en', {
      method: 'POST',
      body: { matrices: [[[1, 'three'], ['1/3', 1]]] },
    });
    expect(status).toBe(400);
    expect(body.error.issues[0]).toMatchObject({ code: 'methods.pairwise.invalid', row: 1, column: '2' });
    const reciprocal = await harness.json<{ error: { issues: { code: string }[] } }>('analyst', '/api/weights/ahp', { method: 'POST', body: { matrices: [[[1, 3], [3, 1]]] } });
    expect(reciprocal.body.error.issues[0]?.code).toBe('methods.matrix.not_reciprocal');
  });
});

describe('GET /api/weights/objective', () => {
  it('computes entropy and CRITIC weights of a dimension from the run’s scores, as the evaluation did', async () => {
    const { status, body } = await harness.json<ObjectiveWeightsResponse>('analyst', '/api/weights/objective?dimension=growth&segment=urban');
    expect(status).toBe(200);
    expect(body).toMatchObject({ runId: '2026Q3-001', dimension: 'growth', segment: 'urban', customers: 40, sampled: 40 });
    expect(body.indicators.map((indicator) => indicator.code)).toEqual(['volume_growth', 'amount_growth', 'structure_upgrade', 'operating_skill', 'lifetime_value']);
    const run = await loadRun(harness.db);
    const positions = body.indicators.map((indicator) => run.frozen.indicators.findIndex((found) => found.code === indicator.code));
    const rows = await harness.db.all<{ scores: number[] }>("SELECT scores FROM run_results WHERE run_id = '2026Q3-001' AND segment = 'urban'");
    const data = rows.map((row) => positions.map((position) => row.scores[position] as number));
    expect(body.entropy.ok).toBe(true);
    if (body.entropy.ok) body.entropy.weights.forEach((weight, index) => expect(weight).toBeCloseTo(entropyWeights(data).weights[index] as number, 10));
    // The run's growth weights are 0.5 · subjective + 0.5 · CRITIC (DEFAULT_SCHEME), computed in SQL over the same scores.
    const subjective = [0.25, 0.2, 0.15, 0.15, 0.25];
    expect(body.critic.ok).toBe(true);
    if (body.critic.ok) {
      body.critic.weights.forEach((weight, index) => {
        expect(weight).toBeCloseTo(criticWeights(data, positions.map(() => '+')).weights[index] as number, 10);
        const frozen = run.frozen.weights.urban!.indicators[body.indicators[index]!.code]!;
        expect(0.5 * (subjective[index] as number) + 0.5 * weight).toBeCloseTo(frozen, 4);
      });
    }
  });

  it('reads a fixed sample beyond the sample limit', async () => {
    const first = await objectiveWeightsPreview(harness.db, { dimension: 'support', sampleLimit: 12 });
    const second = await objectiveWeightsPreview(harness.db, { dimension: 'support', sampleLimit: 12 });
    expect([first.customers, first.sampled]).toEqual([60, 12]);
    expect(second).toEqual(first);
  });

  it('reads every customer without a segment, and answers 400 for an unknown dimension or segment', async () => {
    const credit = await harness.json<ObjectiveWeightsResponse>('analyst', '/api/weights/objective?dimension=credit');
    expect(credit.status).toBe(200);
    expect(credit.body).toMatchObject({ segment: 'all', customers: 60, sampled: 60 });
    const unknown = await harness.json<{ error: { issues: { code: string; message: string }[] } }>('analyst', '/api/weights/objective?dimension=nothing');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0]).toMatchObject({ code: 'runs.dimension_not_in_run', message: '评价批次 2026Q3-001 没有维度“nothing”' });
    const segment = await harness.json<{ error: { issues: { code: string }[] } }>('analyst', '/api/weights/objective?dimension=growth&segment=mars');
    expect(segment.body.error.issues[0]?.code).toBe('runs.segment_not_in_run');
    expect((await harness.call('analyst', '/api/weights/objective?dimension=growth&run=2020Q1-001')).status).toBe(404);
  });
});

describe('API documentation', () => {
  it('describes the new endpoints, with the workbook downloads as XLSX', async () => {
    const { body } = await harness.json<{ paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>> }>(null, '/api/docs');
    for (const path of ['/api/dashboard', '/api/runs', '/api/runs/{runId}', '/api/runs/export', '/api/evaluations', '/api/evaluations/{jobId}', '/api/compare', '/api/compare/export', '/api/schemes', '/api/schemes/{schemeId}', '/api/schemes/validate', '/api/weights/ahp', '/api/weights/objective']) {
      expect(body.paths[path], path).toBeDefined();
    }
    expect(Object.keys(body.paths['/api/compare/export']!.get!.responses['200']!.content)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(Object.keys(body.paths['/api/evaluations']!.post!.responses)).toContain('202');
    expect(Object.keys(body.paths['/api/evaluations']!.post!.responses)).toContain('409');
  });
});
