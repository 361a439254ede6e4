import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssuesError } from '@retail-value/core';
import { one, type Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { DEMO_TABLES, generateDemo, type DemoResult } from './generate-demo.js';

/** MD5 over a table's rows as text, in sorted order: equal exactly when the contents are. */
async function tableMd5(db: Database, table: string): Promise<string> {
  const row = await one<{ digest: string }>(db, `SELECT md5(string_agg(CAST(t AS VARCHAR), chr(10) ORDER BY CAST(t AS VARCHAR))) AS digest FROM ${table} AS t`);
  return row.digest;
}

async function count(db: Database, sql: string): Promise<number> {
  const row = await one<{ n: number }>(db, sql);
  return Number(row.n);
}

describe('a small demo company (300 customers, 26 weeks)', () => {
  let db: Database;
  let result: DemoResult;

  beforeAll(async () => {
    db = await openDatabase(':memory:');
    result = await generateDemo(db, { customers: 300, weeks: 26, linesPerOrder: 4 });
  });
  afterAll(async () => {
    await db.close();
  });

  it('fills every fact table and reports the window', () => {
    expect(result.start).toBe('2026-04-02');
    for (const table of DEMO_TABLES) expect(result.counts[table], table).toBeGreaterThan(0);
    expect(result.counts.customers).toBe(300);
    expect(result.rowCount).toBe(DEMO_TABLES.reduce((sum, table) => sum + result.counts[table], 0));
  });

  it('records the generation in data_loads', async () => {
    const loads = await db.all<{ kind: string; source: string; content_hash: string; row_count: number }>('SELECT * FROM data_loads');
    expect(loads).toHaveLength(1);
    expect(loads[0]).toMatchObject({
      kind: 'demo',
      source: 'demo:customers=300,weeks=26,seed=42,end=2026-09-30,lines-per-order=4',
      content_hash: result.contentHash,
      row_count: result.rowCount,
    });
  });

  it('keeps every fact tied to a customer and every line to a product', async () => {
    for (const table of ['order_lines', 'visits', 'feedback', 'promotions', 'displays', 'credit_events', 'assessments', 'survey_responses']) {
      expect(await count(db, `SELECT count(*) AS n FROM ${table} WHERE customer_id NOT IN (SELECT customer_id FROM customers)`), table).toBe(0);
    }
    for (const table of ['order_lines', 'displays']) {
      expect(await count(db, `SELECT count(*) AS n FROM ${table} WHERE sku NOT IN (SELECT sku FROM products)`), table).toBe(0);
    }
    expect(await count(db, 'SELECT count(*) - count(DISTINCT (order_id, sku)) AS n FROM order_lines')).toBe(0);
  });

  it('prices lines at the wholesale price and caps scarce SKUs at their allocation', async () => {
    const mispriced = await count(
      db,
      `SELECT count(*) AS n FROM order_lines o JOIN products p USING (sku) WHERE abs(o.amount - o.qty * p.wholesale_price) > 0.01`,
    );
    expect(mispriced).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM order_lines WHERE qty < 1 OR qty > qty_demand OR qty > qty_limit')).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM order_lines o JOIN products p USING (sku) WHERE (o.qty_limit IS NOT NULL) <> p.scarce')).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM order_lines WHERE qty < qty_demand')).toBeGreaterThan(0);
  });

  it('orders stay inside the window, after the licence and before the status date', async () => {
    expect(await count(db, `SELECT count(*) AS n FROM order_lines WHERE order_date NOT BETWEEN DATE '2026-04-02' AND DATE '2026-09-30'`)).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM order_lines o JOIN customers c USING (customer_id) WHERE o.order_date < c.license_date')).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM order_lines o JOIN customers c USING (customer_id) WHERE o.order_date >= c.status_date')).toBe(0);
  });

  it('holds every lifecycle pattern', async () => {
    const end = `DATE '2026-09-30'`;
    const lastOrders = `(SELECT customer_id, max(order_date) AS last_order FROM order_lines GROUP BY customer_id)`;
    // stopped: a normal licence without an order in the last 13 weeks
    expect(
      await count(db, `SELECT count(*) AS n FROM customers c LEFT JOIN ${lastOrders} l USING (customer_id)
        WHERE c.status = 'normal' AND c.license_date < ${end} - 182 AND (l.last_order IS NULL OR l.last_order <= ${end} - 91)`),
    ).toBeGreaterThan(0);
    // new: licences of the last 3 months, with few orders
    expect(await count(db, `SELECT count(*) AS n FROM customers WHERE license_date > ${end} - 91`)).toBeGreaterThan(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM (SELECT customer_id, count(DISTINCT order_id) AS orders FROM order_lines
        JOIN customers USING (customer_id) WHERE license_date > ${end} - 91 GROUP BY customer_id) WHERE orders > 13`),
    ).toBe(0);
    for (const status of ['suspended', 'cancelled', 'closed']) {
      expect(await count(db, `SELECT count(*) AS n FROM customers WHERE status = '${status}' AND status_date IS NOT NULL`), status).toBeGreaterThan(0);
    }
    expect(await count(db, `SELECT count(*) AS n FROM customers WHERE status = 'normal' AND status_date IS NOT NULL`)).toBe(0);
    // growing and declining: last 13 weeks against the 13 before, among steady orderers
    const quarters = `(SELECT customer_id,
        sum(qty) FILTER (WHERE order_date > ${end} - 91) AS recent,
        sum(qty) FILTER (WHERE order_date <= ${end} - 91) AS earlier
      FROM order_lines GROUP BY customer_id)`;
    expect(await count(db, `SELECT count(*) AS n FROM ${quarters} WHERE recent >= 1.1 * earlier`)).toBeGreaterThan(10);
    expect(await count(db, `SELECT count(*) AS n FROM ${quarters} WHERE recent <= 0.9 * earlier`)).toBeGreaterThan(10);
    expect(await count(db, `SELECT count(*) AS n FROM ${quarters} WHERE recent BETWEEN 0.9 * earlier AND 1.1 * earlier`)).toBeGreaterThan(75);
  });

  it('prices SKUs by class as the industry does', async () => {
    const products = await db.all<{ price_class: number; cost_price: number; wholesale_price: number; retail_price: number }>('SELECT * FROM products');
    expect(products.length).toBeGreaterThanOrEqual(300);
    expect(products.length).toBeLessThanOrEqual(400);
    const bounds: Record<number, [number, number]> = { 1: [100, 500], 2: [70, 100], 3: [30, 70], 4: [16.5, 30], 5: [0, 16.5] };
    for (const product of products) {
      const [low, high] = bounds[product.price_class] ?? [Number.NaN, Number.NaN];
      expect(product.cost_price).toBeGreaterThanOrEqual(low);
      expect(product.cost_price).toBeLessThan(high);
      expect(product.wholesale_price / product.cost_price).toBeGreaterThanOrEqual(1.095);
      expect(product.wholesale_price / product.cost_price).toBeLessThanOrEqual(1.155);
      expect(Math.abs(product.retail_price - product.wholesale_price * 1.1)).toBeLessThanOrEqual(0.5);
    }
    expect(new Set(products.map((product) => product.price_class))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(await count(db, `SELECT count(*) AS n FROM products WHERE launch_date > DATE '2026-04-02'`)).toBeGreaterThan(0);
    expect(await count(db, 'SELECT count(*) AS n FROM products WHERE scarce')).toBeGreaterThan(0);
    expect(await count(db, 'SELECT count(*) AS n FROM products WHERE low_tar')).toBeGreaterThan(0);
    expect(await count(db, `SELECT count(*) AS n FROM order_lines o JOIN products p USING (sku) WHERE o.order_date < p.launch_date`)).toBe(0);
  });

  it('sells the countryside mostly classes 3 to 5 and the towns more of classes 1 and 2', async () => {
    const shares = await db.all<{ market: string; low: number; high: number }>(`
      SELECT c.market, sum(o.qty) FILTER (WHERE p.price_class >= 3) / sum(o.qty) AS low, sum(o.qty) FILTER (WHERE p.price_class <= 2) / sum(o.qty) AS high
      FROM order_lines o JOIN customers c USING (customer_id) JOIN products p USING (sku) GROUP BY c.market`);
    const rural = shares.find((row) => row.market === 'rural');
    const urban = shares.find((row) => row.market === 'urban');
    expect(rural?.low).toBeGreaterThan(0.6);
    expect(urban?.high).toBeGreaterThan(rural?.high ?? 1);
  });

  it('stores the order lines in date order', async () => {
    expect(
      await count(db, `SELECT count(*) AS n FROM (
        SELECT order_date, lag(order_date) OVER (ORDER BY rowid) AS previous FROM order_lines) WHERE previous > order_date`),
    ).toBe(0);
  });

  it('gives credit events grades consistent with the archive', async () => {
    const mismatched = await count(
      db,
      `SELECT count(*) AS n FROM (
        SELECT e.grade_after, c.credit_grade, row_number() OVER (PARTITION BY e.customer_id ORDER BY e.event_date DESC, e.event_id DESC) AS latest
        FROM credit_events e JOIN customers c USING (customer_id)) WHERE latest = 1 AND grade_after <> credit_grade`,
    );
    expect(mismatched).toBe(0);
    expect(await count(db, `SELECT count(*) AS n FROM credit_events WHERE (category = 'incentive') <> (points > 0)`)).toBe(0);
  });

  it('assesses every quarter of the window on a 0–100 scale and surveys on 1–5', async () => {
    const periods = await db.all<{ period: string }>('SELECT DISTINCT period FROM assessments ORDER BY period');
    expect(periods.map((row) => row.period)).toEqual(['2026Q2', '2026Q3']);
    expect(await count(db, 'SELECT count(*) AS n FROM assessments WHERE score < 0 OR score > 100')).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM survey_responses WHERE score NOT BETWEEN 1 AND 5')).toBe(0);
    expect(await count(db, 'SELECT count(DISTINCT dimension) AS n FROM survey_responses')).toBe(4);
    expect(await count(db, 'SELECT count(*) AS n FROM survey_responses WHERE score <= 2')).toBeGreaterThan(0);
    expect(await count(db, 'SELECT count(*) AS n FROM survey_responses WHERE comment IS NOT NULL')).toBeGreaterThan(0);
  });

  it('refuses to overwrite a database that has customers, and replaces it when asked', async () => {
    const refused = await generateDemo(db, { customers: 50, weeks: 4 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IssuesError);
    expect((refused as IssuesError).issues[0]).toMatchObject({ code: 'demo.database_not_empty', params: { table: 'customers', count: 300 } });
    expect(await count(db, 'SELECT count(*) AS n FROM customers')).toBe(300);

    const replaced = await generateDemo(db, { customers: 50, weeks: 4, replace: true });
    expect(replaced.counts.customers).toBe(50);
    expect(await count(db, 'SELECT count(*) AS n FROM customers')).toBe(50);
    expect(await count(db, `SELECT count(*) AS n FROM order_lines WHERE order_date < DATE '2026-09-03'`)).toBe(0);
    expect(await db.all('SELECT load_id, row_count FROM data_loads ORDER BY load_id')).toEqual([
      { load_id: 1, row_count: result.rowCount },
      { load_id: 2, row_count: replaced.rowCount },
    ]);
    expect(await count(db, `SELECT count(*) AS n FROM duckdb_tables() WHERE temporary`)).toBe(0);
  });
});

describe('determinism', () => {
  const options = { customers: 300, weeks: 26, linesPerOrder: 3 };
  let first: Database;
  let second: Database;
  let third: Database;
  let results: DemoResult[];

  beforeAll(async () => {
    [first, second, third] = await Promise.all([openDatabase(':memory:'), openDatabase(':memory:'), openDatabase(':memory:')]);
    results = [await generateDemo(first, options), await generateDemo(second, options), await generateDemo(third, { ...options, seed: 7 })];
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close(), third.close()]);
  });

  it('gives the same tables for the same seed and options', async () => {
    expect(results[1]?.contentHash).toBe(results[0]?.contentHash);
    for (const table of DEMO_TABLES) expect(await tableMd5(second, table), table).toBe(await tableMd5(first, table));
  });

  it('gives different tables for another seed', async () => {
    expect(results[2]?.contentHash).not.toBe(results[0]?.contentHash);
    for (const table of ['customers', 'order_lines', 'visits']) expect(await tableMd5(third, table), table).not.toBe(await tableMd5(first, table));
  });
});

describe('a city company of 2000 customers', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase(':memory:');
    await generateDemo(db, { customers: 2000, weeks: 2, linesPerOrder: 1 });
  });
  afterAll(async () => {
    await db.close();
  });

  it('has the seven formats in realistic shares and both markets', async () => {
    const rows = await db.all<{ format: string; share: number }>(
      'SELECT format, count(*) / 2000 AS share FROM customers GROUP BY format ORDER BY share DESC',
    );
    const share = Object.fromEntries(rows.map((row) => [row.format, row.share]));
    expect(rows[0]?.format).toBe('Z');
    expect(Object.keys(share).sort()).toEqual(['B', 'F', 'N', 'Q', 'S', 'Y', 'Z']);
    expect(share.Z).toBeGreaterThan(0.48);
    expect(share.Z).toBeLessThan(0.59);
    expect(share.B).toBeGreaterThan(0.16);
    expect(share.B).toBeLessThan(0.24);
    expect(share.Y).toBeGreaterThan(0.09);
    expect(share.Y).toBeLessThan(0.15);
    expect(share.Q).toBeLessThan(0.05);
    const urban = await count(db, `SELECT count(*) AS n FROM customers WHERE market = 'urban'`);
    expect(urban / 2000).toBeGreaterThan(0.38);
    expect(urban / 2000).toBeLessThan(0.52);
    const ruralGrocery = await count(db, `SELECT count(*) AS n FROM customers WHERE market = 'rural' AND format = 'Z'`);
    const urbanGrocery = await count(db, `SELECT count(*) AS n FROM customers WHERE market = 'urban' AND format = 'Z'`);
    expect(ruralGrocery / (2000 - urban)).toBeGreaterThan(urbanGrocery / urban);
  });

  it('gives each customer manager about 200 customers on routes of their own', async () => {
    const managers = await db.all<{ manager_id: string; customers: number; districts: number }>(
      'SELECT manager_id, count(*) AS customers, count(DISTINCT district) AS districts FROM customers GROUP BY manager_id',
    );
    expect(managers.length).toBeGreaterThanOrEqual(8);
    expect(managers.length).toBeLessThanOrEqual(12);
    for (const manager of managers) {
      expect(manager.manager_id).toMatch(/^M\d{4}$/);
      expect(manager.customers).toBeGreaterThanOrEqual(130);
      expect(manager.customers).toBeLessThanOrEqual(280);
      expect(manager.districts).toBe(1);
    }
    expect(await count(db, 'SELECT count(*) AS n FROM (SELECT route FROM customers GROUP BY route HAVING count(DISTINCT manager_id) > 1)')).toBe(0);
    expect(await count(db, 'SELECT count(DISTINCT district) AS n FROM customers')).toBe(8);
  });

  it('builds licence numbers from the district code and keeps them unique', async () => {
    expect(await count(db, `SELECT count(*) AS n FROM customers WHERE NOT regexp_full_match(license_no, '9901\\d{8}')`)).toBe(0);
    expect(await count(db, 'SELECT count(DISTINCT license_no) AS n FROM customers')).toBe(2000);
  });

  it('grades credit mostly A and AA, few B, C or D, and orders mostly weekly', async () => {
    const grades = Object.fromEntries(
      (await db.all<{ credit_grade: string; n: number }>('SELECT credit_grade, count(*) AS n FROM customers GROUP BY 1')).map((row) => [row.credit_grade, row.n]),
    );
    expect((grades.A ?? 0) + (grades.AA ?? 0)).toBeGreaterThan(1400);
    expect((grades.B ?? 0) + (grades.C ?? 0) + (grades.D ?? 0)).toBeLessThan(400);
    expect(grades.AAA).toBeGreaterThan(0);
    const weekly = await count(db, `SELECT count(*) AS n FROM customers WHERE order_cycle = 'weekly'`);
    expect(weekly / 2000).toBeGreaterThan(0.68);
    expect(weekly / 2000).toBeLessThan(0.82);
  });
});

describe('the season', () => {
  it('peaks in the three weeks before the Spring Festival', async () => {
    const db = await openDatabase(':memory:');
    try {
      await generateDemo(db, { customers: 300, weeks: 26, end: '2026-03-31', linesPerOrder: 2 });
      const weeks = await db.all<{ week: number; cartons: number }>(
        `SELECT (order_date - DATE '2025-10-01') // 7 AS week, sum(qty) AS cartons FROM order_lines GROUP BY week ORDER BY week`,
      );
      const average = weeks.reduce((sum, row) => sum + row.cartons, 0) / weeks.length;
      const festivalRunUp = await one<{ cartons: number }>(
        db,
        `SELECT sum(qty) / 3 AS cartons FROM order_lines WHERE order_date BETWEEN DATE '2026-02-17' - 21 AND DATE '2026-02-16'`,
      );
      expect(weeks).toHaveLength(26);
      expect(festivalRunUp.cartons).toBeGreaterThan(1.2 * average);
    } finally {
      await db.close();
    }
  });
});

describe('options', () => {
  it('rejects every bad option at once, as issues', async () => {
    const db = await openDatabase(':memory:');
    try {
      const error = await generateDemo(db, { customers: '0', weeks: 'many', seed: -1, end: '2026-02-30', linesPerOrder: 100 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IssuesError);
      expect((error as IssuesError).issues.map((item) => item.code)).toEqual([
        'demo.option.integer',
        'demo.option.integer',
        'demo.option.integer',
        'demo.option.date',
        'demo.option.number',
      ]);
      expect(await count(db, 'SELECT count(*) AS n FROM customers')).toBe(0);
    } finally {
      await db.close();
    }
  });
});
