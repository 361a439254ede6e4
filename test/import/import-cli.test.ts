import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, parseJson } from '../cli-harness.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

let dir: string;
let db: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-cli-'));
  db = join(dir, 'retail.duckdb');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('retail-value import', () => {
  it('imports files and reports in Chinese by default, in English with --lang en', async () => {
    const customers = await cli('import', '--db', db, '--kind', 'customers', fixture('customers-zh.csv'));
    expect(customers).toMatchObject({ code: 0, stderr: '' });
    expect(customers.stdout).toBe('已导入客户档案：文件 customers-zh.csv，5 行（新增 5，更新 0），导入批次 1\n');
    const products = await cli('--lang', 'en', 'import', '--db', db, '--kind', 'products', fixture('products.csv'));
    expect(products.stdout).toBe('imported products: file products.csv, 4 rows (4 new, 0 updated), load 2\n');
  });

  it('lists the columns it ignores', async () => {
    const path = join(dir, 'products.csv');
    await writeFile(path, 'sku,name,price_class,cost_price,wholesale_price,备注,Remark\nP1,a,1,10,11,x,y\n');
    const result = await cli('import', '--db', db, '--kind', 'products', path);
    expect(result.stdout.split('\n')[1]).toBe('未识别、将忽略的列：备注, Remark');
  });

  it('prints the report as JSON', async () => {
    await cli('import', '--db', db, '--kind', 'customers', fixture('customers.csv'));
    await cli('import', '--db', db, '--kind', 'products', fixture('products.csv'));
    const report = parseJson(await cli('import', '--db', db, '--kind', 'orders', '--json', fixture('orders.csv')));
    expect(report).toMatchObject({ ok: true, kind: 'orders', file: 'orders.csv', rows: 8, inserted: 8, updated: 0, loadId: 3, totalIssues: 0 });
    expect(report.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a bad file with exit code 1, naming file, row, column and value in either language', async () => {
    await cli('import', '--db', db, '--kind', 'customers', fixture('customers.csv'));
    await cli('import', '--db', db, '--kind', 'products', fixture('products.csv'));
    const zh = await cli('import', '--db', db, '--kind', 'orders', fixture('orders-bad.csv'));
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('');
    const lines = zh.stderr.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe('文件 orders-bad.csv，第 4 行，列“qty”，值“-3”：不能小于 0');
    expect(lines[2]).toBe('文件 orders-bad.csv，第 5 行，列“customer_id”，值“C999”：客户编码在客户档案中不存在，请先导入客户档案');
    expect(lines[5]).toContain('共 5 个问题');

    const en = await cli('import', '--db', db, '--kind', 'orders', '--lang', 'en', fixture('orders-bad.csv'));
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('file orders-bad.csv, row 5, column "customer_id", value "C999": no customer with this id');
    expect(en.stderr).toContain('file orders-bad.csv, row 7, column "amount", value "12元": not a number');

    const status = parseJson<{ tables: Record<string, number>; loads: number }>(await cli('status', '--db', db, '--json'));
    expect(status.tables.order_lines).toBe(0);
    expect(status.loads).toBe(2);
  });

  it('lists the issues as JSON on failure', async () => {
    const result = await cli('import', '--db', db, '--kind', 'customers', '--json', fixture('customers-bad.csv'));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; issues: { code: string; row?: number; column?: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.issues[0]).toMatchObject({ code: 'import.value.unknown_code', row: 2, column: '业态', value: 'X' });
    expect(report.issues[0]?.message).toContain('第 2 行');
  });

  it('checks without writing with --dry-run', async () => {
    const result = await cli('import', '--db', db, '--kind', 'customers', '--dry-run', fixture('customers-gbk.csv'));
    expect(result.stdout).toBe('检查通过客户档案：文件 customers-gbk.csv，5 行，可以导入（未写入数据库）\n');
    const status = parseJson<{ tables: Record<string, number>; loads: number }>(await cli('status', '--db', db, '--json'));
    expect(status.tables.customers).toBe(0);
    expect(status.loads).toBe(0);
  });

  it('refuses an unknown kind', async () => {
    const result = await cli('import', '--db', db, '--kind', 'sales', fixture('orders.csv'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('customers');
  });
});

describe('retail-value status', () => {
  it('prints rows per table, date ranges and loads as JSON', async () => {
    await cli('import', '--db', db, '--kind', 'customers', fixture('customers.csv'));
    await cli('import', '--db', db, '--kind', 'products', fixture('products.csv'));
    await cli('import', '--db', db, '--kind', 'orders', fixture('orders.csv'));
    await cli('import', '--db', db, '--kind', 'surveys', fixture('surveys.csv'));
    const status = parseJson(await cli('status', '--db', db, '--json'));
    expect(status).toEqual({
      tables: {
        customers: 5,
        products: 4,
        order_lines: 8,
        visits: 0,
        feedback: 0,
        promotions: 0,
        displays: 0,
        credit_events: 0,
        assessments: 0,
        survey_responses: 5,
      },
      dateRange: {
        order_lines: { from: '2024-01-08', to: '2024-01-15' },
        visits: null,
        feedback: null,
        promotions: null,
        displays: null,
        credit_events: null,
        survey_responses: { from: '2024-03-10', to: '2024-03-12' },
      },
      loads: 4,
      // the orders import summarised its lines: four customer order days
      orderSummary: { days: 4, orderLines: 8, builtAt: expect.any(String) },
    });
    const zh = await cli('status', '--db', db);
    expect(zh.stdout).toContain('订单汇总：4 个客户订货日，来自 8 条订单明细');
  });

  it('prints a table in the chosen language', async () => {
    await cli('import', '--db', db, '--kind', 'customers', fixture('customers.csv'));
    const zh = await cli('status', '--db', db);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/customers\s+客户档案\s+5/);
    expect(zh.stdout).toContain('已导入 1 次');
    const en = await cli('--lang', 'en', 'status', '--db', db);
    expect(en.stdout).toMatch(/order_lines\s+order lines\s+0/);
    expect(en.stdout).toContain('1 imports logged');
  });

  it('reports a database file that does not exist', async () => {
    const result = await cli('status', '--db', join(dir, 'absent.duckdb'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('absent.duckdb');
  });
});
