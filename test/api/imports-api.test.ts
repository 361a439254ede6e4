import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreviewResponse, ImportResultResponse } from '@retail-value/core';
import { apiHarness, type ApiHarness, type DemoRole } from './api-harness.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

let api: ApiHarness;
const sessions = new Map<DemoRole, { cookie: string; csrfToken: string }>();

beforeAll(async () => {
  api = await apiHarness([]);
});
afterAll(async () => {
  await api.close();
});

async function session(who: DemoRole): Promise<{ cookie: string; csrfToken: string }> {
  const found = sessions.get(who);
  if (found !== undefined) return found;
  const response = await api.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: who, password: `${who}123` }),
  });
  const signedIn = { cookie: (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '', csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
  sessions.set(who, signedIn);
  return signedIn;
}

/** POSTs a multipart upload the way the browser's FormData does. */
async function upload(who: DemoRole, kind: string, name: string, content: Buffer | string, query = ''): Promise<Response> {
  const { cookie, csrfToken } = await session(who);
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new Blob([content]), name);
  return api.app.request(`/api/imports${query}`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken }, body: form });
}

async function commit(who: DemoRole, token: string): Promise<Response> {
  const { cookie, csrfToken } = await session(who);
  return api.app.request(`/api/imports/${token}/commit`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } });
}

async function count(table: string): Promise<number> {
  const rows = await api.db.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

describe('POST /api/imports (preview)', () => {
  it('reports a bad file row by row — row, column, value and message — and writes nothing', async () => {
    const before = { customers: await count('customers'), loads: await count('data_loads') };
    const response = await upload('admin', 'customers', '客户档案-错误.csv', await readFile(fixture('customers-bad.csv')));
    expect(response.status).toBe(200);
    const preview = (await response.json()) as ImportPreviewResponse;
    expect(preview).toMatchObject({ token: null, expiresAt: null, kind: 'customers', file: '客户档案-错误.csv' });
    expect(preview.totalIssues).toBeGreaterThanOrEqual(3);
    expect(preview.issues).toContainEqual(
      expect.objectContaining({ row: 2, column: '业态', value: 'X', code: 'import.value.unknown_code', message: expect.stringContaining('不是可用的代码') }),
    );
    expect(preview.issues).toContainEqual(expect.objectContaining({ row: 3, column: '客户名称', code: 'import.value.required', message: '必填项为空' }));
    expect(preview.issues).toContainEqual(expect.objectContaining({ row: 3, column: '市场类型', value: '郊区' }));
    expect({ customers: await count('customers'), loads: await count('data_loads') }).toEqual(before);
  });

  it('renders the messages in the request language', async () => {
    const response = await upload('admin', 'customers', 'bad.csv', await readFile(fixture('customers-bad.csv')), '?lang=en');
    const preview = (await response.json()) as ImportPreviewResponse;
    expect(preview.issues.find((item) => item.code === 'import.value.required')?.message).toBe('a value is required');
  });

  it('reports an unknown kind as a request problem', async () => {
    const response = await upload('admin', 'payroll', 'x.csv', 'a,b\n1,2\n');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { issues: { code: string }[] } }).error.issues[0]?.code).toBe('import.kind.unknown');
  });

  it('refuses a request without a file, and non-administrators', async () => {
    const { cookie, csrfToken } = await session('admin');
    const form = new FormData();
    form.set('kind', 'customers');
    const response = await api.app.request('/api/imports', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken }, body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('upload.missing_file');
    expect((await upload('analyst', 'customers', 'c.csv', 'x')).status).toBe(403);
    expect((await upload('manager', 'customers', 'c.csv', 'x')).status).toBe(403);
  });

  it('refuses a file over the size limit before reading it, with a clear message', async () => {
    const { cookie, csrfToken } = await session('admin');
    const response = await api.app.request('/api/imports', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(500 * 1024 * 1024) },
      body: '--x--',
    });
    expect(response.status).toBe(413);
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('upload.too_large');
    expect(error.message).toContain('100 MB');
  });
});

describe('POST /api/imports/{token}/commit', () => {
  it('imports a clean file all at once, once, and audits it', async () => {
    const before = await count('customers');
    const previewResponse = await upload('admin', 'customers', 'customers.csv', await readFile(fixture('customers.csv')));
    const preview = (await previewResponse.json()) as ImportPreviewResponse;
    expect(preview.totalIssues).toBe(0);
    expect(preview.token).toEqual(expect.any(String));
    expect(await count('customers')).toBe(before);

    const committed = await commit('admin', preview.token ?? '');
    expect(committed.status).toBe(200);
    const result = (await committed.json()) as ImportResultResponse;
    expect(result).toMatchObject({ kind: 'customers', file: 'customers.csv', rows: preview.rows, inserted: preview.rows, updated: 0 });
    expect(await count('customers')).toBe(before + preview.rows);
    const audit = await api.db.all<{ username: string; target: string }>("SELECT username, target FROM audit_log WHERE action = 'import.commit'");
    expect(audit).toContainEqual({ username: 'admin', target: 'customers.csv' });

    const again = await commit('admin', preview.token ?? '');
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('upload.preview_not_found');

    const loads = await api.json<{ loads: { kind: string; source: string; rows: number }[] }>('admin', '/api/imports');
    expect(loads.body.loads[0]).toMatchObject({ kind: 'customers', source: 'customers.csv', rows: preview.rows });
  });

  it('reads an xlsx upload the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户编码', '客户名称', '业态', '市场类型', '区县', '状态', '订货周期']);
    sheet.addRow(['C7001', '新店七', '便利店', '城镇', '东城区', '正常', '每周']);
    sheet.addRow(['C7002', '新店八', '超市', '城镇', '', '正常', '每周']);
    const bad = (await upload('admin', 'customers', '新客户.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).json() as Promise<ImportPreviewResponse>;
    expect((await bad).issues).toEqual([expect.objectContaining({ row: 3, column: '区县', code: 'import.value.required' })]);
  });

  it('accepts a token only from the administrator who uploaded it', async () => {
    const preview = (await (await upload('admin', 'products', 'products.csv', await readFile(fixture('products.csv')))).json()) as ImportPreviewResponse;
    expect((await commit('analyst', preview.token ?? '')).status).toBe(403);
    expect((await commit('admin', 'not-a-token')).status).toBe(404);
    expect((await commit('admin', preview.token ?? '')).status).toBe(200);
  });
});
