import { one, type Database } from '../db/database.js';
import { FACT_TABLES } from '../schema/tables.js';

/** The date that places a row of each dated fact table in time. */
const DATE_COLUMNS: Readonly<Record<string, string>> = {
  order_lines: 'order_date',
  visits: 'coalesce(actual_date, planned_date)',
  feedback: 'due_date',
  promotions: 'activity_date',
  displays: 'start_date',
  credit_events: 'event_date',
  survey_responses: 'response_date',
};

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export interface DatabaseStatus {
  /** Row count of every fact table. */
  readonly tables: Readonly<Record<string, number>>;
  /** First and last date of every dated fact table; null while it is empty. */
  readonly dateRange: Readonly<Record<string, DateRange | null>>;
  /** Imports logged in data_loads. */
  readonly loads: number;
  /** The order summary evaluations read: customer order days, the line count it was made from, when; null before the first. */
  readonly orderSummary: { readonly days: number; readonly orderLines: number; readonly builtAt: string } | null;
}

/** What the database holds: rows per fact table, their date ranges, and the number of imports. */
export async function databaseStatus(db: Database): Promise<DatabaseStatus> {
  const tables: Record<string, number> = {};
  const dateRange: Record<string, DateRange | null> = {};
  for (const table of FACT_TABLES) {
    const name = db.dialect.quoteIdent(table.name);
    const dateColumn = DATE_COLUMNS[table.name];
    if (dateColumn === undefined) {
      tables[table.name] = (await one<{ rows: number }>(db, `SELECT count(*) AS rows FROM ${name}`)).rows;
      continue;
    }
    const row = await one<{ rows: number; first: string | null; last: string | null }>(
      db,
      `SELECT count(*) AS rows, CAST(min(${dateColumn}) AS VARCHAR) AS first, CAST(max(${dateColumn}) AS VARCHAR) AS last FROM ${name}`,
    );
    tables[table.name] = row.rows;
    dateRange[table.name] = row.first === null || row.last === null ? null : { from: row.first, to: row.last };
  }
  const { loads } = await one<{ loads: number }>(db, 'SELECT count(*) AS loads FROM data_loads');
  const summary = await db.all<{ days: number; order_lines: number; built_at: string }>(
    'SELECT (SELECT count(*) FROM order_days) AS days, order_lines, built_at FROM order_summary_state',
  );
  const found = summary[0];
  const orderSummary = found === undefined ? null : { days: found.days, orderLines: found.order_lines, builtAt: found.built_at };
  return { tables, dateRange, loads, orderSummary };
}
