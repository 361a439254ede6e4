import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, openDatabase } from '@retail-value/engine';
import { cli, parseJson } from '../cli-harness.js';
import { seedSmallCompany } from '../evaluation/small-company.js';

const dir = mkdtempSync(join(tmpdir(), 'rv-dynamics-'));
const file = join(dir, 'company.duckdb');
let earlier: string;
let later: string;

beforeAll(async () => {
  const db = await openDatabase(file);
  await seedSmallCompany(db);
  earlier = (await evaluate(db, { period: '2026Q3', asOf: '2026-08-31' })).runId;
  later = (await evaluate(db, { period: '2026Q3' })).runId;
  await db.close();
});

describe('compare command', () => {
  it('prints the comparison as JSON with the top movers only', async () => {
    const found = parseJson<{
      from: { runId: string };
      to: { runId: string };
      customers: { both: number; entered: number; left: number };
      valueCells: { from: string[]; to: string[]; counts: number[][]; rowShares: (number | null)[][]; stability: number };
      serviceClasses: { from: string[]; counts: number[][]; stability: number };
      moverCount: { total: number; up: number; down: number; across: number };
      movers: { customerId: string; direction: string; fromCell: string; toCell: string; dimension: string | null; compositeChange: number }[];
    }>(await cli('compare', '--db', file, '--from', earlier, '--to', later, '--json', '--limit', '2'));
    expect(found.from.runId).toBe(earlier);
    expect(found.to.runId).toBe(later);
    expect(found.customers).toEqual({ both: 60, entered: 0, left: 0 });
    expect(found.valueCells.counts.flat().reduce((sum, n) => sum + n, 0)).toBe(60);
    expect(found.serviceClasses.from).toEqual(['core', 'important', 'regular']);
    expect(found.moverCount.total).toBeGreaterThan(2);
    expect(found.movers).toHaveLength(2);
    expect(Object.keys(found.movers[0]!)).toEqual(
      expect.arrayContaining(['customerId', 'direction', 'fromCell', 'toCell', 'fromClass', 'toClass', 'compositeChange', 'dimension', 'dimensionChange']),
    );
  });

  it('prints text tables in Chinese by default and in English with --lang en', async () => {
    const chinese = await cli('compare', '--db', file, '--from', earlier, '--to', later);
    expect(chinese.code).toBe(0);
    expect(chinese.stdout).toContain('价值类别迁移矩阵');
    expect(chinese.stdout).toContain('核心类');
    expect(chinese.stdout).toContain('稳定率');
    const english = await cli('--lang', 'en', 'compare', '--db', file, '--from', earlier, '--to', later, '--limit', '2');
    expect(english.stdout).toContain('value-cell transitions');
    expect(english.stdout).toContain('sub-value customer');
    expect(english.stdout).toContain('the 2 with the largest change');
  });

  it('writes the workbook: both matrices and every mover', async () => {
    const out = join(dir, 'compare.xlsx');
    const json = parseJson<{ moverCount: { total: number } }>(await cli('compare', '--db', file, '--from', earlier, '--to', later, '--json', '--xlsx', out));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['价值类别迁移', '服务类别迁移', '升降客户']);
    const movers = workbook.getWorksheet('升降客户')!;
    expect(movers.rowCount).toBe(json.moverCount.total + 1);
    expect(movers.getRow(1).getCell(1).value).toBe('客户编码');
    const cells = workbook.getWorksheet('价值类别迁移')!;
    expect(cells.getRow(3).getCell(2).value).toBe('价值客户');
    const english = join(dir, 'compare-en.xlsx');
    expect((await cli('--lang', 'en', 'compare', '--db', file, '--from', earlier, '--to', later, '--xlsx', english)).code).toBe(0);
    const englishBook = new ExcelJS.Workbook();
    await englishBook.xlsx.readFile(english);
    expect(englishBook.worksheets.map((sheet) => sheet.name)).toEqual(['cell transitions', 'class transitions', 'movers']);
  });

  it('rejects a bad --limit and an unknown run', async () => {
    const zero = await cli('compare', '--db', file, '--from', earlier, '--to', later, '--limit', '0');
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('--limit');
    const missing = await cli('compare', '--db', file, '--from', 'NOPE', '--to', later);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOPE');
  });
});

describe('awards command', () => {
  it('lists the awarded customers with their rewards, as JSON and as text', async () => {
    const found = parseJson<{
      runId: string;
      rules: { code: string; runsFound: number; customers: number }[];
      customers: { customerId: string; awardCode: string; awardName: { 'zh-CN': string }; rewards: unknown[] }[];
    }>(await cli('awards', '--db', file, '--json'));
    expect(found.runId).toBe(later);
    expect(found.rules).toMatchObject([{ code: 'star', runsFound: 2 }]);
    expect(found.customers.length).toBe(found.rules[0]!.customers);
    expect(found.customers.length).toBeGreaterThan(0);
    expect(found.customers[0]).toMatchObject({ awardCode: 'star', awardName: { 'zh-CN': '星级客户' } });
    const text = await cli('awards', '--db', file);
    expect(text.stdout).toContain('星级客户');
    expect(text.stdout).toContain('新品优先投放');
    expect(text.stdout).toContain(found.customers[0]!.customerId);
    const first = await cli('--lang', 'en', 'awards', '--db', file, '--run', earlier);
    expect(first.stdout).toContain('needs 2 consecutive runs');
  });
});
