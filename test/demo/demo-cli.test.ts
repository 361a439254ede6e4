import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_SPECS, IMPORT_KINDS } from '@retail-value/engine';
import { cli, parseJson } from '../cli-harness.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface DemoJson {
  readonly options: { readonly customers: number; readonly weeks: number; readonly seed: number; readonly end: string };
  readonly start: string;
  readonly counts: Record<string, number>;
  readonly contentHash: string;
  readonly seconds: number;
  readonly summarySeconds: number;
  readonly csv?: { readonly kind: string; readonly path: string; readonly rows: number }[];
}

describe('retail-value demo', () => {
  it('generates a company and reports its counts as JSON, with the CSV files written', async () => {
    const db = join(dir, 'demo.duckdb');
    const csv = join(dir, 'csv');
    const report = parseJson<DemoJson>(await cli('demo', '--db', db, '--customers', '120', '--weeks', '6', '--lines-per-order', '2', '--csv', csv, '--json'));
    expect(report.options).toMatchObject({ customers: 120, weeks: 6, seed: 42, end: '2026-09-30' });
    expect(report.start).toBe('2026-08-20');
    expect(report.counts.customers).toBe(120);
    expect(report.counts.order_lines).toBeGreaterThan(0);
    expect(report.contentHash).toMatch(/^[0-9a-f]{32}$/);
    // the order summary is built after the commit, within the reported time
    expect(report.summarySeconds).toBeGreaterThan(0);
    expect(report.summarySeconds).toBeLessThanOrEqual(report.seconds);
    const status = parseJson<{ orderSummary: { orderLines: number } }>(await cli('status', '--db', db, '--json'));
    expect(status.orderSummary.orderLines).toBe(report.counts.order_lines);

    expect((await readdir(csv)).sort()).toEqual(IMPORT_KINDS.map((kind) => `${kind}.csv`).sort());
    for (const kind of IMPORT_KINDS) {
      const text = await readFile(join(csv, `${kind}.csv`), 'utf8');
      const [header, ...lines] = text.trimEnd().split('\n');
      expect(header, kind).toBe(KIND_SPECS[kind].columns.map((column) => column.name).join(','));
      const written = report.csv?.find((file) => file.kind === kind);
      expect(written?.rows, kind).toBe(lines.length);
    }
    const customers = await readFile(join(csv, 'customers.csv'), 'utf8');
    expect(customers).toMatch(/\nC00000001,9901\d{8},[^,]+,[^,]+,[ZBSNYFQ],(urban|rural),(large|medium|small),/);
  });

  it('refuses to overwrite a database with customers unless --force', async () => {
    const db = join(dir, 'twice.duckdb');
    expect((await cli('demo', '--db', db, '--customers', '60', '--weeks', '4', '--lines-per-order', '1')).code).toBe(0);
    const refused = await cli('demo', '--db', db, '--customers', '80', '--weeks', '4');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).toContain('60');
    const english = await cli('--lang', 'en', 'demo', '--db', db, '--customers', '80', '--weeks', '4');
    expect(english.stderr).toContain('already holds business data (60 rows in customers)');
    const forced = parseJson<DemoJson>(await cli('demo', '--db', db, '--customers', '80', '--weeks', '4', '--lines-per-order', '1', '--force', '--json'));
    expect(forced.counts.customers).toBe(80);
  });

  it('prints a table of counts in Chinese by default', async () => {
    const result = await cli('demo', '--db', join(dir, 'table.duckdb'), '--customers', '50', '--weeks', '3', '--seed', '9', '--lines-per-order', '1');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('演示数据已生成：50 个客户，3 周（2026-09-10 至 2026-09-30），种子 9');
    expect(result.stdout).toMatch(/客户档案\s+customers\s+50\n/);
    expect(result.stdout).toContain('订单明细');
  });

  it('reports bad options as issues', async () => {
    const result = await cli('--lang', 'en', 'demo', '--db', join(dir, 'bad.duckdb'), '--customers', 'lots', '--end', '2026-13-01');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('value "lots": option customers must be a whole number from 1 to 5000000');
    expect(result.stderr).toContain('option end must be a valid date as YYYY-MM-DD');
  });

  it('describes itself', async () => {
    const help = await cli('demo', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: retail-value demo');
    for (const option of ['--customers', '--weeks', '--seed', '--end', '--lines-per-order', '--csv', '--force', '--json']) expect(help.stdout).toContain(option);
  });
});
