import { one, type Database } from '../db/database.js';
import { SKU_LANES, SKU_SET_COLUMNS } from '../schema/tables.js';

/**
 * The order summary: one row per customer and order day (`order_days`) with
 * the day's sums in whole units of 10⁻⁴, its order count and the set of SKUs
 * ordered (see {@link skuSetsOf}), plus the lines of products that were new when
 * ordered (`order_new_lines`). Evaluations read it instead of the order
 * lines: real orders carry many lines, and the figures an evaluation needs
 * are sums over ranges of days. It is derived data: every orders import
 * refreshes the days it touches, a products import that changes a margin,
 * price class or launch date and the demo rebuild it whole, and an
 * evaluation that finds it made from another number of lines than the table
 * holds rebuilds it first (docs/architecture.md, "Order summary").
 */

/**
 * A day's SKU set is a bit per product key, kept in 128-bit integer lanes
 * (`sku_set_0` …, bit k mod 127 of lane k ÷ 127: the sign bit stays clear) for
 * the first {@link SKU_LANES} × 127 keys, and in a bit string
 * (`sku_set_more`, bit k − 1016) for any keys beyond. A union of lanes is a
 * bitwise OR of integers, several times faster than of bit strings, which
 * DuckDB keeps as strings, one allocation per group. Only the lanes the
 * catalog's keys need are filled (the others stay NULL), and a catalog that
 * outgrows the filled lanes rebuilds the summary.
 */
const LANE_BITS = 127;
/** Bits of `sku_set_more` come in blocks of this size. */
const SKU_BLOCK = 256;

/** The layout of the SKU sets for a capacity of `bits` keys (order_summary_state.sku_bits). */
export interface SkuSets {
  /** Lanes filled: sku_set_0 … sku_set_{lanes − 1}. */
  readonly lanes: number;
  /** Length of sku_set_more; 0 when it is not filled. */
  readonly moreBits: number;
}

export function skuSetsOf(bits: number): SkuSets {
  const laneBits = Math.min(bits, SKU_LANES * LANE_BITS);
  return { lanes: Math.max(1, Math.ceil(laneBits / LANE_BITS)), moreBits: Math.max(0, bits - SKU_LANES * LANE_BITS) };
}

/** The capacity the SKU sets need for `keys` product keys: whole lanes, then whole blocks of the bit string. */
function skuCapacity(keys: number): number {
  const inLanes = SKU_LANES * LANE_BITS;
  if (keys <= inLanes) return Math.max(1, Math.ceil(keys / LANE_BITS)) * LANE_BITS;
  return inLanes + Math.ceil((keys - inLanes) / SKU_BLOCK) * SKU_BLOCK;
}

/** Aggregate: how many SKUs the union of the sets of the rows of `alias` holds. */
export function skuCountAggregate(bits: number, alias: string): string {
  const { lanes, moreBits } = skuSetsOf(bits);
  // A lane's count is a TINYINT (at most 127): their sum is taken as integers.
  const counts = Array.from({ length: lanes }, (_, lane) => `CAST(bit_count(bit_or(${alias}.sku_set_${lane})) AS INTEGER)`);
  if (moreBits > 0) counts.push(`coalesce(bit_count(bit_or(${alias}.sku_set_more)), 0)`);
  return `(${counts.join(' + ')})`;
}

/** The SKU-set columns of a summary row, built by an aggregate over order lines whose product key is `key`. */
function skuSetAggregates(bits: number, key: string): string[] {
  const { lanes, moreBits } = skuSetsOf(bits);
  const columns = Array.from({ length: SKU_LANES }, (_, lane) => {
    const first = lane * LANE_BITS;
    if (lane >= lanes) return `CAST(NULL AS HUGEINT) AS sku_set_${lane}`;
    // A day with no key in the lane has the empty set, 0: the sums of bit counts need no coalesce. The
    // aggregate's argument is computed for the rows its filter drops too, so it must be valid for every key.
    return `coalesce(bit_or(CAST(1 AS HUGEINT) << CAST(${key} % ${LANE_BITS} AS HUGEINT)) FILTER (WHERE ${key} BETWEEN ${first} AND ${first + LANE_BITS - 1}), 0) AS sku_set_${lane}`;
  });
  const firstMore = SKU_LANES * LANE_BITS;
  columns.push(
    moreBits > 0
      ? `bitstring_agg(greatest(${key} - ${firstMore}, 0), 0, ${moreBits - 1}) FILTER (WHERE ${key} >= ${firstMore}) AS sku_set_more`
      : 'CAST(NULL AS BIT) AS sku_set_more',
  );
  return columns;
}

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

type SummaryState = {
  readonly order_lines: number;
  readonly sku_bits: number;
  readonly pending_from: string | null;
  readonly pending_to: string | null;
  readonly pending_full: boolean | null;
};

async function summaryState(db: Database): Promise<SummaryState | undefined> {
  const rows = await db.all<SummaryState>(
    `SELECT order_lines, sku_bits, CAST(pending_from AS VARCHAR) AS pending_from, CAST(pending_to AS VARCHAR) AS pending_to, pending_full
     FROM order_summary_state WHERE singleton = 1`,
  );
  return rows[0];
}

