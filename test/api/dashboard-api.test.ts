import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, VALUE_CELLS, type DashboardResponse } from '@retail-value/core';
import { dashboardSummary } from '@retail-value/engine';
import { apiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await apiHarness([{ period: '2026Q3', asOf: '2026-08-31' }, { period: '2026Q3' }]);
});
afterAll(async () => harness.close());

/** Customers of the latest run a where-clause over `customers c` selects, by a column of run_results. */
async function countsBy(column: string, where: string): Promise<Record<string, number>> {
  const rows = await harness.db.all<{ key: string; n: number }>(
    `SELECT r.${column} AS key, count(*) AS n FROM run_results r JOIN customers c USING (customer_id)
     WHERE r.run_id = '2026Q3-002' AND ${where} GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.n]));
}

describe('GET /api/dashboard', () => {
  it('shows the latest run to an analyst, counted every way the overview needs', async () => {
    const { status, body } = await harness.json<DashboardResponse>('analyst', '/api/dashboard');
    expect(status).toBe(200);
    expect(body.runs.map((run) => run.runId)).toEqual(['2026Q3-002', '2026Q3-001']);
    const summary = body.summary!;
    expect(summary.run.runId).toBe('2026Q3-002');
    expect(summary.customers).toBe(60);
    expect(summary.run.customers).toBe(60);
    const cells = await countsBy('value_cell', 'TRUE');
    expect(summary.valueCells).toEqual(Object.fromEntries(VALUE_CELLS.map((cell) => [cell, cells[cell] ?? 0])));
    expect(summary.serviceClasses).toEqual(await countsBy('service_class', 'TRUE'));
    const stages = await countsBy('lifecycle_stage', 'TRUE');
    expect(summary.lifecycle).toEqual(Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, stages[stage] ?? 0])));
    expect(Object.values(summary.churnRisk).reduce((sum, n) => sum + n, 0)).toBe(60);
    expect(summary.byDistrict.map((group) => [group.group, group.customers])).toEqual([
      ['东城区', 30],
      ['西城区', 30],
    ]);
    expect(summary.byMarket.map((group) => group.group).sort()).toEqual(['rural', 'urban']);
    expect(summary.byFormat.reduce((sum, group) => sum + group.customers, 0)).toBe(60);
    for (const group of summary.byFormat) {
      expect(Object.values(group.valueCells).reduce((sum, n) => sum + n, 0)).toBe(group.customers);
      expect(Object.values(group.serviceClasses).reduce((sum, n) => sum + n, 0)).toBe(group.customers);
    }
    expect(summary.classes.map((found) => found.code)).toEqual(['core', 'important', 'regular']);
    expect(summary.classes[0]?.name['zh-CN']).toBe('核心类');
  });

  it('draws every customer on the value matrix when the run is small, each in its cell, with the frozen thresholds', async () => {
    const { body } = await harness.json<DashboardResponse>('admin', '/api/dashboard');
    const matrix = body.summary!.matrix;
    expect(matrix.shown).toBe(60);
    expect(matrix.scopes).toEqual({ current: 'all', potential: 'all' });
    const cutCurrent = matrix.thresholds.current.all!;
    const cutPotential = matrix.thresholds.potential.all!;
    const results = new Map(
      (await harness.db.all<{ customer_id: string; value_cell: string }>("SELECT customer_id, value_cell FROM run_results WHERE run_id = '2026Q3-002'")).map((row) => [
        row.customer_id,
        row.value_cell,
      ]),
    );
    for (const [cell, points] of Object.entries(matrix.points)) {
      for (const [current, potential, customerId, market] of points) {
        expect(results.get(customerId)).toBe(cell);
        expect(['urban', 'rural']).toContain(market);
        // Points are rounded to 2 decimals for the picture; the cell was decided on the stored values.
        if (cell === 'value') expect(current >= cutCurrent - 0.01 && potential >= cutPotential - 0.01).toBe(true);
        if (cell === 'low_value') expect(current < cutCurrent + 0.01 && potential < cutPotential + 0.01).toBe(true);
      }
    }
  });

  it('lists the high churn warnings of customers still trading, highest score first, with manager and reasons', async () => {
    // A customer whose licence ended: the highest churn score of all, at the termination stage.
    const [lost] = await harness.db.all<{ customer_id: string; churn_risk: string; churn_score: number; lifecycle_stage: string }>(
      "SELECT customer_id, churn_risk, churn_score, lifecycle_stage FROM run_results WHERE run_id = '2026Q3-002' AND churn_risk = 'low' ORDER BY customer_id LIMIT 1",
    );
    await harness.db.run("UPDATE run_results SET churn_risk = 'high', churn_score = 100, lifecycle_stage = 'termination' WHERE run_id = '2026Q3-002' AND customer_id = $1", [lost!.customer_id]);
    const { body } = await harness.json<DashboardResponse>('admin', '/api/dashboard?warnings=100');
    await harness.db.run('UPDATE run_results SET churn_risk = $2, churn_score = $3, lifecycle_stage = $4 WHERE run_id = \'2026Q3-002\' AND customer_id = $1', [
      lost!.customer_id,
      lost!.churn_risk,
      lost!.churn_score,
      lost!.lifecycle_stage,
    ]);
    const warnings = body.summary!.churnWarnings;
    expect(body.summary!.lifecycle.termination).toBeGreaterThan(0);
    const high = await harness.db.all<{ customer_id: string; lifecycle_stage: string }>(
      "SELECT customer_id, lifecycle_stage FROM run_results WHERE run_id = '2026Q3-002' AND churn_risk = 'high' ORDER BY churn_score DESC, customer_id",
    );
    const trading = high.filter((row) => row.lifecycle_stage !== 'termination');
    // Customers already at the termination stage are lost, not at risk: they are left out.
    expect(warnings.map((warning) => warning.customerId)).not.toContain(lost!.customer_id);
    expect(warnings.map((warning) => warning.customerId)).toEqual(trading.map((row) => row.customer_id));
    expect(body.summary!.churnWarningTotal).toBe(trading.length);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((warning) => warning.stage !== 'termination')).toBe(true);
    expect(warnings.map((warning) => warning.score)).toEqual([...warnings.map((warning) => warning.score)].sort((a, b) => b - a));
    expect(warnings[0]).toMatchObject({ name: expect.stringMatching(/^商户/), managerId: expect.stringMatching(/^M/) });
    expect(warnings[0]!.reasons.length).toBeGreaterThan(0);
    const limited = await harness.json<DashboardResponse>('admin', '/api/dashboard?warnings=1');
    expect(limited.body.summary!.churnWarnings).toEqual(warnings.slice(0, 1));
    expect(limited.body.summary!.churnWarningTotal).toBe(trading.length);
  });

  it('counts a district head’s district and a manager’s own customers only', async () => {
    const district = (await harness.json<DashboardResponse>('district', '/api/dashboard')).body.summary!;
    expect(district.customers).toBe(30);
    expect(district.run.customers).toBe(30);
    expect(district.byDistrict.map((group) => group.group)).toEqual(['东城区']);
    expect(district.serviceClasses).toEqual({ core: 0, important: 0, regular: 0, ...(await countsBy('service_class', "c.district = '东城区'")) });
    const inDistrict = new Set((await harness.db.all<{ id: string }>("SELECT customer_id AS id FROM customers WHERE district = '东城区'")).map((row) => row.id));
    expect(Object.values(district.matrix.points).flat().every((point) => inDistrict.has(point[2]))).toBe(true);
    expect(district.churnWarnings.every((warning) => warning.district === '东城区')).toBe(true);

    const manager = (await harness.json<DashboardResponse>('manager', '/api/dashboard')).body.summary!;
    expect(manager.customers).toBe(20);
    expect(manager.churnWarnings.every((warning) => warning.managerId === 'M0')).toBe(true);
    expect(Object.values(manager.matrix.points).flat()).toHaveLength(20);
  });

  it('shows an earlier run when asked, and answers 404 for an unknown one in the request’s language', async () => {
    const earlier = await harness.json<DashboardResponse>('manager', '/api/dashboard?run=2026Q3-001');
    expect(earlier.body.summary!.run.runId).toBe('2026Q3-001');
    const missing = await harness.json<{ error: { code: string; message: string } }>('admin', '/api/dashboard?run=2020Q1-009');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'evaluation.run_not_found', message: '未找到评价批次“2020Q1-009”' });
    const english = await harness.json<{ error: { message: string } }>('admin', '/api/dashboard?run=2020Q1-009&lang=en');
    expect(english.body.error.message).toBe('evaluation run "2020Q1-009" not found');
  });

  it('asks for a session', async () => {
    expect((await harness.call(null, '/api/dashboard')).status).toBe(401);
  });
});

describe('dashboardSummary sample', () => {
  it('draws the same customers on every call, at most perCell per cell', async () => {
    const scope = { role: 'admin', district: null, managerId: null } as const;
    const first = await dashboardSummary(harness.db, { scope, perCell: 3 });
    const second = await dashboardSummary(harness.db, { scope, perCell: 3 });
    expect(first.matrix.points).toEqual(second.matrix.points);
    for (const points of Object.values(first.matrix.points)) expect(points.length).toBeLessThanOrEqual(3);
    expect(first.matrix.shown).toBe(Object.values(first.matrix.points).flat().length);
    expect(first.matrix.shown).toBeLessThan(first.customers);
  });
});

describe('GET /api/dashboard before any evaluation', () => {
  it('answers with no run, so the page can say so', async () => {
    const empty = await apiHarness([]);
    try {
      const { status, body } = await empty.json<DashboardResponse>('manager', '/api/dashboard');
      expect(status).toBe(200);
      expect(body).toEqual({ runs: [], summary: null });
    } finally {
      await empty.close();
    }
  });
});
