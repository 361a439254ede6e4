import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteRun, evaluate, listAudit, openDatabase, type Database } from '@retail-value/engine';
import { cli, parseJson } from '../cli-harness.js';
import { seedSmallCompany } from './small-company.js';

const count = async (db: Database, table: string, runId: string): Promise<number> =>
  (await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE run_id = $1`, [runId]))[0]!.n;

describe('deleteRun', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(':memory:');
    await seedSmallCompany(db);
  });

  it('removes the run, its results and awards, audits it, and never gives its id again', async () => {
    const first = await evaluate(db, { period: '2026Q3', asOf: '2026-08-31' });
    const second = await evaluate(db, { period: '2026Q3' });
    expect([first.runId, second.runId]).toEqual(['2026Q3-001', '2026Q3-002']);
    await db.run("INSERT INTO run_awards VALUES ($1, 'C0001', 'star')", [second.runId]);
    expect(await count(db, 'run_results', second.runId)).toBe(60);

    const deleted = await deleteRun(db, second.runId, { username: 'admin' });
    expect(deleted).toMatchObject({ runId: '2026Q3-002', period: '2026Q3', customers: 60, resultFingerprint: second.resultFingerprint });
    for (const table of ['runs', 'run_results', 'run_awards']) expect(await count(db, table, second.runId)).toBe(0);
    // The other run is untouched.
    expect(await count(db, 'run_results', first.runId)).toBe(60);
    const audit = (await listAudit(db, { limit: 10, offset: 0 })).entries.find((entry) => entry.action === 'run.delete');
    expect(audit).toMatchObject({ username: 'admin', target: '2026Q3-002' });

    // The highest id was deleted: the next run counts past it rather than taking it again.
    const third = await evaluate(db, { period: '2026Q3' });
    expect(third.runId).toBe('2026Q3-003');
    expect(third.resultFingerprint).toBe(second.resultFingerprint);
  });

  it('refuses an unknown run and changes nothing', async () => {
    const before = await db.all('SELECT run_id FROM runs ORDER BY run_id');
    await expect(deleteRun(db, '2026Q3-999', { username: null })).rejects.toThrow('2026Q3-999');
    expect(await db.all('SELECT run_id FROM runs ORDER BY run_id')).toEqual(before);
  });
});

describe('retail-value runs', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rv-runs-')), 'company.duckdb');
  beforeAll(async () => {
    const fileDb = await openDatabase(file);
    await seedSmallCompany(fileDb);
    await fileDb.close();
  });

  it('lists the runs newest first and deletes one', async () => {
    expect((await cli('runs', 'list', '--db', file)).stdout).toContain('还没有评价批次');
    for (const asOf of ['2026-08-31', '2026-09-30']) expect((await cli('evaluate', '--db', file, '--period', '2026Q3', '--as-of', asOf)).code).toBe(0);
    const listed = parseJson<{ runs: { runId: string; asOf: string; customers: number }[] }>(await cli('runs', 'list', '--db', file, '--json'));
    expect(listed.runs.map((run) => [run.runId, run.asOf, run.customers])).toEqual([
      ['2026Q3-002', '2026-09-30', 60],
      ['2026Q3-001', '2026-08-31', 60],
    ]);
    const table = await cli('runs', 'list', '--db', file);
    expect(table.stdout).toMatch(/批次\s+评价期\s+截止日期/);
    expect(table.stdout.indexOf('2026Q3-002')).toBeLessThan(table.stdout.indexOf('2026Q3-001'));

    const deleted = await cli('runs', 'delete', '--db', file, '--run', '2026Q3-001');
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain('已删除评价批次 2026Q3-001（60 户客户的结果及其评优记录）');
    expect(parseJson<{ runs: { runId: string }[] }>(await cli('runs', 'list', '--db', file, '--json')).runs.map((run) => run.runId)).toEqual(['2026Q3-002']);
    const fileDb = await openDatabase(file);
    const audit = await fileDb.all<{ username: string | null; target: string; detail: string }>("SELECT username, target, detail FROM audit_log WHERE action = 'run.delete'");
    await fileDb.close();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: null, target: '2026Q3-001' });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ period: '2026Q3', customers: 60, via: 'cli' });

    const missing = await cli('--lang', 'en', 'runs', 'delete', '--db', file, '--run', '2026Q3-001');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('2026Q3-001');
  });
});
