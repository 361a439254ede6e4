import type { Database } from '../db/database.js';
import {
  ASSORTMENT,
  BUSINESS_AREA,
  CREDIT_GRADE_SHARES,
  FORMAT_SHARES,
  FORMATS,
  LINE_BREADTH,
  MODERN_TERMINAL_SHARE,
  PATTERN_SHARES,
  PREMIUM_FORMATS,
  WEEKLY_CARTONS,
  type Format,
  type LifecyclePattern,
} from './demo-distributions.js';
import { DISTRICTS, PLACES, SHOP_NAME_TEMPLATES, SHOP_WORDS, STREETS, SURNAMES, TOWNS } from './reference-data.js';
import { sqlConstant, sqlList, valuesTable, type SqlConstant } from './sql-constants.js';
import { BUCKETS, createBucketTable, weighted } from './bucket-table.js';

/** A customer manager serves about this many customers (DOMAIN.md §1: 150–300). */
const CUSTOMERS_PER_MANAGER = 200;

/** Each manager runs one route per weekday, Monday to Friday. */
const ROUTES_PER_MANAGER = 5;

/** Members of one integrity group (诚信互助小组) are neighbours on one route. */
const GROUP_SIZE = 12;

/** A city company has 8 districts and counties; larger companies more, up to 12. */
export function districtCount(customers: number): number {
  if (customers >= 500_000) return 12;
  if (customers >= 200_000) return 11;
  if (customers >= 50_000) return 10;
  if (customers >= 10_000) return 9;
  return 8;
}

function byFormat(values: Readonly<Record<Format, number>>): string {
  return `CASE format ${FORMATS.map((format) => `WHEN '${format}' THEN ${values[format]}`).join(' ')} END`;
}

/** A short list of words, picked uniformly (long lists go through a bucket table instead). */
function pick(db: Database, values: readonly SqlConstant[], uniform: string): string {
  return `${sqlList(db.dialect, values)}[1 + floor(${uniform} * ${values.length})::INTEGER]`;
}

function shopNameSql(db: Database): string {
  const template = `CASE format ${FORMATS.map(
    (format) => `WHEN '${format}' THEN ${pick(db, SHOP_NAME_TEMPLATES[format] ?? [], `demo_u(idx, 'name.template')`)}`,
  ).join(' ')} END`;
  const fills: readonly [string, readonly string[]][] = [
    ['{surname}', SURNAMES],
    ['{place}', PLACES],
    ['{word}', SHOP_WORDS],
    ['{street}', STREETS],
  ];
  return fills.reduce(
    (text, [placeholder, words]) =>
      `replace(${text}, ${sqlConstant(db.dialect, placeholder)}, ${pick(db, words, `demo_u(idx, ${sqlConstant(db.dialect, `name${placeholder}`)})`)})`,
    template,
  );
}

function addressSql(db: Database): string {
  const street = pick(db, STREETS, `demo_u(idx, 'address.street')`);
  const town = pick(db, TOWNS, `demo_u(idx, 'address.town')`);
  const village = pick(db, PLACES, `demo_u(idx, 'address.village')`);
  return `CASE market
    WHEN 'urban' THEN district_name || ${street} || (1 + floor(demo_u(idx, 'address.number') * 300))::INTEGER || '号'
    ELSE district_name || ${town} || ${village} || '村' || (1 + floor(demo_u(idx, 'address.number') * 120))::INTEGER || '号' END`;
}

function creditGradeSql(rank: string): string {
  let cumulative = 0;
  const steps = CREDIT_GRADE_SHARES.slice(0, -1).map((entry) => {
    cumulative += entry.share;
    return `WHEN ${rank} < ${cumulative.toFixed(4)} THEN '${entry.grade}'`;
  });
  return `CASE ${steps.join(' ')} ELSE '${CREDIT_GRADE_SHARES.at(-1)?.grade ?? 'D'}' END`;
}

const TERMINATED: readonly LifecyclePattern[] = ['suspended', 'cancelled', 'closed'];
const TERMINATED_SQL = `(${TERMINATED.map((pattern) => `'${pattern}'`).join(', ')})`;

/**
 * Draws each customer's own attributes: district, market, format, lifecycle
 * pattern, size, dates. Only the stratified pattern looks at the whole
 * population.
 */