/** The capacity of the summary's SKU sets (see {@link skuSetsOf}); the summary must be settled. */
export async function orderSummarySkuBits(db: Database): Promise<number> {
  return (await summaryState(db))?.sku_bits ?? skuCapacity(0);
}

const lineCount = async (db: Database): Promise<number> => (await one<{ lines: number }>(db, 'SELECT count(*) AS lines FROM order_lines')).lines;

/** Gives every product a key (a bit position) and returns the capacity the SKU sets need for the keys. */
async function assignProductKeys(db: Database): Promise<number> {
  await db.run(
    `INSERT INTO product_keys (sku, sku_key)
     SELECT p.sku, (SELECT coalesce(max(sku_key), -1) FROM product_keys) + row_number() OVER (ORDER BY p.sku)
     FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_keys k WHERE k.sku = p.sku)`,
  );
  const { top } = await one<{ top: number | null }>(db, 'SELECT max(sku_key) AS top FROM product_keys');
  return skuCapacity((top ?? -1) + 1);
}

/**
 * Notes, inside the transaction of a change to the order lines or the
 * catalog, what the summary must take in: the days `range`, or everything
 * (`range` undefined). `linesAdded` (net) tells whether the summary was
 * current before the change; if not, it is rebuilt whole. The change
 * commits with its note, and {@link settleOrderSummary} does the work after
 * the commit, reading committed lines (DuckDB reads a transaction's own
 * fresh rows several times slower); a note left by a process that stopped
 * in between is settled by the next evaluation.
 */
export async function markOrderSummary(db: Database, range: DayRange | undefined, linesAdded = 0): Promise<void> {
  const state = await summaryState(db);
  const lines = await lineCount(db);
  if (state === undefined) {
    await db.run('INSERT INTO order_summary_state (singleton, order_lines, sku_bits, built_at, pending_full) VALUES (1, $1, 0, $2, TRUE)', [lines, new Date().toISOString()]);
    return;
  }
  const full = range === undefined || state.order_lines + linesAdded !== lines;
  await db.run(
    `UPDATE order_summary_state SET order_lines = $1, pending_full = coalesce(pending_full, FALSE) OR $2,
       pending_from = least(coalesce(pending_from, CAST($3 AS DATE)), CAST($3 AS DATE)), pending_to = greatest(coalesce(pending_to, CAST($4 AS DATE)), CAST($4 AS DATE))
     WHERE singleton = 1`,
    [lines, full, range?.from ?? null, range?.to ?? null],
  );
}

/**
 * Brings the summary up to date: does what changes noted, and rebuilds it
 * whole when there is none, when it was made from another number of lines
 * (the table was written to other than by an import), or when new products
 * outgrow the SKU sets (new products are given their keys). Returns
 * the refresh, or undefined when the summary was current.
 */
export async function settleOrderSummary(db: Database): Promise<SummaryRefresh | undefined> {
  const state = await summaryState(db);
  const lines = await lineCount(db);
  if (state === undefined) return lines === 0 ? undefined : refreshOrderSummary(db);
  const noted = pendingRange(state);
  const current = state.pending_full !== true && noted === undefined && state.order_lines === lines;
  if (current && (await assignProductKeys(db)) === state.sku_bits) return undefined;
  // Without a note the line count or the catalog is off: everything. With one, refresh() still
  // widens to everything when the note, the line count or the catalog asks for it.
  return refreshOrderSummary(db, noted);
}

function pendingRange(state: SummaryState): DayRange | undefined {
  return state.pending_from === null || state.pending_to === null ? undefined : { from: state.pending_from, to: state.pending_to };
}

/**
 * Summarises the order days in `range` (every day when `range` is
 * undefined, or when the catalog has outgrown the SKU sets), in one
 * transaction (the caller's, if any), and records the summary as current.
 * A full rebuild reads about `linesPerBlock` lines at a time.
 */
export async function refreshOrderSummary(db: Database, range?: DayRange, linesPerBlock = LINES_PER_BLOCK): Promise<SummaryRefresh> {
  return db.transaction(() => refresh(db, range, linesPerBlock));
}

