import { createHash } from 'node:crypto';
import { issue, IssuesError } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { one } from '../db/database.js';
import { recordDataLoad } from '../import/record-data-load.js';
import { FACT_TABLES } from '../schema/tables.js';
import { resolveDemoOptions, type DemoOptions, type DemoOptionsInput } from './demo-options.js';
import { closeDemoSession, openDemoSession, resetDemoVariables } from './demo-session.js';
import { generateAssessments } from './generate-assessments.js';
import { generateCreditEvents } from './generate-credit-events.js';
import { generateCustomers } from './generate-customers.js';
import { generateDisplays } from './generate-displays.js';
import { generateFeedback } from './generate-feedback.js';
import { generateOrderLines } from './generate-order-lines.js';
import { markOrderSummary, settleOrderSummary } from '../orders/order-summary.js';
import { generateProducts } from './generate-products.js';
import { generatePromotions } from './generate-promotions.js';
import { generateSurveyResponses } from './generate-survey-responses.js';
import { generateVisits } from './generate-visits.js';
import { tableFingerprint } from './table-fingerprint.js';

/** The fact tables the generator fills, in the order it fills them. */
export const DEMO_TABLES = [
  'products',
  'customers',
  'order_lines',
  'visits',
  'feedback',
  'promotions',
  'displays',
  'credit_events',
  'assessments',
  'survey_responses',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

export interface GenerateDemoRequest extends DemoOptionsInput {
  /** Replace all business data if the database holds any (otherwise refuse). */
  readonly replace?: boolean;
  /** Called as each table is about to be generated. */
  readonly onProgress?: (table: DemoTable) => void;
}

export interface DemoResult {
  readonly options: DemoOptions;
  /** First day of the data window. */
  readonly start: string;
  readonly counts: Readonly<Record<DemoTable, number>>;
  readonly rowCount: number;
  /** MD5 over the options and every generated table's content fingerprint. */
  readonly contentHash: string;
  /** The `data_loads` row recording this generation. */
  readonly loadId: number;
  readonly seconds: number;
  /** Of `seconds`, the time spent building the order summary evaluations read. */
  readonly summarySeconds: number;
}

type Step = (db: Database, options: DemoOptions) => Promise<void>;

const STEPS: Readonly<Record<DemoTable, Step>> = {
  products: (db) => generateProducts(db),
  customers: (db, options) => generateCustomers(db, options.customers),
  order_lines: (db, options) => generateOrderLines(db, options.weeks, options.customers, options.linesPerOrder),
  visits: (db) => generateVisits(db),
  feedback: (db) => generateFeedback(db),
  promotions: (db) => generatePromotions(db),
  displays: (db) => generateDisplays(db),
  credit_events: (db) => generateCreditEvents(db),
  assessments: (db) => generateAssessments(db),
  survey_responses: (db) => generateSurveyResponses(db),
};

export function demoSource(options: DemoOptions): string {
  return `demo:customers=${options.customers},weeks=${options.weeks},seed=${options.seed},end=${options.end},lines-per-order=${options.linesPerOrder}`;
}

/**
 * The generator fills empty tables. A database that holds business data is
 * refused (naming the first table with rows), or cleared when asked to.
 */
async function refuseOrClear(db: Database, replace: boolean): Promise<void> {
  for (const table of FACT_TABLES) {
    const held = await one<{ rows: number }>(db, `SELECT count(*) AS rows FROM ${db.dialect.quoteIdent(table.name)}`);
    const rows = Number(held.rows);
    if (rows === 0) continue;
    if (!replace) throw new IssuesError([issue('demo.database_not_empty', { params: { table: table.name, count: rows } })]);
    for (const cleared of FACT_TABLES) await db.run(`DELETE FROM ${db.dialect.quoteIdent(cleared.name)}`);
    return;
  }
}

/**
 * Generates a whole demo company — archive, catalogue, a window of weekly
 * orders and the service facts — inside the database, set-based, in one
 * transaction: the result is all of it or nothing. Same options, same tables.
 */
export async function generateDemo(db: Database, request: GenerateDemoRequest = {}): Promise<DemoResult> {
  const options = resolveDemoOptions(request);
  const started = performance.now();
  try {
    const generated = await db.transaction(async () => {
      await refuseOrClear(db, request.replace === true);
      await openDemoSession(db, options);
      for (const table of DEMO_TABLES) {
        request.onProgress?.(table);
        await STEPS[table](db, options);
      }
      const windowStart = await one<{ start: string }>(db, `SELECT CAST(getvariable('demo_start') AS VARCHAR) AS start`);
      await closeDemoSession(db);
      // The summary is built once the lines are committed (below).
      await markOrderSummary(db, undefined);

      const counts = {} as Record<DemoTable, number>;
      const fingerprint = createHash('md5').update(demoSource(options));
      for (const table of DEMO_TABLES) {
        const print = await tableFingerprint(db, table);
        counts[table] = print.rows;
        fingerprint.update(`|${table}:${print.rows}:${print.digest}`);
      }
      const contentHash = fingerprint.digest('hex');
      const rowCount = DEMO_TABLES.reduce((sum, table) => sum + counts[table], 0);
      const loadId = await recordDataLoad(db, { kind: 'demo', source: demoSource(options), contentHash, rowCount });
      return { start: windowStart.start, counts: Object.freeze(counts), rowCount, contentHash, loadId };
    });
    const summary = await settleOrderSummary(db);
    const summarySeconds = Math.round((summary?.seconds ?? 0) * 100) / 100;
    return { options, ...generated, summarySeconds, seconds: Math.round((performance.now() - started) / 10) / 100 };
  } finally {
    await resetDemoVariables(db);
  }
}