async function drawCustomers(db: Database, districts: number): Promise<void> {
  const selected = DISTRICTS.slice(0, districts);
  await db.run(`CREATE TEMP TABLE demo_district AS SELECT * FROM ${valuesTable(
    db.dialect,
    'd',
    ['district_no', 'district_code', 'district_name', 'urban_share', 'longitude', 'latitude'],
    selected.map((district, index) => [index + 1, district.code, district.name, district.urbanShare, district.longitude, district.latitude]),
  )}`);
  await createBucketTable(db, 'demo_customer_bucket', {
    district: selected.map((district, index) => ({ value: String(index + 1), weight: district.weight })),
    pattern: weighted(PATTERN_SHARES),
    urban: weighted(FORMAT_SHARES.urban),
    rural: weighted(FORMAT_SHARES.rural),
  });
  const bucketOf = (alias: string, choice: string, uniform: string) =>
    `JOIN demo_customer_bucket ${alias} ON ${alias}.choice = ${choice} AND ${alias}.bucket = floor(${uniform} * ${BUCKETS})::INTEGER`;
  const start = `getvariable('demo_start')`;
  const end = `getvariable('demo_end')`;
  const oldLicence = `${start} - (30 + floor(pow(demo_u(idx, 'licence.date'), 1.4) * 7300))::INTEGER`;

  await db.run(`CREATE TEMP TABLE demo_draw AS
    WITH base AS (
      SELECT range::INTEGER + 1 AS idx FROM range(getvariable('demo_customers'))
    ), placed AS (
      SELECT b.idx, CAST(district_pick.value AS INTEGER) AS district_no,
        -- stratified: the i-th of N customers in a random order gets the share point (i − ½) / N
        (row_number() OVER (ORDER BY demo_u(b.idx, 'pattern'), b.idx) - 0.5) / getvariable('demo_customers') AS pattern_u
      FROM base b
      ${bucketOf('district_pick', `'district'`, `demo_u(b.idx, 'district')`)}
    ), marketed AS (
      SELECT p.*, d.district_code, d.district_name, d.longitude AS district_longitude, d.latitude AS district_latitude,
        CASE WHEN demo_u(p.idx, 'market') < d.urban_share THEN 'urban' ELSE 'rural' END AS market,
        pattern_pick.value AS pattern
      FROM placed p
      JOIN demo_district d USING (district_no)
      ${bucketOf('pattern_pick', `'pattern'`, 'p.pattern_u')}
    ), formatted AS (
      SELECT m.*, format_pick.value AS format, demo_u(m.idx, 'quality') AS quality
      FROM marketed m
      ${bucketOf('format_pick', 'm.market', `demo_u(m.idx, 'format')`)}
    ), traded AS (
      SELECT f.*,
        CASE WHEN demo_u(idx, 'trade_area') < CASE market WHEN 'urban' THEN 0.25 ELSE 0.05 END THEN 'core'
          WHEN demo_u(idx, 'trade_area') < CASE market WHEN 'urban' THEN 0.65 ELSE 0.30 END THEN 'secondary'
          ELSE 'ordinary' END AS trade_area
      FROM formatted f
    ), licensed AS (
      SELECT t.*,
        CASE pattern
          WHEN 'new' THEN ${end} - (3 + floor(demo_u(idx, 'licence.date') * 85))::INTEGER
          WHEN 'no_trade' THEN ${end} - (190 + floor(demo_u(idx, 'licence.date') * greatest(0, (${end} - 190) - ${start})))::INTEGER
          WHEN 'growing' THEN CASE WHEN demo_u(idx, 'licence.recent') < 0.35
            THEN ${start} + floor(demo_u(idx, 'licence.date') * greatest(0, (${end} - 100) - ${start}))::INTEGER
            ELSE ${oldLicence} END
          ELSE ${oldLicence} END AS license_date,
        CASE WHEN pattern IN ${TERMINATED_SQL}
          THEN least(${end}, ${start} + (14 + floor(demo_u(idx, 'status.date') * greatest(1, (${end} - 7) - (${start} + 14))))::INTEGER)
          END AS status_date
      FROM traded t
    )
    SELECT l.*,
      CASE WHEN pattern IN ${TERMINATED_SQL} THEN pattern ELSE 'normal' END AS status,
      license_date + (3 + floor(demo_u(idx, 'first_order') * 10))::INTEGER AS first_date,
      CASE WHEN pattern IN ${TERMINATED_SQL} THEN status_date
        WHEN pattern = 'stopped' THEN ${start} + floor(demo_u(idx, 'stop.date') * greatest(0, (${end} - 91) - ${start}))::INTEGER
        WHEN pattern = 'no_trade' THEN license_date
        ELSE ${end} + 1 END AS stop_date,
      -- log growth per week: ±15–25 % a quarter for growing and declining, ±3 % for the rest
      CASE pattern
        WHEN 'growing' THEN 0.0107 * (1 + 0.6 * demo_u(idx, 'trend'))
        WHEN 'declining' THEN -0.0107 * (1 + 0.6 * demo_u(idx, 'trend'))
        WHEN 'new' THEN 0
        ELSE 0.004 * (demo_u(idx, 'trend') - 0.5) END AS trend_rate,
      CASE pattern
        WHEN 'growing' THEN 0.93 + 0.06 * quality
        WHEN 'declining' THEN 0.88
        WHEN 'new' THEN 0.85
        WHEN 'no_trade' THEN 0
        ELSE 0.92 + 0.07 * quality END AS prob_start,
      CASE pattern
        WHEN 'growing' THEN 0.93 + 0.06 * quality
        WHEN 'declining' THEN 0.4
        WHEN 'new' THEN 0.85
        WHEN 'no_trade' THEN 0
        ELSE 0.92 + 0.07 * quality END AS prob_end,
      CASE WHEN demo_u(idx, 'cycle') < CASE market WHEN 'urban' THEN 0.17 ELSE 0.36 END
          * CASE WHEN format IN ('S', 'N', 'Y') THEN 0.5 ELSE 1 END THEN 2 ELSE 1 END AS cycle_weeks,
      floor(demo_u(idx, 'parity') * 2)::INTEGER AS parity,
      -- lognormal size around the format mean; exp(σ²/2) = exp(0.151) keeps the mean
      ${byFormat(WEEKLY_CARTONS)} * CASE market WHEN 'urban' THEN 1.2 ELSE 0.85 END
        * CASE trade_area WHEN 'core' THEN 1.3 WHEN 'secondary' THEN 1.1 ELSE 0.95 END
        * exp(0.55 * demo_normal(idx, 'size') - 0.151) AS base_qty,
      demo_u(idx, 'terminal') < ${byFormat(MODERN_TERMINAL_SHARE)} * CASE market WHEN 'urban' THEN 1 ELSE 0.7 END AS modern
    FROM licensed l`);
}

