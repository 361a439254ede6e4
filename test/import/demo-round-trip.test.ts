import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACT_FILES, FACT_TABLES, generateDemo, importFile, openDatabase, writeDemoCsv, type Database } from '@retail-value/engine';

let dir: string;
let source: Database;
let target: Database;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-round-trip-'));
  source = await openDatabase(':memory:');
  target = await openDatabase(':memory:');
  await generateDemo(source, { customers: 150, weeks: 10 });
});

afterAll(async () => {
  await source.close();
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

describe('demo data round trip', () => {
  it('imports every file the demo writes back into identical tables', async () => {
    const written = await writeDemoCsv(source, dir);
    for (const file of written) {
      const report = await importFile(target, { kind: file.kind, path: file.path });
      expect(report.rows, file.kind).toBe(file.rows);
    }
    for (const table of FACT_TABLES) {
      const order = table.key.join(', ');
      const expected = await source.all(`SELECT * FROM ${table.name} ORDER BY ${order}`);
      expect(expected.length, table.name).toBeGreaterThan(0);
      expect(await target.all(`SELECT * FROM ${table.name} ORDER BY ${order}`), table.name).toEqual(expected);
    }
    expect(FACT_FILES).toHaveLength(FACT_TABLES.length);
  });
});
