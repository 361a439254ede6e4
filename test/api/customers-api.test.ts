import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDetail, CustomerFacets, CustomerList, StrategyOverview, WarningList } from '@retail-value/core';
import type { SqlValue } from '@retail-value/engine';
import { apiHarness, type ApiHarness, type DemoRole } from './api-harness.js';

let api: ApiHarness;
let latestRun: string;
let earlierRun: string;

// Two runs of the small company: 2026Q3 as of mid-September, then as of its end (the latest).
beforeAll(async () => {
  api = await apiHarness([{ period: '2026Q3', asOf: '2026-09-16' }, { period: '2026Q3' }]);
  const runs = await api.db.all<{ run_id: string }>('SELECT run_id FROM runs ORDER BY created_at, run_id');
  earlierRun = runs[0]?.run_id ?? '';
  latestRun = runs[1]?.run_id ?? '';
}, 120_000);
afterAll(async () => {
  await api.close();
});

/** Customer ids the database gives for a condition over `run_results r JOIN customers c`, in an order. */
async function expectedIds(where: string, params: readonly SqlValue[], orderBy: string, limit = 1000, offset = 0): Promise<string[]> {
  const rows = await api.db.all<{ id: string }>(
    `SELECT r.customer_id AS id FROM run_results r JOIN customers c ON c.customer_id = r.customer_id
     WHERE r.run_id = $1 AND ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
    [latestRun, ...params],
  );
  return rows.map((row) => row.id);
}

async function list(who: DemoRole, query: string): Promise<CustomerList> {
  const { status, body } = await api.json<CustomerList>(who, `/api/customers?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

const ids = (found: CustomerList) => found.items.map((item) => item.customerId);

describe('GET /api/customers', () => {
  it('lists the latest run by rank, one page at a time, with the total', async () => {
    const found = await list('admin', 'pageSize=20');
    expect(found.run?.runId).toBe(latestRun);
    expect(found.total).toBe((await expectedIds('TRUE', [], 'r.rank')).length);
    expect(found.total).toBe(60);
    expect(ids(found)).toEqual(await expectedIds('TRUE', [], 'r.rank, r.customer_id', 20));
    const first = found.items[0];
    expect(first).toMatchObject({ rank: 1, customerId: expect.any(String), name: expect.any(String), district: expect.any(String) });
    expect(Object.keys(first ?? {}).sort()).toEqual(
      [
        'customerId', 'name', 'licenseNo', 'managerId', 'district', 'route', 'market', 'format', 'creditGrade', 'currentValue', 'potentialValue',
        'compositeScore', 'rank', 'valueCell', 'serviceClass', 'lifecycleStage', 'churnRisk', 'churnScore', 'clv',
      ].sort(),
    );
  });

  it('pages without overlap or gaps, in the order SQL gives', async () => {
    const page2 = await list('admin', 'page=2&pageSize=7&sort=compositeScore&order=desc');
    expect(ids(page2)).toEqual(await expectedIds('TRUE', [], 'r.composite_score DESC, r.customer_id', 7, 7));
    const seen: string[] = [];
    for (let page = 1; page <= 5; page += 1) seen.push(...ids(await list('admin', `page=${page}&pageSize=13&sort=name&order=desc`)));
    expect(seen).toEqual(await expectedIds('TRUE', [], 'c.name DESC, r.customer_id'));
    expect(new Set(seen).size).toBe(60);
    expect(ids(await list('admin', 'page=9&pageSize=13'))).toEqual([]);
  });

  it('sorts credit grades from the best down and keeps nulls last', async () => {
    const found = await list('admin', 'sort=creditGrade&order=asc&pageSize=60');
    const grades = found.items.map((item) => item.creditGrade);
    const order = ['AAA', 'AA', 'A', 'B', 'C', 'D'];
    expect(grades.map((grade) => order.indexOf(grade ?? ''))).toEqual([...grades.map((grade) => order.indexOf(grade ?? ''))].sort((a, b) => a - b));
    const clv = await list('admin', 'sort=clv&order=desc&pageSize=10');
    expect(ids(clv)).toEqual(await expectedIds('TRUE', [], 'r.clv DESC NULLS LAST, r.customer_id', 10));
  });

  it('filters by archive fields and run results, each a bound value, combined with AND', async () => {
    const filtered = await list('admin', `district=${encodeURIComponent('东城区')}&market=urban&valueCell=value,sub_value&pageSize=200`);
    const expected = await expectedIds("c.district = $2 AND r.market = 'urban' AND r.value_cell IN ('value', 'sub_value')", ['东城区'], 'r.rank, r.customer_id');
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(filtered)).toEqual(expected);
    expect(filtered.total).toBe(expected.length);

    const routeAndManager = await list('admin', 'route=R1&manager=M1&format=Z,B,Y,S');
    expect(ids(routeAndManager)).toEqual(await expectedIds("c.route = 'R1' AND c.manager_id = 'M1'", [], 'r.rank, r.customer_id'));

    const classes = await api.db.all<{ service_class: string; n: number }>(
      'SELECT service_class, count(*) AS n FROM run_results WHERE run_id = $1 GROUP BY ALL ORDER BY n DESC',
      [latestRun],
    );
    const someClass = classes[0]?.service_class ?? '';
    const byClass = await list('admin', `serviceClass=${someClass}&pageSize=200`);
    expect(byClass.total).toBe(classes[0]?.n);

    const stages = await api.db.all<{ lifecycle_stage: string; churn_risk: string; n: number }>(
      'SELECT lifecycle_stage, churn_risk, count(*) AS n FROM run_results WHERE run_id = $1 GROUP BY ALL',
      [latestRun],
    );
    for (const row of stages) {
      const found = await list('admin', `lifecycleStage=${row.lifecycle_stage}&churnRisk=${row.churn_risk}`);
      expect(found.total, `${row.lifecycle_stage}/${row.churn_risk}`).toBe(row.n);
    }
  });

  it('searches names and licence numbers case-insensitively, taking the text literally', async () => {
    const byName = await list('admin', `search=${encodeURIComponent('商户1')}&pageSize=200`);
    expect(ids(byName)).toEqual(await expectedIds("c.name LIKE '%商户1%'", [], 'r.rank, r.customer_id'));
    expect(byName.total).toBe(11);
    const byLicence = await list('admin', 'search=00000042');
    expect(ids(byLicence)).toEqual(['C0042']);
    expect((await list('admin', `search=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list('admin', `search=${encodeURIComponent("x' OR '1'='1")}`)).total).toBe(0);
  });

  it('refuses sort keys, codes and page sizes outside the contract', async () => {
    for (const query of ['sort=password', 'sort=rank;DROP TABLE customers', 'pageSize=201', 'page=0', 'valueCell=best', 'market=urban,moon', 'order=sideways']) {
      const { status, body } = await api.json<{ error: { code: string; issues: { path: string }[] } }>('admin', `/api/customers?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('http.invalid_request');
    }
  });

  it('lists another run on request and answers 404 for an unknown one', async () => {
    const earlier = await list('admin', `run=${earlierRun}`);
    expect(earlier.run?.runId).toBe(earlierRun);
    const { status, body } = await api.json<{ error: { code: string } }>('admin', '/api/customers?run=NO-SUCH-RUN');
    expect(status).toBe(404);
    expect(body.error.code).toBe('evaluation.run_not_found');
  });

  it('gives a customer manager only their own customers', async () => {
    const own = await list('manager', 'pageSize=200');
    const expected = await expectedIds("c.manager_id = 'M0'", [], 'r.rank, r.customer_id');
    expect(ids(own)).toEqual(expected);
    expect(own.total).toBe(20);
    expect(own.items.every((item) => item.managerId === 'M0')).toBe(true);
    // Asking for another manager's customers by filter finds nothing rather than widening the scope.
    expect((await list('manager', 'manager=M1')).total).toBe(0);
    // Scope with a sort on a customer column (joined) and with run-side filters and a search (semi-joined).
    expect(ids(await list('manager', 'sort=name&order=desc&pageSize=200'))).toEqual(await expectedIds("c.manager_id = 'M0'", [], 'c.name DESC, r.customer_id'));
    const narrowed = await list('manager', `valueCell=low_value,potential_value&search=${encodeURIComponent('商户')}&sort=potentialValue&order=desc&page=2&pageSize=3`);
    const expectedNarrowed = await expectedIds(
      "c.manager_id = 'M0' AND r.value_cell IN ('low_value', 'potential_value') AND c.name LIKE '%商户%'",
      [],
      'r.potential_value DESC, r.customer_id',
    );
    expect(ids(narrowed)).toEqual(expectedNarrowed.slice(3, 6));
    expect(narrowed.total).toBe(expectedNarrowed.length);
  });

  it('gives a district head their district only', async () => {
    const district = await list('district', 'pageSize=200');
    expect(district.total).toBe(30);
    expect(district.items.every((item) => item.district === '东城区')).toBe(true);
    expect((await list('district', `district=${encodeURIComponent('西城区')}`)).total).toBe(0);
  });

  it('needs a session', async () => {
    expect((await api.call(null, '/api/customers')).status).toBe(401);
  });
});

describe('GET /api/customers/:customerId', () => {
  it('explains the customer: indicators adding up to the composite, class, lifecycle, warning, CLV, strategy, history', async () => {
    const { status, body } = await api.json<CustomerDetail>('admin', '/api/customers/C0012');
    expect(status).toBe(200);
    expect(body.customer).toMatchObject({ customerId: 'C0012', name: '商户12', managerId: 'M0', district: '东城区' });
    const evaluation = body.evaluation;
    if (evaluation === null) throw new Error('C0012 was evaluated');
    expect(evaluation.run.runId).toBe(latestRun);
    const stored = await api.db.all<Record<string, unknown>>('SELECT * FROM run_results WHERE run_id = $1 AND customer_id = $2', [latestRun, 'C0012']);
    const row = stored[0] ?? {};
    expect(evaluation.compositeScore).toBeCloseTo(row.composite_score as number, 6);
    expect(evaluation.rank).toBe(row.rank);
    expect(evaluation.valueCell).toBe(row.value_cell);
    expect(evaluation.serviceClass).toBe(row.service_class);
    const contributions = evaluation.indicators.reduce((sum, indicator) => sum + indicator.contribution, 0);
    expect(contributions).toBeCloseTo(evaluation.compositeScore, 3);
    expect(evaluation.indicators.map((indicator) => indicator.raw)).toEqual(row.raw_values);
    expect(evaluation.dimensions.map((dimension) => dimension.score)).toEqual(row.dimension_scores);
    expect(evaluation.lifecycle.stage).toBe(row.lifecycle_stage);
    expect(evaluation.lifecycle.reason).not.toBe('');
    expect(evaluation.lifecycle.reason).not.toContain('{');
    expect(evaluation.churn).toMatchObject({ score: row.churn_score, risk: row.churn_risk });
    expect(evaluation.lifetimeValue.clv).toBe(row.clv);
    expect(evaluation.strategy.commonItems.length).toBeGreaterThan(0);
    expect(['weekly', 'biweekly', 'monthly', 'quarterly']).toContain(evaluation.strategy.visitFrequency);
    expect(body.history.map((entry) => entry.run.runId)).toEqual([earlierRun, latestRun]);
    expect(body.history[1]).toMatchObject({ valueCell: row.value_cell, serviceClass: row.service_class, rank: row.rank });
  });

  it('renders the lifecycle reason in the request language', async () => {
    const zh = await api.json<CustomerDetail>('admin', '/api/customers/C0007');
    const en = await api.json<CustomerDetail>('admin', '/api/customers/C0007?lang=en');
    expect(zh.body.evaluation?.lifecycle.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(en.body.evaluation?.lifecycle.reason).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers 404 to a manager asking for another manager’s customer, exactly as for no customer', async () => {
    expect((await api.json('manager', '/api/customers/C0012')).status).toBe(200);
    const other = await api.json<{ error: { code: string } }>('manager', '/api/customers/C0013');
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('customer.not_found');
    const none = await api.json<{ error: { code: string } }>('manager', '/api/customers/C9999');
    expect(none.status).toBe(404);
    expect(none.body.error).toEqual(expect.objectContaining({ code: 'customer.not_found' }));
  });

  it('answers 404 to a district head for a customer of another district', async () => {
    expect((await api.json('district', '/api/customers/C0029')).status).toBe(200);
    expect((await api.json('district', '/api/customers/C0030')).status).toBe(404);
  });

  it('shows an archive-only customer (not in the run) without an evaluation', async () => {
    await api.db.run(
      `INSERT INTO customers (customer_id, name, format, market, district, manager_id, status, order_cycle) VALUES ('C0900', '新店', 'Z', 'urban', '东城区', 'M0', 'normal', 'weekly')`,
    );
    try {
      const { status, body } = await api.json<CustomerDetail>('manager', '/api/customers/C0900');
      expect(status).toBe(200);
      expect(body.evaluation).toBeNull();
      expect(body.history).toEqual([]);
    } finally {
      await api.db.run(`DELETE FROM customers WHERE customer_id = 'C0900'`);
    }
  });
});

describe('GET /api/warnings', () => {
  it('lists warnings worst first, high and medium by default, without terminated customers', async () => {
    const { status, body } = await api.json<WarningList>('admin', '/api/warnings?pageSize=200');
    expect(status).toBe(200);
    const expected = await api.db.all<{ customer_id: string }>(
      `SELECT customer_id FROM run_results WHERE run_id = $1 AND churn_risk IN ('high', 'medium') AND lifecycle_stage <> 'termination'
       ORDER BY churn_score DESC, customer_id`,
      [latestRun],
    );
    expect(body.items.map((item) => item.customerId)).toEqual(expected.map((row) => row.customer_id));
    expect(body.total).toBe(expected.length);
    const scores = body.items.map((item) => item.churnScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of body.items) expect(item.reasons.length).toBeGreaterThan(0);
  });

  it('filters by level and manager and keeps a manager to their own customers', async () => {
    const high = await api.json<WarningList>('admin', '/api/warnings?level=high');
    expect(high.body.items.every((item) => item.churnRisk === 'high')).toBe(true);
    const all = await api.json<WarningList>('admin', '/api/warnings?level=low&terminated=true&manager=M1&pageSize=200');
    const [count] = await api.db.all<{ n: number }>(
      `SELECT count(*) AS n FROM run_results r JOIN customers c USING (customer_id) WHERE r.run_id = $1 AND c.manager_id = 'M1'`,
      [latestRun],
    );
    expect(all.body.total).toBe(count?.n);
    const own = await api.json<WarningList>('manager', '/api/warnings?level=low&terminated=true&pageSize=200');
    expect(own.body.total).toBe(20);
    expect(own.body.items.every((item) => item.managerId === 'M0')).toBe(true);
    expect((await api.json<WarningList>('manager', '/api/warnings?manager=M1')).body.total).toBe(0);
  });
});

describe('facets and strategies', () => {
  it('offers the filter values within the caller’s scope', async () => {
    const admin = (await api.json<CustomerFacets>('admin', '/api/customers/facets')).body;
    expect(admin.districts).toEqual(['东城区', '西城区']);
    expect(admin.managers).toEqual(['M0', 'M1', 'M2']);
    expect(admin.runs.map((run) => run.runId)).toEqual([latestRun, earlierRun]);
    expect(admin.serviceClasses.length).toBeGreaterThan(1);
    const manager = (await api.json<CustomerFacets>('manager', '/api/customers/facets')).body;
    expect(manager.managers).toEqual(['M0']);
    expect(manager.districts).toEqual(['东城区', '西城区']);
  });

  it('counts the caller’s customers per class, cell and stage beside each strategy', async () => {
    const { status, body } = await api.json<StrategyOverview>('manager', '/api/customers/strategies');
    expect(status).toBe(200);
    expect(body.classes.reduce((sum, found) => sum + found.customers, 0)).toBe(20);
    expect(body.cells.reduce((sum, found) => sum + found.customers, 0)).toBe(20);
    expect(body.lifecycle.reduce((sum, found) => sum + found.customers, 0)).toBe(20);
    expect(body.commonItems.length).toBeGreaterThan(0);
    expect(body.classes[0]?.goal).not.toBeNull();
  });
});

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

function sheetRows(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exports', () => {
  it('streams the filtered customer list as an xlsx, in the list’s order, and audits it', async () => {
    const response = await api.call('admin', `/api/customers/export?market=rural&sort=compositeScore&order=desc`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('Content-Disposition')).toContain(`customers-${latestRun}.xlsx`);
    const rows = sheetRows((await workbookOf(response)).worksheets[0]);
    expect(rows[0]?.slice(0, 3)).toEqual(['客户编码', '许可证号', '客户名称']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(await expectedIds("r.market = 'rural'", [], 'r.composite_score DESC, r.customer_id'));
    expect(rows[1]?.[6]).toBe('乡村');
    const audit = await api.db.all<{ action: string; target: string; username: string }>("SELECT action, target, username FROM audit_log WHERE action = 'export.customers'");
    expect(audit).toContainEqual({ action: 'export.customers', target: latestRun, username: 'admin' });
  });

  it('exports the churn warnings through the same workbook, in the warnings’ order', async () => {
    const response = await api.call(
      'district',
      '/api/customers/export?churnRisk=high,medium&lifecycleStage=introduction,growth,maturity,decline&sort=churnScore&order=desc',
    );
    const rows = sheetRows((await workbookOf(response)).worksheets[0]);
    const warnings = await api.json<WarningList>('district', '/api/warnings?pageSize=200');
    expect(rows.slice(1).map((row) => row[0])).toEqual(warnings.body.items.map((item) => item.customerId));
  });

  it('exports only a manager’s own customers, with English headers on request', async () => {
    const response = await api.call('manager', '/api/customers/export?headers=en');
    expect(response.status).toBe(200);
    const rows = sheetRows((await workbookOf(response)).worksheets[0]);
    expect(rows[0]?.[0]).toBe('customer_id');
    expect(rows.length - 1).toBe(20);
    expect(rows.slice(1).every((row) => row[3] === 'M0')).toBe(true);
  });

  it('exports a run’s results in the caller’s scope with a summary sheet, and audits it', async () => {
    const response = await api.call('district', `/api/runs/${latestRun}/export?format=xlsx&headers=zh`);
    expect(response.status).toBe(200);
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['评价结果', '汇总']);
    const rows = sheetRows(workbook.worksheets[0]);
    expect(rows.length - 1).toBe(30);
    expect(rows.slice(1).every((row) => row[4] === '东城区')).toBe(true);
    const summary = sheetRows(workbook.worksheets[1]);
    expect(summary).toContainEqual(['客户数', 30]);
    const audit = await api.db.all<{ username: string }>("SELECT username FROM audit_log WHERE action = 'export.run' AND target = $1", [latestRun]);
    expect(audit.map((entry) => entry.username)).toContain('district');

    const csv = await api.call('admin', `/api/runs/${earlierRun}/export?format=csv&headers=en`);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A UTF-8 byte-order mark, so Excel opens the CSV as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]?.startsWith('customer_id,')).toBe(true);
    expect(lines.length - 1).toBe(60);
  });

  it('answers 404 for an unknown run and 403 to a customer manager', async () => {
    expect((await api.call('admin', '/api/runs/NO-SUCH-RUN/export')).status).toBe(404);
    expect((await api.call('manager', `/api/runs/${latestRun}/export`)).status).toBe(403);
  });
});
