import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { duckdbDialect, evaluationWindow, settleOrderSummary, importFile, markOrderSummary, openDatabase, refreshOrderSummary, type Database } from '@retail-value/engine';
import { orderPassesSql } from '../../packages/engine/src/evaluation/compile-measures.js';
import { orderSummarySkuBits, skuSetsOf } from '../../packages/engine/src/orders/order-summary.js';
import { SKU_LANES } from '../../packages/engine/src/schema/tables.js';
import { seedSmallCompany } from './small-company.js';

/** A summary day's SKU count, over every lane and the bit string beyond them. */
const DAY_SKUS = [...Array.from({ length: SKU_LANES }, (_, lane) => `coalesce(CAST(bit_count(d.sku_set_${lane}) AS INTEGER), 0)`), 'coalesce(bit_count(d.sku_set_more), 0)'].join(' + ');
/** A summary day's SKU set as text. */
const DAY_SKU_TEXT = `concat_ws('|', ${[...Array.from({ length: SKU_LANES }, (_, lane) => `d.sku_set_${lane}`), 'd.sku_set_more'].map((column) => `coalesce(CAST(${column} AS VARCHAR), '-')`).join(', ')})`;

/** The summary as text rows, customer by code, in a stable order. */
async function snapshot(db: Database): Promise<unknown[]> {
  const days = await db.all(
    `SELECT k.customer_id, CAST(d.order_date AS VARCHAR) AS day, d.qty, d.amount, d.gross_profit, d.qty_class12, d.qty_limited, d.qty_limit,
       d.qty_demand, d.qty_with_demand, d.orders, d.lines, ${DAY_SKU_TEXT} AS skus
     FROM order_days d JOIN customer_keys k USING (customer_key) ORDER BY k.customer_id, d.order_date`,
  );
  const fresh = await db.all(
    `SELECT k.customer_id, CAST(n.order_date AS VARCHAR) AS day, p.sku, n.qty FROM order_new_lines n
     JOIN customer_keys k USING (customer_key) JOIN product_keys p USING (sku_key) ORDER BY ALL`,
  );
  return [...days, ...fresh];
}

/** The same figures straight from the order lines. */
async function fromLines(db: Database): Promise<unknown[]> {
  return db.all(
    `SELECT o.customer_id, CAST(o.order_date AS VARCHAR) AS day, sum(round(o.qty * 1e4)) AS qty, sum(round(o.amount * 1e4)) AS amount,
       sum(round(o.qty * (p.wholesale_price - p.cost_price) * 1e4)) AS gross_profit, count(DISTINCT o.order_id) AS orders, count(*) AS lines,
       count(DISTINCT o.sku) AS skus
     FROM order_lines o JOIN products p USING (sku) GROUP BY ALL ORDER BY ALL`,
  );
}

