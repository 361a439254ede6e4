import { describe, expect, it } from 'vitest';
import { openDuckDb, settingBytes } from './duckdb-database.js';

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

describe('DuckDB keepFreedMemory()', () => {
  it('raises the block allocator memory of the instance, and asking less later, on any connection, keeps it', async () => {
    const db = await openDuckDb(':memory:');
    const setting = async (): Promise<unknown> => (await db.all("SELECT current_setting('block_allocator_memory') AS v"))[0]?.v;
    expect(await setting()).toBe('0 bytes');
    await db.keepFreedMemory(256 * 2 ** 20);
    expect(await setting()).toBe('256.0 MiB');
    const other = await db.connect();
    // DuckDB refuses to lower the setting; a smaller ask is no error and changes nothing
    await other.keepFreedMemory(64 * 2 ** 20);
    await db.keepFreedMemory(0);
    expect(await setting()).toBe('256.0 MiB');
    await other.keepFreedMemory(300 * 2 ** 20);
    expect(await setting()).toBe('300.0 MiB');
    await other.close();
    await db.close();
  });

  it('keeps at most a quarter of the memory limit', async () => {
    const db = await openDuckDb(':memory:');
    await db.run("SET memory_limit = '1GiB'");
    await db.keepFreedMemory(2 ** 30);
    expect((await db.all("SELECT current_setting('block_allocator_memory') AS v"))[0]?.v).toBe('256.0 MiB');
    await db.close();
  });

  it('reads sizes as DuckDB renders its settings', () => {
    expect(settingBytes('18.8 GiB')).toBeCloseTo(18.8 * 2 ** 30, 0);
    expect(settingBytes('953.6 MiB')).toBeCloseTo(953.6 * 2 ** 20, 0);
    expect(settingBytes('512 bytes')).toBe(512);
    expect(settingBytes('4GB')).toBe(4e9);
    expect(settingBytes('unlimited')).toBeUndefined();
    expect(settingBytes('')).toBeUndefined();
  });
});
