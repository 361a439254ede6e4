import { one, type Database } from '../db/database.js';

/**
 * The order summary: one row per customer and order day (`order_days`) with
 * the day's sums in whole units of 10⁻⁴, its order count and the set of SKUs
 * ordered as a bit string, plus the lines of products that were new when
 * ordered (`order_new_lines`). Evaluations read it instead of the order
 * lines: real orders carry many lines, and the figures an evaluation needs
 * are sums over ranges of days. It is derived data: every orders import
 * refreshes the days it touches, a products import that changes a margin,
 * price class or launch date and the demo rebuild it whole, and an
 * evaluation that finds it made from another number of lines than the table
 * holds rebuilds it first (docs/architecture.md, "Order summary").
 */

/** Bits of `order_days.skus` come in blocks of this size; a catalog outgrowing them rebuilds the summary. */
const SKU_BLOCK = 256;

/** The days to refresh; undefined rebuilds the whole summary. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

export interface SummaryRefresh {
  readonly full: boolean;
  /** Customer days written. */
  readonly days: number;
  readonly seconds: number;
}

const units = (value: string): string => `round((${value}) * 1e4)`;
const unitSum = (value: string, filter?: string): string => `CAST(sum(${units(value)})${filter === undefined ? '' : ` FILTER (WHERE ${filter})`} AS BIGINT)`;

interface SummaryState {
  readonly order_lines: number;
  readonly sku_bits: number;
}

async function summaryState(db: Database): Promise<SummaryState | undefined> {
  const rows = await db.all<{ order_lines: number; sku_bits: number }>('SELECT order_lines, sku_bits FROM order_summary_state WHERE singleton = 1');
  return rows[0];
}

/** Gives every product a key (a bit position) and returns the bit-string length the keys need. */
async function assignProductKeys(db: Database): Promise<number> {
  await db.run(
    `INSERT INTO product_keys (sku, sku_key)
     SELECT p.sku, (SELECT coalesce(max(sku_key), -1) FROM product_keys) + row_number() OVER (ORDER BY p.sku)
     FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_keys k WHERE k.sku = p.sku)`,
  );
  const { top } = await one<{ top: number | null }>(db, 'SELECT max(sku_key) AS top FROM product_keys');
  return Math.max(1, Math.ceil(((top ?? -1) + 1) / SKU_BLOCK)) * SKU_BLOCK;
}

/**
 * Refreshes the summary for the order days in `range`, in one transaction
 * (the caller's, if any). It is rebuilt whole instead when `range` is
 * undefined, when there is no summary yet, when the catalog has outgrown the
 * SKU bit strings, or when the summary was not current before the change:
 * `linesAdded` (the lines the change added, net) must bring the recorded
 * line count to the table's.
 */
export async function refreshOrderSummary(db: Database, range?: DayRange, linesAdded = 0): Promise<SummaryRefresh> {
  return db.transaction(() => refresh(db, range, linesAdded));
}

async function refresh(db: Database, range: DayRange | undefined, linesAdded: number): Promise<SummaryRefresh> {
  const started = performance.now();
  const state = await summaryState(db);
  const bits = await assignProductKeys(db);
  const { lines } = await one<{ lines: number }>(db, 'SELECT count(*) AS lines FROM order_lines');
  const full = range === undefined || state === undefined || bits !== state.sku_bits || state.order_lines + linesAdded !== lines;
  let days = 0;
  if (full) {
    await db.run('DELETE FROM order_days');
    await db.run('DELETE FROM order_new_lines');
    const span = await one<{ first: number | null; last: number | null }>(
      db,
      `SELECT CAST(min(order_date) - DATE '1970-01-01' AS INTEGER) AS first, CAST(max(order_date) - DATE '1970-01-01' AS INTEGER) AS last FROM order_lines`,
    );
    // Block by block, so a province's years of lines never sit in one aggregate's memory.
    for (let from = span.first ?? 1; span.last !== null && from <= span.last; from += BLOCK_DAYS) {
      days += await summariseDays(db, { from: isoDay(from), to: isoDay(Math.min(span.last, from + BLOCK_DAYS - 1)) }, bits, false);
    }
  } else {
    days = await summariseDays(db, range as DayRange, bits, true);
  }
  await db.run('DELETE FROM order_summary_state');
  await db.run('INSERT INTO order_summary_state (singleton, order_lines, sku_bits, built_at) VALUES (1, $1, $2, $3)', [lines, bits, new Date().toISOString()]);
  return { full, days, seconds: (performance.now() - started) / 1000 };
}

/** Days a full rebuild summarises at a time. */
const BLOCK_DAYS = 28;

