import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatIssue, IssuesError, type Issue } from '@retail-value/core';
import { databaseStatus, importFile, openDatabase, previewImport, type Database } from '@retail-value/engine';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

let db: Database;
let dir: string;

beforeEach(async () => {
  db = await openDatabase(':memory:');
  dir = await mkdtemp(join(tmpdir(), 'import-test-'));
});

afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return db.all(sql);
}

async function count(table: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return row?.n ?? -1;
}

async function rejected(kind: string, path: string): Promise<readonly Issue[]> {
  const error = await importFile(db, { kind, path }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(IssuesError);
  return (error as IssuesError).issues;
}

async function loadMasters(): Promise<void> {
  await importFile(db, { kind: 'customers', path: fixture('customers.csv') });
  await importFile(db, { kind: 'products', path: fixture('products.csv') });
}

describe('importing each kind', () => {
  it('loads a good file of every kind, mapping Chinese headers and code names to the stored codes', async () => {
    await loadMasters();
    const reports = [];
    for (const [kind, file] of [
      ['orders', 'orders.csv'],
      ['visits', 'visits.csv'],
      ['feedback', 'feedback.csv'],
      ['promotions', 'promotions.csv'],
      ['displays', 'displays.csv'],
      ['credit-events', 'credit-events.csv'],
      ['assessments', 'assessments.csv'],
      ['surveys', 'surveys.csv'],
    ] as const) {
      reports.push(await importFile(db, { kind, path: fixture(file) }));
    }
    expect(reports.map((report) => [report.kind, report.rows, report.inserted, report.updated])).toEqual([
      ['orders', 8, 8, 0],
      ['visits', 3, 3, 0],
      ['feedback', 5, 5, 0],
      ['promotions', 4, 4, 0],
      ['displays', 3, 3, 0],
      ['credit-events', 4, 4, 0],
      ['assessments', 4, 4, 0],
      ['surveys', 5, 5, 0],
    ]);
    expect(await count('customers')).toBe(5);
    expect(await count('products')).toBe(4);

    expect(await rows("SELECT order_date, qty, amount, qty_demand, qty_limit FROM order_lines WHERE order_id = 'O1002' ORDER BY sku")).toEqual([
      { order_date: '2024-01-09', qty: 5, amount: 252, qty_demand: null, qty_limit: null },
      { order_date: '2024-01-09', qty: 1, amount: 100.8, qty_demand: 2, qty_limit: 1 },
    ]);
    expect(await rows("SELECT order_date FROM order_lines WHERE order_id = 'O1003' LIMIT 1")).toEqual([{ order_date: '2024-01-15' }]);
    expect(await rows("SELECT actual_date, duration_minutes, items FROM visits WHERE visit_id = 'V003'")).toEqual([
      { actual_date: null, duration_minutes: null, items: null },
    ]);
    expect(await rows('SELECT kind, accurate FROM feedback ORDER BY feedback_id')).toEqual([
      { kind: 'price', accurate: true },
      { kind: 'stock', accurate: null },
      { kind: 'competitor', accurate: false },
      { kind: 'demand', accurate: true },
      { kind: 'anomaly', accurate: true },
    ]);
    expect(await rows("SELECT invited, joined, executed FROM promotions WHERE promotion_id = 'A02'")).toEqual([
      { invited: true, joined: false, executed: false },
    ]);
    expect(await rows('SELECT category, points, grade_after FROM credit_events ORDER BY event_id')).toEqual([
      { category: 'violation_rule', points: -5, grade_after: 'A' },
      { category: 'incentive', points: 3, grade_after: 'A' },
      { category: 'default', points: -10, grade_after: 'C' },
      { category: 'violation_law', points: -20, grade_after: 'D' },
    ]);
    expect(await rows('SELECT customer_id, period, indicator, score FROM assessments ORDER BY customer_id, indicator')).toEqual([
      { customer_id: 'C001', period: '2024Q1', indicator: 'social_influence', score: 85 },
      { customer_id: 'C001', period: '2024Q1', indicator: 'trade_area_maturity', score: 78.5 },
      { customer_id: 'C002', period: '2024Q1', indicator: 'operating_skill', score: 60 },
      { customer_id: 'C003', period: '2024M03', indicator: 'social_influence', score: 70 },
    ]);
    expect(await rows('SELECT DISTINCT dimension FROM survey_responses ORDER BY dimension')).toEqual([
      { dimension: 'market' },
      { dimension: 'profit' },
      { dimension: 'service' },
      { dimension: 'supply' },
    ]);
    expect(await rows("SELECT end_date FROM displays WHERE customer_id = 'C002'")).toEqual([{ end_date: null }]);
  });

  it('stores codes from either spelling: canonical and Chinese files give identical tables', async () => {
    await importFile(db, { kind: 'customers', path: fixture('customers.csv') });
    await importFile(db, { kind: 'products', path: fixture('products.csv') });
    const customers = await rows('SELECT * FROM customers ORDER BY customer_id');
    const products = await rows('SELECT * FROM products ORDER BY sku');
    expect(customers[1]).toMatchObject({ format: 'B', market: 'rural', status: 'suspended', order_cycle: 'biweekly', license_date: '2019-07-01', scale: 'medium' });
    expect(customers[2]).toMatchObject({ license_date: '2020-01-05', trade_area: 'secondary', business_area: null });
    expect(products[3]).toMatchObject({ price_class: 0, origin: 'out_of_province', low_tar: null });

    const other = await openDatabase(':memory:');
    try {
      await importFile(other, { kind: 'customers', path: fixture('customers-zh.csv') });
      await importFile(other, { kind: 'products', path: fixture('products-zh.csv') });
      expect(await other.all('SELECT * FROM customers ORDER BY customer_id')).toEqual(customers);
      expect(await other.all('SELECT * FROM products ORDER BY sku')).toEqual(products);
    } finally {
      await other.close();
    }
  });
});

describe('encodings and formats', () => {
  async function customersFrom(path: string, fileName?: string): Promise<Record<string, unknown>[]> {
    const target = await openDatabase(':memory:');
    try {
      const report = await importFile(target, { kind: 'customers', path, fileName });
      expect(report.rows).toBe(5);
      return await target.all('SELECT * FROM customers ORDER BY customer_id');
    } finally {
      await target.close();
    }
  }

  it('reads UTF-8 with a byte order mark, GBK (GB18030) and XLSX files into the same rows', async () => {
    const expected = await customersFrom(fixture('customers-zh.csv'));
    expect(expected).toHaveLength(5);

    const utf8 = await readFile(fixture('customers-zh.csv'));
    const withBom = join(dir, 'customers-bom.csv');
    await writeFile(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]));
    expect(await customersFrom(withBom)).toEqual(expected);

    const gbk = await readFile(fixture('customers-gbk.csv'));
    expect(gbk.equals(utf8)).toBe(false);
    expect(await customersFrom(fixture('customers-gbk.csv'))).toEqual(expected);

    // Dates three ways, as sheets hold them: date cells, plain day serials, text.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    const parsed = parse(utf8) as string[][];
    sheet.addRow(parsed[0]);
    parsed.slice(1).forEach((cells, index) => {
      const values: (string | number | Date)[] = [...cells];
      if (index === 0) values[8] = new Date(Date.UTC(2018, 2, 15));
      if (index === 3) values[8] = 43069; // 2017-11-30 as an Excel day serial
      if (index === 4) values[8] = new Date(Date.UTC(2016, 4, 20));
      values[18] = cells[18] === '' ? '' : Number(cells[18]);
      sheet.addRow(values);
    });
    sheet.addRow([]);
    const xlsx = join(dir, 'customers.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    expect(await customersFrom(xlsx)).toEqual(expected);
  });

  it('numbers rows as a spreadsheet shows them: quoted line breaks stay in one row, blank lines count', async () => {
    await loadMasters();
    const issues = await rejected('visits', fixture('visits-rows.csv'));
    expect(issues[0]).toMatchObject({ code: 'import.value.not_date', file: 'visits-rows.csv', row: 4, column: 'planned_date', value: '2024-02-31' });
    expect(issues).toHaveLength(2);
  });

  it('numbers xlsx rows by their sheet row, across empty rows', async () => {
    await loadMasters();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('orders');
    sheet.getCell('A1').value = '订单号';
    ['客户编码', '订货日期', '卷烟编码', '订购量', '金额'].forEach((header, index) => {
      sheet.getRow(1).getCell(index + 2).value = header;
    });
    sheet.getRow(2).values = ['O1', 'C001', new Date(Date.UTC(2024, 0, 8)), 'P01', 1, 202.16];
    sheet.getRow(5).values = ['O2', 'C001', '2024-01-08', 'P01', 'x', 202.16];
    const path = join(dir, 'orders.xlsx');
    await workbook.xlsx.writeFile(path);
    const issues = await rejected('orders', path);
    expect(issues[0]).toMatchObject({ code: 'import.value.not_number', row: 5, column: '订购量', value: 'x' });
  });

  it('reports rows that do not split into the header columns, with their row', async () => {
    const path = join(dir, 'customers-columns.csv');
    const good = 'C001,王记,Z,urban,东城区,normal,weekly';
    await writeFile(path, `customer_id,name,format,market,district,status,order_cycle\n${good}\n\n"C002",多,一列,Z,urban,东城区,normal,weekly\n`);
    const issues = await rejected('customers', path);
    expect(issues[0]).toMatchObject({ code: 'import.row.column_count', row: 4, params: { expected: '7', found: '8' } });
    expect(await count('customers')).toBe(0);
  });

  it('accepts tab-separated text and ignores unknown columns', async () => {
    const path = join(dir, 'products.tsv');
    await writeFile(path, '卷烟编码\t卷烟名称\t价类\t调拨价\t批发价\t备注\nP09\t测试\t五类\t8\t9\t随便写\n');
    const report = await importFile(db, { kind: 'products', path });
    expect(report.columns.at(-1)).toEqual({ header: '备注', column: null });
    expect(await rows('SELECT sku, price_class, wholesale_price FROM products')).toEqual([{ sku: 'P09', price_class: 5, wholesale_price: 9 }]);
  });
});