async function refresh(db: Database, range: DayRange | undefined, linesPerBlock: number): Promise<SummaryRefresh> {
  const started = performance.now();
  const state = await summaryState(db);
  const bits = await assignProductKeys(db);
  const lines = await lineCount(db);
  // A refresh of some days never drops more than it does: a note it does not cover, a line count
  // that does not add up or a catalog outgrowing the SKU bits make it a full rebuild.
  const noted = state === undefined ? undefined : pendingRange(state);
  const full =
    range === undefined ||
    state === undefined ||
    bits !== state.sku_bits ||
    state.pending_full === true ||
    state.order_lines !== lines ||
    (noted !== undefined && (noted.from < range.from || noted.to > range.to));
  let days = 0;
  if (full) {
    await db.run('DELETE FROM order_days');
    await db.run('DELETE FROM order_new_lines');
    const span = await one<{ first: number | null; last: number | null }>(
      db,
      `SELECT CAST(min(order_date) - DATE '1970-01-01' AS INTEGER) AS first, CAST(max(order_date) - DATE '1970-01-01' AS INTEGER) AS last FROM order_lines`,
    );
    // Block by block, so a province's years of lines never sit in one aggregate's memory; each
    // block reads the lines once more, so there are no more blocks than the lines need.
    if (span.first !== null && span.last !== null) {
      const blockDays = Math.ceil((span.last - span.first + 1) / Math.max(1, Math.ceil(lines / linesPerBlock)));
      for (let from = span.first; from <= span.last; from += blockDays) {
        days += await summariseDays(db, { from: isoDay(from), to: isoDay(Math.min(span.last, from + blockDays - 1)) }, bits, false);
      }
    }
  } else {
    days = await summariseDays(db, range as DayRange, bits, true);
  }
  await db.run('DELETE FROM order_summary_state');
  await db.run('INSERT INTO order_summary_state (singleton, order_lines, sku_bits, built_at) VALUES (1, $1, $2, $3)', [lines, bits, new Date().toISOString()]);
  // (pending_* stay NULL: this refresh covers what was noted, or everything)
  return { full, days, seconds: (performance.now() - started) / 1000 };
}

/** About this many order lines are summarised at a time by a full rebuild. */
const LINES_PER_BLOCK = 40_000_000;

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
       ${skuSetAggregates(bits, 'k.sku_key').join(',\n       ')}
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
      `INSERT INTO order_days (customer_key, order_date, qty, amount, gross_profit, qty_class12, qty_limited, qty_limit, qty_demand, qty_with_demand, orders, lines, ${SKU_SET_COLUMNS.join(', ')})
       SELECT k.customer_key, s.order_date, s.qty, s.amount, s.gross_profit, s.qty_class12, s.qty_limited, s.qty_limit, s.qty_demand, s.qty_with_demand, s.orders, s.lines, ${SKU_SET_COLUMNS.map((column) => `s.${column}`).join(', ')}
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
async function orderDaysOf(db: Database, incoming: string): Promise<DayRange | undefined> {
  const found = await one<{ from: string | null; to: string | null }>(
    db,
    `SELECT CAST(min(t.order_date) AS VARCHAR) AS "from", CAST(max(t.order_date) AS VARCHAR) AS "to" FROM order_lines t
     WHERE EXISTS (SELECT 1 FROM ${incoming} i WHERE i.order_id = t.order_id AND i.sku = t.sku)`,
  );
  return found.from === null || found.to === null ? undefined : { from: found.from, to: found.to };
}

/** A digest of what the summary takes from the catalog (margins, price classes, launch dates) of the products it has keyed. */
async function productFactsDigest(db: Database): Promise<string> {
  const { digest } = await one<{ digest: string | null }>(
    db,
    `SELECT md5(coalesce(string_agg(concat_ws('|', p.sku, p.wholesale_price - p.cost_price, p.price_class, p.launch_date), ';' ORDER BY p.sku), '')) AS digest
     FROM products p JOIN product_keys k ON k.sku = p.sku`,
  );
  return digest ?? '';
}

/**
 * After a products import, in its transaction: the summary is to be rebuilt
 * when what it took from the products it knows changed; new products only
 * get their keys (a rebuild only if they outgrow the SKU sets), since
 * no summarised line is theirs.
 */
async function followCatalog(db: Database, digestBefore: string): Promise<void> {
  const state = await summaryState(db);
  if (state === undefined) return;
  if (digestBefore !== (await productFactsDigest(db)) || (await assignProductKeys(db)) !== state.sku_bits) await markOrderSummary(db, undefined);
}

/** Joins two day ranges (either may be missing). */
function spanOf(left: DayRange | undefined, right: DayRange | undefined): DayRange | undefined {
  if (left === undefined) return right;
  if (right === undefined) return left;
  return { from: left.from < right.from ? left.from : right.from, to: left.to > right.to ? left.to : right.to };
}


/**
 * What an import of `kind` does for the summary, inside its transaction:
 * called before the import writes its staged rows (`incoming`, a table or
 * view), it returns what to call after the write with the lines added. An
 * orders import notes the days its rows are on and the days of the lines
 * they replace; a products import notes everything when a summarised
 * product's margin, class or launch date changed.
 */
export async function summaryFollowsImport(db: Database, kind: string, incoming: string): Promise<(linesAdded: number) => Promise<void>> {
  if (kind === 'orders') {
    const replaced = await orderDaysOf(db, incoming);
    return async (linesAdded) => {
      const found = await one<{ from: string | null; to: string | null }>(
        db,
        `SELECT CAST(min(order_date) AS VARCHAR) AS "from", CAST(max(order_date) AS VARCHAR) AS "to" FROM ${incoming}`,
      );
      const days = spanOf(replaced, found.from === null || found.to === null ? undefined : { from: found.from, to: found.to });
      if (days !== undefined) await markOrderSummary(db, days, linesAdded);
    };
  }
  if (kind === 'products') {
    const before = await productFactsDigest(db);
    return () => followCatalog(db, before);
  }
  return async () => undefined;
}
