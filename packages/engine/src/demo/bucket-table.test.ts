import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { BUCKETS, createBucketTable } from './bucket-table.js';

describe('createBucketTable', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase(':memory:');
    await createBucketTable(db, 'demo_test_bucket', {
      format: [
        { value: 'Z', weight: 53.5 },
        { value: 'B', weight: 20 },
        { value: 'Q', weight: 0.5 },
        { value: 'Y', weight: 26 },
      ],
      coin: [
        { value: 'heads', weight: 1 },
        { value: 'tails', weight: 1 },
      ],
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives each value its share of the slots, to 0.1 %', async () => {
    const rows = await db.all<{ choice: string; value: string; slots: number }>(
      'SELECT choice, value, count(*) AS slots FROM demo_test_bucket GROUP BY choice, value ORDER BY choice, slots DESC, value',
    );
    expect(rows).toEqual([
      { choice: 'coin', value: 'heads', slots: 500 },
      { choice: 'coin', value: 'tails', slots: 500 },
      { choice: 'format', value: 'Z', slots: 535 },
      { choice: 'format', value: 'Y', slots: 260 },
      { choice: 'format', value: 'B', slots: 200 },
      { choice: 'format', value: 'Q', slots: 5 },
    ]);
  });

  it('fills every slot of every choice exactly once, in the order the values were given', async () => {
    expect(await db.all('SELECT choice, count(DISTINCT bucket) AS slots, min(bucket) AS first, max(bucket) AS last FROM demo_test_bucket GROUP BY choice ORDER BY choice')).toEqual([
      { choice: 'coin', slots: BUCKETS, first: 0, last: BUCKETS - 1 },
      { choice: 'format', slots: BUCKETS, first: 0, last: BUCKETS - 1 },
    ]);
    const firstQ = await db.all<{ bucket: number }>(`SELECT min(bucket) AS bucket FROM demo_test_bucket WHERE choice = 'format' AND value = 'Q'`);
    expect(firstQ[0]?.bucket).toBe(735);
  });
});