describe('rejecting bad files whole', () => {
  it('rejects an orders file with bad rows, leaves the database unchanged and names file, row, column and value', async () => {
    await loadMasters();
    await importFile(db, { kind: 'orders', path: fixture('orders.csv') });
    const before = await rows('SELECT count(*) AS n, sum(qty) AS qty, sum(amount) AS amount FROM order_lines');
    const loadsBefore = await count('data_loads');

    const error = (await importFile(db, { kind: 'orders', path: fixture('orders-bad.csv') }).catch((caught: unknown) => caught)) as IssuesError;
    expect(error).toBeInstanceOf(IssuesError);
    expect(error.issues.map((item) => [item.code, item.row, item.column, item.value])).toEqual([
      ['import.value.not_date', 3, 'order_date', '2024-02-30'],
      ['import.value.below_min', 4, 'qty', '-3'],
      ['import.value.unknown_customer', 5, 'customer_id', 'C999'],
      ['import.value.duplicate_key', 6, 'order_id + sku', 'O2001 + P01'],
      ['import.value.not_number', 7, 'amount', '12元'],
      ['import.rejected', undefined, undefined, undefined],
    ]);
    expect(await rows('SELECT count(*) AS n, sum(qty) AS qty, sum(amount) AS amount FROM order_lines')).toEqual(before);
    expect(await count('data_loads')).toBe(loadsBefore);

    const [badDate, , , duplicate] = error.issues as Issue[];
    expect(formatIssue(badDate!, 'zh-CN')).toBe(
      '文件 orders-bad.csv，第 3 行，列“order_date”，值“2024-02-30”：不是有效日期（应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD，且为真实存在的日期）',
    );
    expect(formatIssue(badDate!, 'en')).toBe(
      'file orders-bad.csv, row 3, column "order_date", value "2024-02-30": not a valid date (write YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, and a day that exists)',
    );
    expect(formatIssue(duplicate!, 'en')).toContain('duplicates row 2');
    expect(formatIssue(error.issues.at(-1)!, 'zh-CN')).toBe('文件 orders-bad.csv：未导入，共 5 个问题（以上列出前 5 个），数据库未作任何改动');
  });

  it('names unknown codes with the accepted ones, and empty required values', async () => {
    const issues = await rejected('customers', fixture('customers-bad.csv'));
    expect(issues.map((item) => [item.code, item.row, item.column, item.value])).toEqual([
      ['import.value.unknown_code', 2, '业态', 'X'],
      ['import.value.required', 3, '客户名称', undefined],
      ['import.value.unknown_code', 3, '市场类型', '郊区'],
      ['import.rejected', undefined, undefined, undefined],
    ]);
    expect(formatIssue(issues[0]!, 'zh-CN')).toContain('列“业态”，值“X”：不是可用的代码，可用：Z 食杂店 | B 便利店');
    expect(formatIssue(issues[2]!, 'en')).toContain('accepted: urban 城镇 | rural 乡村');
    expect(await count('customers')).toBe(0);
  });

  it('reports a missing required column once, by name', async () => {
    await loadMasters();
    const issues = await rejected('orders', fixture('orders-missing-column.csv'));
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ code: 'import.header.missing_column', row: 1, params: { name: 'amount' } });
    expect(formatIssue(issues[0]!, 'zh-CN')).toBe('文件 orders-missing-column.csv，第 1 行：缺少必填列“amount”（也可写作：金额 / 订单金额）');
    expect(await count('order_lines')).toBe(0);
  });

  it('reports a column given twice', async () => {
    const path = join(dir, 'twice.csv');
    await writeFile(path, 'sku,卷烟编码,name,price_class,cost_price,wholesale_price\nP1,P1,a,1,1,1\n');
    const issues = await rejected('products', path);
    expect(issues[0]).toMatchObject({ code: 'import.header.duplicate_column', row: 1, column: '卷烟编码', params: { other: 'sku', name: 'sku' } });
  });

  it('shows the first 50 issues and counts them all', async () => {
    await loadMasters();
    const path = join(dir, 'many.csv');
    const lines = Array.from({ length: 120 }, (_, index) => `X${index},C001,2024-01-0${(index % 9) + 1},P01,-1,1`);
    await writeFile(path, `order_id,customer_id,order_date,sku,qty,amount\n${lines.join('\n')}\n`);
    const preview = await previewImport(db, { kind: 'orders', path });
    expect(preview.totalIssues).toBe(120);
    expect(preview.issues).toHaveLength(50);
    expect(preview.issues.map((item) => item.row)).toEqual(Array.from({ length: 50 }, (_, index) => index + 2));
    expect(preview.messages[0]).toBe('文件 many.csv，第 2 行，列“qty”，值“-1”：不能小于 0');
    const issues = await rejected('orders', path);
    expect(issues).toHaveLength(51);
    expect(issues.at(-1)).toMatchObject({ code: 'import.rejected', params: { total: 120, shown: 50 } });
  });

  it('checks display end dates against start dates and survey scores against 1–5', async () => {
    await loadMasters();
    const displays = join(dir, 'displays.csv');
    await writeFile(displays, 'customer_id,sku,start_date,end_date\nC001,P01,2024-03-01,2024-02-01\n');
    expect((await rejected('displays', displays))[0]).toMatchObject({
      code: 'import.value.end_before_start',
      row: 2,
      column: 'end_date',
      value: '2024-02-01',
      params: { start: '2024-03-01', startColumn: 'start_date' },
    });
    const surveys = join(dir, 'surveys.csv');
    await writeFile(surveys, 'survey_id,customer_id,response_date,item,dimension,score\nS,C001,2024-03-01,q1,服务,6\n');
    expect((await rejected('surveys', surveys)).map((item) => [item.code, item.column, item.value])).toEqual([
      ['import.value.unknown_code', 'dimension', '服务'],
      ['import.value.above_max', 'score', '6'],
      ['import.rejected', undefined, undefined],
    ]);
  });
});

