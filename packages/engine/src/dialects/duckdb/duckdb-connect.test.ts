import { describe, expect, it } from 'vitest';
import { openDuckDb } from './duckdb-database.js';

describe('DuckDB connect()', () => {
  it('opens another connection to the same data, with its own temporary tables', async () => {
    const db = await openDuckDb(':memory:');
    await db.run('CREATE TABLE shared AS SELECT 42 AS answer');
    const other = await db.connect();
    await expect(other.all('SELECT answer FROM shared')).resolves.toEqual([{ answer: 42 }]);
    await other.run('CREATE TEMP TABLE private_work AS SELECT 1 AS n');
    await expect(db.all('SELECT * FROM private_work')).rejects.toThrow();
    await other.close();
    await expect(db.all('SELECT answer FROM shared')).resolves.toEqual([{ answer: 42 }]);
    await db.close();
  });

  it('keeps a stream on one connection whole while the other runs statements', async () => {
    const db = await openDuckDb(':memory:');
    await db.run('CREATE TABLE numbers AS SELECT range AS i FROM range(200000)');
    const exporter = await db.connect();
    let rows = 0;
    let chunks = 0;
    const streamed = exporter.each('SELECT i FROM numbers ORDER BY i', [], async (found) => {
      rows += found.length;
      chunks += 1;
      if (chunks % 10 === 1) await db.all('SELECT count(*) AS n FROM numbers');
    });
    await db.run('CREATE TEMP TABLE scratch AS SELECT 1 AS n');
    await streamed;
    expect(rows).toBe(200000);
    await exporter.close();
    await db.close();
  });
});