/**
 * Derives what depends on the whole population — scale within format, credit
 * rank, the district → manager → route hierarchy, licence serials — and stores
 * every per-customer parameter the fact generators need in `demo_customer`.
 */
async function placeCustomers(db: Database): Promise<void> {
  await db.run(`CREATE TEMP TABLE demo_customer AS
    WITH ranked AS (
      SELECT d.*,
        percent_rank() OVER (PARTITION BY format ORDER BY base_qty DESC, idx) AS size_rank,
        -- routes run through one market: towns first, then villages
        row_number() OVER (PARTITION BY district_no ORDER BY market DESC, demo_u(idx, 'position'), idx) AS rank_in_district,
        count(*) OVER (PARTITION BY district_no) AS district_size,
        row_number() OVER (PARTITION BY district_no ORDER BY license_date, idx) AS licence_serial
      FROM demo_draw d
    ), sized AS (
      SELECT r.*,
        CASE WHEN size_rank < 0.2 THEN 'large' WHEN size_rank < 0.6 THEN 'medium' ELSE 'small' END AS scale,
        floor((rank_in_district - 1) * greatest(1, round(district_size / ${CUSTOMERS_PER_MANAGER}.0)) / district_size)::INTEGER AS manager_local
      FROM ranked r
    ), managed AS (
      SELECT s.*,
        dense_rank() OVER (ORDER BY district_no, manager_local) AS manager_no,
        row_number() OVER (PARTITION BY district_no, manager_local ORDER BY rank_in_district) AS rank_in_manager,
        count(*) OVER (PARTITION BY district_no, manager_local) AS manager_size,
        percent_rank() OVER (ORDER BY 0.6 * quality + 0.25 * (1 - size_rank) + 0.15 * demo_u(idx, 'credit') DESC, idx) AS credit_rank,
        ${byFormat(LINE_BREADTH)} * CASE scale WHEN 'large' THEN 1.3 WHEN 'medium' THEN 1.0 ELSE 0.8 END AS breadth_raw
      FROM sized s
    ), routed AS (
      SELECT m.*,
        1 + floor((rank_in_manager - 1) * ${ROUTES_PER_MANAGER} / manager_size)::INTEGER AS weekday,
        breadth_raw / avg(breadth_raw) OVER () AS breadth,
        least((SELECT count(*) FROM demo_product), greatest(12, round(${byFormat(ASSORTMENT)}
          * CASE scale WHEN 'large' THEN 1.4 WHEN 'medium' THEN 1.0 ELSE 0.7 END
          * (0.8 + 0.4 * demo_u(idx, 'assortment')))))::INTEGER AS assortment
      FROM managed m
    )
    SELECT idx, printf('C%08d', idx) AS customer_id,
      district_code || printf('%06d', licence_serial) AS license_no,
      ${shopNameSql(db)} AS name,
      ${addressSql(db)} AS address,
      format, market, scale, trade_area,
      CASE WHEN modern THEN 'modern' ELSE 'ordinary' END AS terminal_type,
      district_name, district_no, manager_no,
      printf('M%04d', manager_no) AS manager_id,
      printf('R%04d-%d', manager_no, weekday) AS route,
      weekday, license_date, status, status_date, first_date, stop_date, pattern,
      ${creditGradeSql('credit_rank')} AS credit_grade,
      cycle_weeks, parity,
      CASE WHEN demo_u(idx, 'group') < 0.7
        THEN printf('G%04d-%d-%d', manager_no, weekday,
          1 + (row_number() OVER (PARTITION BY manager_no, weekday ORDER BY rank_in_manager) - 1) // ${GROUP_SIZE})
        END AS integrity_group,
      greatest(5, round(${byFormat(BUSINESS_AREA)} * sqrt(base_qty / ${byFormat(WEEKLY_CARTONS)}) * (0.7 + 0.6 * demo_u(idx, 'area')))) AS business_area,
      round(district_longitude + (demo_u(idx, 'longitude') - 0.5) * CASE market WHEN 'urban' THEN 0.08 ELSE 0.3 END, 5) AS longitude,
      round(district_latitude + (demo_u(idx, 'latitude') - 0.5) * CASE market WHEN 'urban' THEN 0.06 ELSE 0.24 END, 5) AS latitude,
      quality, base_qty, trend_rate, prob_start, prob_end, breadth, assortment,
      floor(demo_u(idx, 'start_rank') * assortment)::INTEGER AS start_rank,
      CASE WHEN market = 'urban' THEN
        CASE WHEN format IN (${PREMIUM_FORMATS.map((format) => `'${format}'`).join(', ')}) THEN 1 ELSE 2 END
        ELSE CASE WHEN format IN (${PREMIUM_FORMATS.map((format) => `'${format}'`).join(', ')}) THEN 3 ELSE 4 END END AS profile,
      cycle_weeks * CASE scale WHEN 'large' THEN 6 WHEN 'medium' THEN 3 ELSE 2 END AS scarce_limit,
      modern,
      -- new customers weekly, large and declining ones every two weeks, the rest monthly
      CASE WHEN pattern = 'new' THEN 1 WHEN scale = 'large' OR pattern = 'declining' THEN 2 ELSE 4 END AS visit_interval,
      demo_u(idx, 'information_point') < CASE market WHEN 'urban' THEN 0.35 ELSE 0.2 END * CASE WHEN modern THEN 1.5 ELSE 1 END AS information_point
    FROM routed`);
}

/** Builds the customer population and inserts the archive into `customers`. */
export async function generateCustomers(db: Database, customers: number): Promise<void> {
  await drawCustomers(db, districtCount(customers));
  await placeCustomers(db);
  await db.run(`INSERT INTO customers (customer_id, license_no, name, address, format, market, scale, trade_area, terminal_type,
      district, route, manager_id, license_date, status, status_date, credit_grade, order_cycle, integrity_group,
      business_area, longitude, latitude)
    SELECT customer_id, license_no, name, address, format, market, scale, trade_area, terminal_type,
      district_name, route, manager_id, license_date, status, status_date, credit_grade,
      CASE cycle_weeks WHEN 1 THEN 'weekly' ELSE 'biweekly' END, integrity_group,
      business_area, longitude, latitude
    FROM demo_customer ORDER BY idx`);
}
