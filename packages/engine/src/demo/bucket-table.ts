import type { Database } from '../db/database.js';
import { valuesTable } from './sql-constants.js';

/** Slots per choice: shares resolve to 0.1 %. */
export const BUCKETS = 1000;

export interface WeightedValue {
  readonly value: string;
  readonly weight: number;
}

/**
 * Creates a temporary table (choice, bucket, value) that turns weighted
 * choices into equal slots: SQL then picks a value with an equality join on
 * bucket = floor(u × 1000), which stays a fast hash join at a million rows
 * (a list literal of a thousand entries is copied for every row). Slot b
 * holds the value whose cumulative share covers (b + ½) / 1000.
 */
export async function createBucketTable(
  db: Database,
  table: string,
  choices: Readonly<Record<string, readonly WeightedValue[]>>,
): Promise<void> {
  const rows: [string, string, number, number][] = [];
  for (const [choice, values] of Object.entries(choices)) {
    const total = values.reduce((sum, entry) => sum + entry.weight, 0);
    if (!(total > 0)) throw new Error(`weights of ${choice} must sum to more than 0`);
    let lower = 0;
    values.forEach((entry, index) => {
      const upper = index === values.length - 1 ? 1 : lower + entry.weight / total;
      rows.push([choice, entry.value, lower, upper]);
      lower = upper;
    });
  }
  const bounds = valuesTable(db.dialect, 's', ['choice', 'value', 'lower_bound', 'upper_bound'], rows);
  await db.run(`CREATE TEMP TABLE ${db.dialect.quoteIdent(table)} AS
    SELECT s.choice, b.range::INTEGER AS bucket, s.value
    FROM range(${BUCKETS}) AS b
    JOIN ${bounds} ON (b.range + 0.5) / ${BUCKETS} >= s.lower_bound AND (b.range + 0.5) / ${BUCKETS} < s.upper_bound
    ORDER BY s.choice, bucket`);
}

/** Weighted values from a share table. */
export function weighted(shares: Readonly<Record<string, number>>): WeightedValue[] {
  return Object.entries(shares).map(([value, weight]) => ({ value, weight }));
}