describe('order summary', () => {
  let dir: string;
  let db: Database;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rv-summary-'));
    db = await openDatabase(':memory:');
    await seedSmallCompany(db);
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('holds per customer and day what the order lines hold', async () => {
    const built = await settleOrderSummary(db);
    expect(built?.full).toBe(true);
    expect(await settleOrderSummary(db)).toBeUndefined();
    const summary = await db.all(
      `SELECT k.customer_id, CAST(d.order_date AS VARCHAR) AS day, d.qty, d.amount, d.gross_profit, d.orders, d.lines, ${DAY_SKUS} AS skus
       FROM order_days d JOIN customer_keys k USING (customer_key) ORDER BY ALL`,
    );
    const lines = await fromLines(db);
    expect(summary.length).toBeGreaterThan(1000);
    expect(summary).toEqual(lines);
    // lines of a product launched less than 365 days before the order (or after it) are kept apart: P011's, no other
    const fresh = await db.all<{ sku: string; n: number; lines: number }>(
      `SELECT p.sku, count(*) AS n, (SELECT count(*) FROM order_lines o WHERE o.sku = p.sku) AS lines
       FROM order_new_lines n JOIN product_keys p USING (sku_key) GROUP BY p.sku`,
    );
    expect(fresh).toEqual([{ sku: 'P011', n: fresh[0]?.lines, lines: fresh[0]?.lines }]);
    expect(fresh[0]?.lines).toBeGreaterThan(0);
    // lines written without an import change the count: the next evaluation's check rebuilds
    await db.run(`INSERT INTO order_lines VALUES ('Z1', 'C0002', DATE '2026-09-29', 'P001', 3, 302.4, NULL, NULL)`);
    expect((await settleOrderSummary(db))?.full).toBe(true);
    expect(await db.all(`SELECT d.qty FROM order_days d JOIN customer_keys k USING (customer_key) WHERE k.customer_id = 'C0002' AND d.order_date = DATE '2026-09-29'`)).toEqual([
      { qty: 30000 },
    ]);
  });

  it('settles a change that was noted and committed but not yet summarised (a process stopped in between)', async () => {
    await settleOrderSummary(db);
    await db.transaction(async () => {
      await db.run(`INSERT INTO order_lines VALUES ('Z9', 'C0005', DATE '2026-09-29', 'P001', 4, 403.2, NULL, NULL)`);
      await markOrderSummary(db, { from: '2026-09-29', to: '2026-09-29' }, 1);
    });
    expect(await db.all('SELECT pending_full, CAST(pending_from AS VARCHAR) AS pending_from FROM order_summary_state')).toEqual([
      { pending_full: false, pending_from: '2026-09-29' },
    ]);
    const settled = await settleOrderSummary(db);
    expect(settled?.full).toBe(false);
    const summary = await db.all(
      `SELECT k.customer_id, CAST(d.order_date AS VARCHAR) AS day, d.qty, d.amount, d.gross_profit, d.orders, d.lines, ${DAY_SKUS} AS skus
       FROM order_days d JOIN customer_keys k USING (customer_key) ORDER BY ALL`,
    );
    expect(summary).toEqual(await fromLines(db));
    expect(await settleOrderSummary(db)).toBeUndefined();
    // a note whose line count does not add up (lines written around it) asks for the whole
    await db.run(`INSERT INTO order_lines VALUES ('Z8', 'C0006', DATE '2026-05-05', 'P001', 1, 100.8, NULL, NULL)`);
    await markOrderSummary(db, { from: '2026-09-29', to: '2026-09-29' }, 0);
    expect((await settleOrderSummary(db))?.full).toBe(true);
  });

  it('is left as it was by a rejected orders file, and a refresh of some days does not drop a wider note', async () => {
    await settleOrderSummary(db);
    const before = await snapshot(db);
    const state = await db.all('SELECT order_lines, built_at FROM order_summary_state');
    const file = join(dir, 'bad-orders.csv');
    await writeFile(file, ['order_id,customer_id,order_date,sku,qty,amount', 'B1,C0004,2026-09-29,P002,1,56', 'B1,NOBODY,2026-13-40,P002,x,56'].join('\n'));
    await expect(importFile(db, { kind: 'orders', path: file })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect(await db.all('SELECT order_lines, built_at FROM order_summary_state')).toEqual(state);
    // a note for two days, then a refresh of one of them: everything is summarised again
    await db.transaction(async () => {
      await db.run(`INSERT INTO order_lines VALUES ('Z7', 'C0005', DATE '2026-05-05', 'P001', 4, 403.2, NULL, NULL)`);
      await markOrderSummary(db, { from: '2026-05-05', to: '2026-09-29' }, 1);
    });
    expect((await refreshOrderSummary(db, { from: '2026-09-29', to: '2026-09-29' })).full).toBe(true);
    expect(await settleOrderSummary(db)).toBeUndefined();
  });

  it('gives the same summary built whole in one block or in many', async () => {
    const inOne = await refreshOrderSummary(db);
    const whole = await snapshot(db);
    const lines = (await db.all<{ n: number }>('SELECT count(*) AS n FROM order_lines'))[0]?.n ?? 0;
    // about 9 blocks of 20 days over the 26 weeks
    const inBlocks = await refreshOrderSummary(db, undefined, Math.ceil(lines / 9));
    expect(inBlocks.days).toBe(inOne.days);
    expect(await snapshot(db)).toEqual(whole);
  });

  it('follows an orders import on the days it touches, including the day a re-imported order left', async () => {
    await settleOrderSummary(db);
    const [moved] = await db.all<{ order_id: string; sku: string; day: string }>(
      `SELECT order_id, sku, CAST(order_date AS VARCHAR) AS day FROM order_lines WHERE customer_id = 'C0003' ORDER BY order_date LIMIT 1`,
    );
    const file = join(dir, 'orders.csv');
    await writeFile(
      file,
      [
        'order_id,customer_id,order_date,sku,qty,amount',
        // a new customer day, a new product in it, and a line moved from its old day to another
        'N1,C0004,2026-09-29,P011,2,201.6',
        'N1,C0004,2026-09-29,P002,1,56',
        `${moved?.order_id},C0003,2026-09-30,${moved?.sku},9,100`,
      ].join('\n'),
    );
    await importFile(db, { kind: 'orders', path: file });
    const incremental = await snapshot(db);
    expect(JSON.stringify(incremental)).toContain('2026-09-29');
    await refreshOrderSummary(db);
    expect(incremental).toEqual(await snapshot(db));
    // the old day keeps the order's other two lines
    expect(
      await db.all(`SELECT d.lines FROM order_days d JOIN customer_keys k USING (customer_key) WHERE k.customer_id = 'C0003' AND d.order_date = CAST($1 AS DATE)`, [moved?.day as string]),
    ).toEqual([{ lines: 2 }]);
  });

  it('catches up whole when an import finds it was not current before', async () => {
    await settleOrderSummary(db);
    // a line written around the import path, then an orders import of another day
    await db.run(`INSERT INTO order_lines VALUES ('Z1', 'C0002', DATE '2026-05-05', 'P001', 3, 302.4, NULL, NULL)`);
    const file = join(dir, 'orders.csv');
    await writeFile(file, ['order_id,customer_id,order_date,sku,qty,amount', 'N1,C0004,2026-09-29,P002,1,56'].join('\n'));
    await importFile(db, { kind: 'orders', path: file });
    const summary = await db.all(
      `SELECT k.customer_id, CAST(d.order_date AS VARCHAR) AS day, d.qty, d.amount, d.gross_profit, d.orders, d.lines, ${DAY_SKUS} AS skus
       FROM order_days d JOIN customer_keys k USING (customer_key) ORDER BY ALL`,
    );
    expect(summary).toEqual(await fromLines(db));
  });

  it('keys new products without a rebuild, and rebuilds when a products import changes prices or launch dates', async () => {
    await settleOrderSummary(db);
    const builtAt = async (): Promise<unknown> => (await db.all('SELECT built_at FROM order_summary_state'))[0];
    const first = await builtAt();
    const added = join(dir, 'new-products.csv');
    await writeFile(added, ['sku,name,price_class,cost_price,wholesale_price,launch_date', 'P900,新品规,3,50,56,2026-09-01'].join('\n'));
    await importFile(db, { kind: 'products', path: added });
    expect(await builtAt()).toEqual(first);
    expect(await db.all(`SELECT sku_key FROM product_keys WHERE sku = 'P900'`)).toHaveLength(1);
    expect(await settleOrderSummary(db)).toBeUndefined();

    const before = await snapshot(db);
    const file = join(dir, 'products.csv');
    await writeFile(file, ['sku,name,price_class,cost_price,wholesale_price,launch_date', 'P003,品规3,4,28,40,2026-08-01'].join('\n'));
    await importFile(db, { kind: 'products', path: file });
    const after = await snapshot(db);
    expect(after).not.toEqual(before);
    expect(await builtAt()).not.toEqual(first);
    await refreshOrderSummary(db);
    expect(after).toEqual(await snapshot(db));
    expect(await fromLines(db)).toEqual(
      await db.all(
        `SELECT k.customer_id, CAST(d.order_date AS VARCHAR) AS day, d.qty, d.amount, d.gross_profit, d.orders, d.lines, ${DAY_SKUS} AS skus
         FROM order_days d JOIN customer_keys k USING (customer_key) ORDER BY ALL`,
      ),
    );
  });

  it('counts the SKUs of a catalog past its integer lanes, a customer ordering more than one lane holds', async () => {
    // 1,100 more products: keys past the 8 × 127 the lanes hold go to the bit string
    await db.run(
      `INSERT INTO products (sku, name, price_class, cost_price, wholesale_price, launch_date)
       SELECT 'Q' || lpad(CAST(i AS VARCHAR), 4, '0'), '品规' || i, 3, 50, 56, DATE '2020-01-01' FROM range(1100) t(i)`,
    );
    // C0001 orders all of them over two days of the window (every lane, each past a TINYINT's 127 in sum),
    // C0002 the last 300 in one day before it
    await db.run(
      `INSERT INTO order_lines (order_id, customer_id, order_date, sku, qty, amount)
       SELECT 'Q1-' || (i % 2), 'C0001', CASE WHEN i % 2 = 0 THEN DATE '2026-09-21' ELSE DATE '2026-09-22' END, 'Q' || lpad(CAST(i AS VARCHAR), 4, '0'), 1, 56
       FROM range(1100) t(i)
       UNION ALL SELECT 'Q2', 'C0002', DATE '2026-06-10', 'Q' || lpad(CAST(i AS VARCHAR), 4, '0'), 1, 56 FROM range(800, 1100) t(i)`,
    );
    expect((await settleOrderSummary(db))?.full).toBe(true);
    const bits = await orderSummarySkuBits(db);
    const keys = (await db.all<{ n: number }>('SELECT count(*) AS n FROM product_keys'))[0]?.n as number;
    expect(keys).toBeGreaterThan(8 * 127);
    expect(skuSetsOf(bits)).toEqual({ lanes: 8, moreBits: 256 });
    // every day's count is the lines' distinct SKUs, the big days included
    const summary = await db.all(
      `SELECT k.customer_id, CAST(d.order_date AS VARCHAR) AS day, d.qty, d.amount, d.gross_profit, d.orders, d.lines, ${DAY_SKUS} AS skus
       FROM order_days d JOIN customer_keys k USING (customer_key) ORDER BY ALL`,
    );
    expect(summary).toEqual(await fromLines(db));
    expect(summary.filter((row) => Number(row.skus) >= 550)).toHaveLength(2);
    // the window's SKU count reads every lane and the string
    const window = evaluationWindow('2026Q3', 13);
    const pass = orderPassesSql(duckdbDialect, window, ['sku_count'], 13, bits).passes[0] as { sql: string };
    const counted = await db.all(`SELECT k.customer_id, p.sku_count FROM (${pass.sql}) p JOIN customer_keys k USING (customer_key) ORDER BY 1`);
    const expected = await db.all(
      `SELECT customer_id, count(DISTINCT sku) AS sku_count FROM order_lines WHERE order_date BETWEEN DATE '${window.start}' AND DATE '${window.asOf}' GROUP BY 1 ORDER BY 1`,
    );
    expect(counted).toEqual(expected);
    expect(counted.find((row) => row.customer_id === 'C0001')?.sku_count).toBeGreaterThan(1100);
  });
});