describe('re-importing', () => {
  it('is idempotent: counts and sums stay the same, rows count as updated', async () => {
    await loadMasters();
    const first = await importFile(db, { kind: 'orders', path: fixture('orders.csv') });
    const totals = 'SELECT count(*) AS n, sum(qty) AS qty, round(sum(amount), 2) AS amount FROM order_lines';
    const after = await rows(totals);
    const second = await importFile(db, { kind: 'orders', path: fixture('orders.csv') });
    expect(await rows(totals)).toEqual(after);
    expect(after).toEqual([{ n: 8, qty: 44, amount: 2438.8 }]);
    expect([first.inserted, first.updated, second.inserted, second.updated]).toEqual([8, 0, 0, 8]);

    const customers = await rows('SELECT * FROM customers ORDER BY customer_id');
    const again = await importFile(db, { kind: 'customers', path: fixture('customers-zh.csv') });
    expect([again.inserted, again.updated]).toEqual([0, 5]);
    expect(await rows('SELECT * FROM customers ORDER BY customer_id')).toEqual(customers);
  });

  it('updates by key and keeps the columns a file does not carry', async () => {
    await loadMasters();
    const path = join(dir, 'customers-update.csv');
    await writeFile(path, '客户编码,客户名称,业态,市场类型,区县,状态,订货周期\nC001,王记食杂店（新）,便利店,城镇,东城区,正常,每周\nC900,新客户,食杂店,乡村,清河县,正常,两周\n');
    const report = await importFile(db, { kind: 'customers', path });
    expect([report.inserted, report.updated]).toEqual([1, 1]);
    expect(await rows("SELECT name, format, address, credit_grade FROM customers WHERE customer_id = 'C001'")).toEqual([
      { name: '王记食杂店（新）', format: 'B', address: '人民路1号', credit_grade: 'AAA' },
    ]);
    expect(await count('customers')).toBe(6);
  });

  it('logs each load with its kind, file name, content hash and row count', async () => {
    await loadMasters();
    const report = await importFile(db, { kind: 'orders', path: fixture('orders.csv'), fileName: '一月订单.csv' });
    const hash = createHash('sha256').update(await readFile(fixture('orders.csv'))).digest('hex');
    expect(report.contentHash).toBe(hash);
    expect(await rows('SELECT load_id, kind, source, content_hash, row_count FROM data_loads ORDER BY load_id')).toEqual([
      { load_id: 1, kind: 'customers', source: 'customers.csv', content_hash: expect.any(String), row_count: 5 },
      { load_id: 2, kind: 'products', source: 'products.csv', content_hash: expect.any(String), row_count: 4 },
      { load_id: 3, kind: 'orders', source: '一月订单.csv', content_hash: hash, row_count: 8 },
    ]);
    const [loaded] = await rows('SELECT loaded_at FROM data_loads WHERE load_id = 3');
    expect(String(loaded?.loaded_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

describe('preview and status', () => {
  it('previews without writing anything', async () => {
    const preview = await previewImport(db, { kind: 'customers', path: fixture('customers-zh.csv'), locale: 'en' });
    expect(preview).toMatchObject({ kind: 'customers', file: 'customers-zh.csv', rows: 5, totalIssues: 0, issues: [] });
    expect(preview.columns[0]).toEqual({ header: '客户编码', column: 'customer_id' });
    expect(await count('customers')).toBe(0);
    expect(await count('data_loads')).toBe(0);
    const temporary = await db.all("SELECT table_name FROM duckdb_tables() WHERE temporary");
    expect(temporary).toEqual([]);
  });

  it('rejects an unknown kind and a missing file as issues', async () => {
    await expect(previewImport(db, { kind: 'sales', path: fixture('orders.csv') })).rejects.toMatchObject({ issues: [{ code: 'import.kind.unknown', value: 'sales' }] });
    await expect(previewImport(db, { kind: 'orders', path: join(dir, 'absent.csv') })).rejects.toMatchObject({ issues: [{ code: 'import.file.not_found' }] });
  });

  it('reports rows per fact table, date ranges and loads', async () => {
    await loadMasters();
    await importFile(db, { kind: 'orders', path: fixture('orders.csv') });
    await importFile(db, { kind: 'visits', path: fixture('visits.csv') });
    const status = await databaseStatus(db);
    expect(status.tables).toEqual({
      customers: 5,
      products: 4,
      order_lines: 8,
      visits: 3,
      feedback: 0,
      promotions: 0,
      displays: 0,
      credit_events: 0,
      assessments: 0,
      survey_responses: 0,
    });
    expect(status.dateRange.order_lines).toEqual({ from: '2024-01-08', to: '2024-01-15' });
    expect(status.dateRange.visits).toEqual({ from: '2024-01-08', to: '2024-01-15' });
    expect(status.dateRange.feedback).toBeNull();
    expect(status.loads).toBe(4);
  });
});
