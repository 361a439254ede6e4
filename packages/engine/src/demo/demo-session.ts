import type { Database } from '../db/database.js';
import type { DemoOptions } from './demo-options.js';
import { FESTIVAL_RUN_UP } from './demo-distributions.js';
import { SPRING_FESTIVALS } from './reference-data.js';
import { valuesTable } from './sql-constants.js';

/**
 * Every random number of the generator is a pure function of (seed, entity
 * key, salt): DuckDB's random() depends on how threads split the work, hash()
 * does not. hash(a, b, c) combines its arguments' hashes with a multiply and
 * a final XOR, so two salts would only flip fixed bits of the same value (the
 * draws would be strongly correlated); hashing the combination again mixes
 * it. The top 53 bits divided by 2^53 give an exact double in [0, 1)
 * (dividing all 64 bits by 2^64 can round up to 1.0).
 */
const MACROS = [
  `CREATE OR REPLACE TEMP MACRO demo_u(k, salt) AS
     (hash(hash(getvariable('demo_seed'), k, salt)) >> 11) / 9007199254740992.0`,
  `CREATE OR REPLACE TEMP MACRO demo_u2(k1, k2, salt) AS
     (hash(hash(getvariable('demo_seed'), k1, k2, salt)) >> 11) / 9007199254740992.0`,
  `CREATE OR REPLACE TEMP MACRO demo_u3(k1, k2, k3, salt) AS
     (hash(hash(getvariable('demo_seed'), k1, k2, k3, salt)) >> 11) / 9007199254740992.0`,
  // Box–Muller: a standard normal from two independent uniforms.
  `CREATE OR REPLACE TEMP MACRO demo_normal(k, salt) AS
     sqrt(-2 * ln(1 - demo_u2(k, 1, salt))) * cos(2 * pi() * demo_u2(k, 2, salt))`,
  `CREATE OR REPLACE TEMP MACRO demo_normal2(k1, k2, salt) AS
     sqrt(-2 * ln(1 - demo_u3(k1, k2, 1, salt))) * cos(2 * pi() * demo_u3(k1, k2, 2, salt))`,
];

const MACRO_NAMES = ['demo_normal2', 'demo_normal', 'demo_u3', 'demo_u2', 'demo_u'];

const VARIABLES = ['demo_seed', 'demo_customers', 'demo_weeks', 'demo_end', 'demo_start', 'demo_lines'];

/**
 * The calendar of the data window: one row per day, with the week index
 * (0 = the first 7 days), the volume multiplier of the season and the chance
 * that a shop is open to order at all. The window is exactly `weeks` × 7 days
 * ending on the end date, so every customer has one order day per week.
 */
function calendarSql(db: Database): string {
  const festivals = valuesTable(db.dialect, 'f', ['festival_text'], SPRING_FESTIVALS.map((date) => [date]));
  const runUp = FESTIVAL_RUN_UP.map((step) => `WHEN days_before <= ${step.withinDays} THEN ${step.factor}`).join(' ');
  return `CREATE TEMP TABLE demo_calendar AS
    WITH days AS (
      SELECT getvariable('demo_start') + range::INTEGER AS day, (range // 7)::INTEGER AS week
      FROM range(7 * getvariable('demo_weeks'))
    ), festival AS (
      SELECT CAST(festival_text AS DATE) AS festival FROM ${festivals}
    ), near AS (
      SELECT d.day, d.week,
        min(f.festival - d.day) FILTER (WHERE f.festival > d.day) AS days_before,
        min(d.day - f.festival) FILTER (WHERE f.festival <= d.day) AS days_after
      FROM days d CROSS JOIN festival f
      GROUP BY d.day, d.week
    )
    SELECT week, isodow(day)::INTEGER AS weekday, day AS order_date, strftime(day, '%Y%m%d') AS date_key,
      CASE ${runUp}
        WHEN days_after <= 6 THEN 0.6
        WHEN days_after <= 20 THEN 0.85
        WHEN month(day) IN (7, 8) THEN 0.95
        WHEN month(day) = 9 AND dayofmonth(day) >= 16 THEN 1.05
        ELSE 1.0 END AS volume_factor,
      CASE WHEN days_after <= 6 THEN 0.35 ELSE 1.0 END AS presence
    FROM near
    ORDER BY order_date`;
}

/** Sets the options as session variables, installs the random macros and builds the calendar. */
export async function openDemoSession(db: Database, options: DemoOptions): Promise<void> {
  await db.run(`SET VARIABLE demo_seed = CAST($1 AS BIGINT)`, [options.seed]);
  await db.run(`SET VARIABLE demo_customers = CAST($1 AS BIGINT)`, [options.customers]);
  await db.run(`SET VARIABLE demo_weeks = CAST($1 AS INTEGER)`, [options.weeks]);
  await db.run(`SET VARIABLE demo_end = CAST($1 AS DATE)`, [options.end]);
  await db.run(`SET VARIABLE demo_start = getvariable('demo_end') - CAST($1 AS INTEGER)`, [7 * options.weeks - 1]);
  await db.run(`SET VARIABLE demo_lines = CAST($1 AS DOUBLE)`, [options.linesPerOrder]);
  for (const macro of MACROS) await db.run(macro);
  await db.run(calendarSql(db));
}

/** Drops the temporary tables and macros (a rolled-back transaction drops them by itself). */
export async function closeDemoSession(db: Database): Promise<void> {
  const tables = await db.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'demo_') ORDER BY name`,
  );
  for (const table of tables) await db.run(`DROP TABLE temp.${db.dialect.quoteIdent(table.name)}`);
  for (const macro of MACRO_NAMES) await db.run(`DROP MACRO IF EXISTS temp.${macro}`);
}

/** Session variables outlive transactions; reset them whatever happened. */
export async function resetDemoVariables(db: Database): Promise<void> {
  for (const variable of VARIABLES) await db.run(`RESET VARIABLE ${variable}`);
}