const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Summarises the order lines of the days `range` into the summary, replacing what it held for them (`replace`); returns the customer days written. */
async function summariseDays(db: Database, range: DayRange, bits: number, replace: boolean): Promise<number> {
  const within = 'o.order_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)';
  const params = [range.from, range.to];
  await db.run(
    `CREATE OR REPLACE TEMP TABLE order_summary_stage AS
     SELECT o.customer_id, o.order_date,
       ${unitSum('o.qty')} AS qty,
       ${unitSum('o.amount')} AS amount,
       ${unitSum('o.qty * (p.wholesale_price - p.cost_price)')} AS gross_profit,
       ${unitSum('o.qty', 'p.price_class IN (1, 2)')} AS qty_class12,
       ${unitSum('o.qty', 'o.qty_limit IS NOT NULL')} AS qty_limited,
       ${unitSum('o.qty_limit')} AS qty_limit,
       ${unitSum('o.qty_demand')} AS qty_demand,
       ${unitSum('o.qty', 'o.qty_demand IS NOT NULL')} AS qty_with_demand,
       CAST(count(DISTINCT o.order_id) AS INTEGER) AS orders,
       CAST(count(*) AS INTEGER) AS lines,
       bitstring_agg(k.sku_key, 0, ${bits - 1}) AS skus
     FROM order_lines o LEFT JOIN products p ON p.sku = o.sku LEFT JOIN product_keys k ON k.sku = o.sku
     WHERE ${within}
     GROUP BY o.customer_id, o.order_date`,
    params,
  );
  try {
    await db.run(
      `INSERT INTO customer_keys (customer_id, customer_key)
       SELECT s.customer_id, (SELECT coalesce(max(customer_key), 0) FROM customer_keys) + row_number() OVER (ORDER BY s.customer_id)
       FROM (SELECT DISTINCT customer_id FROM order_summary_stage) s
       WHERE NOT EXISTS (SELECT 1 FROM customer_keys k WHERE k.customer_id = s.customer_id)`,
    );
    if (replace) {
      await db.run('DELETE FROM order_days o WHERE ' + within, params);
      await db.run('DELETE FROM order_new_lines o WHERE ' + within, params);
    }
    // Date order: an evaluation reads ranges of days, and DuckDB skips row groups outside them.
    await db.run(
      `INSERT INTO order_days (customer_key, order_date, qty, amount, gross_profit, qty_class12, qty_limited, qty_limit, qty_demand, qty_with_demand, orders, lines, skus)
       SELECT k.customer_key, s.order_date, s.qty, s.amount, s.gross_profit, s.qty_class12, s.qty_limited, s.qty_limit, s.qty_demand, s.qty_with_demand, s.orders, s.lines, s.skus
       FROM order_summary_stage s JOIN customer_keys k ON k.customer_id = s.customer_id
       ORDER BY s.order_date, k.customer_key`,
    );
    // A product launched within the 365 days before an order is new then, and still new for any
    // as-of date up to 365 days after its launch: these lines hold every line an evaluation counts as new.
    await db.run(
      `INSERT INTO order_new_lines (customer_key, order_date, sku_key, launch_date, qty)
       SELECT ck.customer_key, o.order_date, k.sku_key, p.launch_date, ${unitSum('o.qty')}
       FROM order_lines o JOIN products p ON p.sku = o.sku JOIN product_keys k ON k.sku = o.sku JOIN customer_keys ck ON ck.customer_id = o.customer_id
       WHERE p.launch_date > o.order_date - 365 AND ${within}
       GROUP BY ALL
       ORDER BY o.order_date, ck.customer_key, k.sku_key`,
      params,
    );
    return (await one<{ days: number }>(db, 'SELECT count(*) AS days FROM order_summary_stage')).days;
  } finally {
    await db.run('DROP TABLE IF EXISTS order_summary_stage');
  }
}

/** The first and last order day of the order lines that the rows of `incoming` (a table or view with order_id and sku) would replace. */
export async function orderDaysOf(db: Database, incoming: string): Promise<DayRange | undefined> {
  const found = await one<{ from: string | null; to: string | null }>(
    db,
    `SELECT CAST(min(t.order_date) AS VARCHAR) AS "from", CAST(max(t.order_date) AS VARCHAR) AS "to" FROM order_lines t
     WHERE EXISTS (SELECT 1 FROM ${incoming} i WHERE i.order_id = t.order_id AND i.sku = t.sku)`,
  );
  return found.from === null || found.to === null ? undefined : { from: found.from, to: found.to };
}

/** A digest of what the summary takes from the catalog (margins, price classes, launch dates) of the products it has keyed. */
export async function productFactsDigest(db: Database): Promise<string> {
  const { digest } = await one<{ digest: string | null }>(
    db,
    `SELECT md5(coalesce(string_agg(concat_ws('|', p.sku, p.wholesale_price - p.cost_price, p.price_class, p.launch_date), ';' ORDER BY p.sku), '')) AS digest
     FROM products p JOIN product_keys k ON k.sku = p.sku`,
  );
  return digest ?? '';
}

/**
 * After a products import: the summary is rebuilt when what it took from the
 * products it knows changed; new products only get their keys (a rebuild
 * only if they outgrow the SKU bit strings), since no summarised line is theirs.
 */
export async function followCatalog(db: Database, digestBefore: string): Promise<SummaryRefresh | undefined> {
  const state = await summaryState(db);
  if (state === undefined) return undefined;
  if (digestBefore !== (await productFactsDigest(db))) return refreshOrderSummary(db);
  if ((await assignProductKeys(db)) !== state.sku_bits) return refreshOrderSummary(db);
  return undefined;
}

/** Joins two day ranges (either may be missing). */
export function spanOf(left: DayRange | undefined, right: DayRange | undefined): DayRange | undefined {
  if (left === undefined) return right;
  if (right === undefined) return left;
  return { from: left.from < right.from ? left.from : right.from, to: left.to > right.to ? left.to : right.to };
}

/**
 * Makes sure the summary matches the order lines: rebuilt whole when there
 * is none, when it was made from another number of lines (the table was
 * written to other than by an import), or when new products outgrow the SKU
 * bit strings (new products are given their keys).
 * Returns the rebuild, or undefined when the summary was current.
 */
export async function ensureOrderSummary(db: Database): Promise<SummaryRefresh | undefined> {
  const state = await summaryState(db);
  const { lines } = await one<{ lines: number }>(db, 'SELECT count(*) AS lines FROM order_lines');
  if (state !== undefined && state.order_lines === lines && (await assignProductKeys(db)) === state.sku_bits) return undefined;
  return refreshOrderSummary(db);
}
