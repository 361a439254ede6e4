import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORE_GENERAL_PROBLEM_SCHEME, DEFAULT_SCHEME, evaluateFormula, formatIssue, IssuesError, MEASURE_CODES, parseFormula, scoreValue, type SchemeInput } from '@retail-value/core';
import { evaluate, evaluationMemory, explainCustomer, openDatabase, summarizeResults, tableDefinition, type Database, type FrozenRun } from '@retail-value/engine';
import { cli, parseJson } from '../cli-harness.js';
import { seedSmallCompany } from './small-company.js';

let db: Database;
let runId: string;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seedSmallCompany(db);
  runId = (await evaluate(db, { period: '2026Q3' })).runId;
});

/** The default scheme with a user-defined contribution indicator, weighted `weight` in every segment. */
function withContributionIndicator(code: string, name: { 'zh-CN': string; en: string }, formula: string, weight: number): SchemeInput {
  const scheme = JSON.parse(JSON.stringify(DEFAULT_SCHEME)) as SchemeInput;
  scheme.customIndicators = [{ code, name, dimension: 'contribution', direction: 'benefit', formula }];
  scheme.indicators.push({ code });
  scheme.dimensions[0]!.indicators.push(code);
  for (const set of Object.values(scheme.weights.sets)) {
    const spec = set.indicators.contribution!;
    if (spec.method === 'direct') spec.values[code] = weight;
  }
  return scheme;
}

describe('evaluate', () => {
  it('gives the same result fingerprint for the same data and scheme', async () => {
    const first = await db.all<{ result_fingerprint: string }>('SELECT result_fingerprint FROM runs WHERE run_id = $1', [runId]);
    const again = await evaluate(db, { period: '2026Q3' });
    expect(again.runId).toBe('2026Q3-002');
    expect(again.resultFingerprint).toBe(first[0]?.result_fingerprint);
    const other = await evaluate(db, { period: '2026Q3', windowWeeks: 8 });
    expect(other.resultFingerprint).not.toBe(again.resultFingerprint);
  });

  it('gives its connection back with insertion order kept, also after a failed run', async () => {
    const setting = async (): Promise<unknown> => (await db.all("SELECT current_setting('preserve_insertion_order') AS v"))[0]?.v;
    expect(await setting()).toBe(true);
    await evaluate(db, { period: '2026Q3' });
    expect(await setting()).toBe(true);
    // (the small company has no orders before 2026Q3: CRITIC finds nothing to weigh and the run stops)
    await expect(evaluate(db, { period: '2026Q2' })).rejects.toThrow();
    expect(await setting()).toBe(true);
  });

  it('fingerprints what it stored: the digest of the stored rows, in any order', async () => {
    const row = (customer: string): string => `${customer} || '|' || printf('%.4f', composite_score) || '|' || printf('%.4f', current_value) || '|' || printf('%.4f', potential_value) || '|' || value_cell || '|' || service_class`;
    const stored = await db.all<{ fp: string }>(
      `SELECT md5(count(*) || ':' || CAST(bit_xor(md5_number(${row('customer_id')})) AS VARCHAR)) AS fp FROM (SELECT * FROM run_results WHERE run_id = $1 ORDER BY customer_id DESC)`,
      [runId],
    );
    const recorded = await db.all<{ result_fingerprint: string }>('SELECT result_fingerprint FROM runs WHERE run_id = $1', [runId]);
    expect(stored[0]?.fp).toBe(recorded[0]?.result_fingerprint);
    // one changed class changes the digest
    const changed = await db.all<{ fp: string }>(
      `SELECT md5(count(*) || ':' || CAST(bit_xor(md5_number(${row('customer_id')} || CASE WHEN rank = 1 THEN 'x' ELSE '' END)) AS VARCHAR)) AS fp FROM run_results WHERE run_id = $1`,
      [runId],
    );
    expect(changed[0]?.fp).not.toBe(recorded[0]?.result_fingerprint);
  });

  it('stores a run in the storage methods the schema names for its columns', async () => {
    const methods = tableDefinition('run_results').compression ?? {};
    expect(Object.keys(methods).filter((column) => !(column in tableDefinition('run_results').columns))).toEqual([]);
    const fileDb = await openDatabase(join(mkdtempSync(join(tmpdir(), 'rv-storage-')), 'company.duckdb'));
    try {
      await seedSmallCompany(fileDb);
      await evaluate(fileDb, { period: '2026Q3' });
      await fileDb.run('CHECKPOINT');
      const segments = await fileDb.all<{ column_name: string; compression: string }>(
        `SELECT DISTINCT column_name, compression FROM pragma_storage_info('run_results') WHERE segment_type <> 'VALIDITY' ORDER BY ALL`,
      );
      // Every named column holds only its method, or a constant segment (one value throughout, as the run id).
      const used = (column: string): string[] => segments.filter((segment) => segment.column_name === column).map((segment) => segment.compression.toLowerCase());
      for (const [column, method] of Object.entries(methods)) expect(used(column).filter((found) => found !== 'constant' && found !== method), column).toEqual([]);
      expect(used('customer_id')).toEqual(['uncompressed']);
      // Rows whose ranks come in long runs, which the engine's own trial stores run-length encoded: the named method holds.
      await fileDb.run(`INSERT INTO run_results SELECT run_results.* REPLACE ('2026Q3-900' AS run_id, i // 500 AS rank) FROM run_results, range(2000) r(i)`);
      await fileDb.run('CHECKPOINT');
      const ranks = await fileDb.all<{ compression: string }>(`SELECT DISTINCT compression FROM pragma_storage_info('run_results') WHERE column_name = 'rank' AND segment_type <> 'VALIDITY'`);
      expect(ranks.map((row) => row.compression)).toEqual(['BitPacking']);
      expect(used('scores')).toEqual(['bitpacking']);
    } finally {
      await fileDb.close();
    }
  });

  it('asks the database to keep about 4 KiB of freed memory per customer, none for a small company', async () => {
    expect(evaluationMemory(1_000_000)).toBe(4_096_000_000);
    expect(evaluationMemory(60)).toBe(0);
    expect(evaluationMemory(16_383)).toBe(0);
    expect(evaluationMemory(16_384)).toBe(2 ** 26);
    // the small company's run left the setting where it was
    expect((await db.all("SELECT current_setting('block_allocator_memory') AS v"))[0]?.v).toBe('0 bytes');
  });

  it('evaluates every licensed customer and ranks them by composite score', async () => {
    const rows = await db.all<{ composite_score: number; rank: number }>('SELECT composite_score, rank FROM run_results WHERE run_id = $1 ORDER BY rank', [runId]);
    expect(rows).toHaveLength(60);
    for (let index = 1; index < rows.length; index += 1) expect(rows[index]!.composite_score).toBeLessThanOrEqual(rows[index - 1]!.composite_score);
    expect(rows[0]!.rank).toBe(1);
  });

  it('splits the value matrix at the frozen medians', async () => {
    const summary = await summarizeResults(db, runId);
    const { valueCells } = summary;
    expect(valueCells.value! + valueCells.sub_value!).toBe(30);
    expect(valueCells.value! + valueCells.potential_value!).toBe(30);
    expect(Object.values(valueCells).reduce((sum, n) => sum + n, 0)).toBe(60);
  });

  it('cuts each value-matrix axis within its own scope: per market on one, over everyone at a percentile on the other', async () => {
    const scheme = JSON.parse(JSON.stringify(DEFAULT_SCHEME)) as SchemeInput;
    scheme.valueMatrix = { current: { method: 'median', scope: 'market' }, potential: { method: 'percentile', value: 0.7, scope: 'all' } };
    const run = await evaluate(db, { period: '2026Q3', scheme });
    const frozen = JSON.parse((await db.all<{ frozen: string }>('SELECT frozen FROM runs WHERE run_id = $1', [run.runId]))[0]?.frozen as string) as FrozenRun;
    const rows = await db.all<{ market: string; current_value: number; potential_value: number; value_cell: string }>(
      'SELECT market, current_value, potential_value, value_cell FROM run_results WHERE run_id = $1',
      [run.runId],
    );
    const quantile = (values: number[], fraction: number): number => {
      const sorted = [...values].sort((left, right) => left - right);
      const position = (sorted.length - 1) * fraction;
      const below = sorted[Math.floor(position)] as number;
      return below + (position - Math.floor(position)) * ((sorted[Math.ceil(position)] as number) - below);
    };
    expect(Object.keys(frozen.thresholds.current).sort()).toEqual(['rural', 'urban']);
    for (const market of ['rural', 'urban']) {
      expect(frozen.thresholds.current[market]).toBeCloseTo(quantile(rows.filter((row) => row.market === market).map((row) => row.current_value), 0.5), 5);
    }
    expect(Object.keys(frozen.thresholds.potential)).toEqual(['all']);
    expect(frozen.thresholds.potential.all).toBeCloseTo(quantile(rows.map((row) => row.potential_value), 0.7), 5);
    for (const row of rows) {
      const high = row.current_value >= (frozen.thresholds.current[row.market] as number);
      const promising = row.potential_value >= (frozen.thresholds.potential.all as number);
      expect(row.value_cell).toBe(high ? (promising ? 'value' : 'sub_value') : promising ? 'potential_value' : 'low_value');
    }
    expect(rows.filter((row) => row.potential_value >= (frozen.thresholds.potential.all as number)).length).toBe(18);
  });

  it('keeps the core class within its quota and behind the credit gate', async () => {
    const rows = await db.all<{ service_class: string; class_by_score: string; credit_grade: string }>(
      'SELECT service_class, class_by_score, credit_grade FROM run_results WHERE run_id = $1',
      [runId],
    );
    const core = rows.filter((row) => row.service_class === 'core');
    expect(core.length).toBeLessThanOrEqual(Math.floor(0.15 * 60));
    expect(core.every((row) => row.credit_grade === 'AAA' || row.credit_grade === 'AA')).toBe(true);
    const gatedOut = rows.filter((row) => row.class_by_score === 'core' && row.service_class !== 'core');
    expect(gatedOut.length).toBeGreaterThan(0);
    expect(gatedOut.every((row) => row.service_class === 'important' && !['AAA', 'AA'].includes(row.credit_grade))).toBe(true);
    expect(rows.filter((row) => row.class_by_score === 'core')).toHaveLength(9);
  });

  it('freezes each peer group\'s bounds as the extremes and quantiles of its stored raw values', async () => {
    const frozen = JSON.parse((await db.all<{ frozen: string }>('SELECT frozen FROM runs WHERE run_id = $1', [runId]))[0]?.frozen as string) as FrozenRun;
    const rows = await db.all<{ market: string; format: string; raw_values: (number | null)[] }>('SELECT market, format, raw_values FROM run_results WHERE run_id = $1', [runId]);
    // quantile_cont: linear interpolation between the sorted values around (n − 1)·q
    const quantile = (sorted: readonly number[], fraction: number): number => {
      const position = (sorted.length - 1) * fraction;
      const below = sorted[Math.floor(position)] as number;
      return below + (position - Math.floor(position)) * ((sorted[Math.ceil(position)] as number) - below);
    };
    const winsorKinds = new Set<string>();
    const medians = new Set<string>();
    const unread = new Set<string>();
    let compared = 0;
    frozen.indicators.forEach((indicator, index) => {
      const [low, high] = indicator.normalization.method === 'minmax' ? indicator.normalization.winsor : [0, 1];
      for (const bounds of frozen.bounds[indicator.code] ?? []) {
        const values = rows
          .filter((row) => indicator.scope === 'all' || (indicator.scope === 'market' ? row.market : row.format) === bounds.group)
          .map((row) => row.raw_values[index])
          .filter((value): value is number => value !== null && value !== undefined)
          .map(Number)
          .sort((left, right) => left - right);
        const label = `${indicator.code} ${bounds.group}`;
        expect(bounds.count, label).toBe(values.length);
        if (values.length === 0) continue;
        compared += 1;
        expect(bounds.min, label).toBeCloseTo(values[0] as number, 9);
        expect(bounds.max, label).toBeCloseTo(values[values.length - 1] as number, 9);
        // the median where the missing-value score reads it (a value is missing somewhere), none where it does not
        const readsMedian = indicator.missing === 'median' && indicator.normalization.method !== 'percentile';
        if (readsMedian && rows.some((row) => row.raw_values[index] === null)) {
          expect(bounds.median, label).toBeCloseTo(quantile(values, 0.5), 9);
          medians.add(indicator.code);
        } else {
          expect(bounds.median, label).toBeNull();
          if (readsMedian) unread.add(indicator.code);
        }
        expect(bounds.lo, label).toBeCloseTo(quantile(values, low), 9);
        expect(bounds.hi, label).toBeCloseTo(quantile(values, high), 9);
        winsorKinds.add(`${low > 0 ? 'cut' : 'min'}-${high < 1 ? 'cut' : 'max'}`);
      }
    });
    expect(compared).toBeGreaterThan(20);
    // both kinds occur: the fill rate is missing where nothing was limited; most indicators have every value
    expect(medians.size).toBeGreaterThan(0);
    expect(unread.size).toBeGreaterThan(5);
    // the default scheme winsorises at both ends, at the top only, and not at all
    expect([...winsorKinds].sort()).toEqual(['cut-cut', 'min-cut', 'min-max']);
  });

  it('classes by percentile and score with the second preset, ranking ties alike', async () => {
    const run = await evaluate(db, { period: '2026Q3', scheme: CORE_GENERAL_PROBLEM_SCHEME });
    const rows = await db.all<{ composite_score: number; rank: number; class_by_score: string; service_class: string; credit_grade: string }>(
      'SELECT composite_score, rank, class_by_score, service_class, credit_grade FROM run_results WHERE run_id = $1',
      [run.runId],
    );
    const scores = rows.map((row) => Number(row.composite_score));
    const below = (value: number): number => scores.filter((other) => other < value).length;
    const counts = new Map<string, number>();
    for (const row of rows) {
      const score = Number(row.composite_score);
      // rank: 1 + customers scoring higher; percent rank: share of the others scoring lower
      expect(Number(row.rank)).toBe(1 + scores.filter((other) => other > score).length);
      const percentile = below(score) / (rows.length - 1);
      const byScore = percentile >= 0.8 ? 'core' : score >= 40 ? 'general' : 'problem';
      expect(row.class_by_score).toBe(byScore);
      const gated = percentile >= 0.8 && ['AAA', 'AA'].includes(row.credit_grade) ? 'core' : score >= 40 ? 'general' : 'problem';
      expect(row.service_class).toBe(gated);
      counts.set(gated, (counts.get(gated) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['core', 'general', 'problem']);
  });

  it('scores in SQL exactly as the core rule does, from the frozen bounds', async () => {
    const found = await explainCustomer(db, 'C0017', runId);
    for (const indicator of found.indicators) {
      if (indicator.normalization.method === 'percentile' || indicator.raw === null || indicator.bounds === undefined) continue;
      const expected = scoreValue(indicator.normalization, indicator.direction, indicator.raw, indicator.bounds);
      expect(indicator.score, indicator.code).toBeCloseTo(expected as number, 5);
    }
  });

  it('explains a class from the run alone: contributions add up to the composite', async () => {
    const found = await explainCustomer(db, 'C0023', runId);
    const total = found.indicators.reduce((sum, indicator) => sum + indicator.contribution, 0);
    expect(total).toBeCloseTo(found.compositeScore, 3);
    const current = found.dimensions.filter((dimension) => dimension.side === 'current').reduce((sum, dimension) => sum + dimension.weight * dimension.score, 0);
    expect(current).toBeCloseTo(found.currentValue, 3);
    const high = found.currentValue >= found.thresholds.current;
    expect(['value', 'sub_value'].includes(found.valueCell)).toBe(high);
    expect(found.strategy.commonItems.length).toBeGreaterThan(0);
  });

  it('computes user-defined indicators from the measures', async () => {
    const scheme = withContributionIndicator('profit_per_order_own', { 'zh-CN': '单次订货毛利', en: 'profit per order' }, 'gross_profit / order_count', 0.2);
    const run = await evaluate(db, { period: '2026Q3', scheme });
    const found = await explainCustomer(db, 'C0005', run.runId);
    const custom = found.indicators.find((indicator) => indicator.code === 'profit_per_order_own');
    const gross = found.indicators.find((indicator) => indicator.code === 'gross_profit');
    const orders = await db.all<{ n: number }>(
      "SELECT count(DISTINCT order_id) AS n FROM order_lines WHERE customer_id = 'C0005' AND order_date BETWEEN DATE '2026-07-02' AND DATE '2026-09-30'",
    );
    const expected = evaluateFormula(parseFormula('gross_profit / order_count', MEASURE_CODES), { gross_profit: gross!.raw, order_count: orders[0]!.n });
    expect(custom?.raw).toBeCloseTo(expected as number, 4);
  });

  it('refuses an indicator whose raw values a run cannot store, naming it and its value, and stores nothing', async () => {
    const scheme = withContributionIndicator('amount_fourth', { 'zh-CN': '金额四次方', en: 'amount to the fourth' }, 'amount * amount * amount * amount', 0.1);
    const runsBefore = await db.all('SELECT run_id FROM runs ORDER BY run_id');
    const rowsBefore = await db.all<{ n: number }>('SELECT count(*) AS n FROM run_results');
    const failure = await evaluate(db, { period: '2026Q3', scheme }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(IssuesError);
    const [found] = (failure as IssuesError).issues;
    expect(found?.code).toBe('evaluation.value_out_of_range');
    expect(found?.params?.indicator).toBe('amount_fourth');
    expect(Math.abs(Number(found?.params?.value))).toBeGreaterThanOrEqual(1e12);
    expect(formatIssue(found!, 'zh-CN')).toContain('amount_fourth');
    expect(await db.all('SELECT run_id FROM runs ORDER BY run_id')).toEqual(runsBefore);
    expect(await db.all('SELECT count(*) AS n FROM run_results')).toEqual(rowsBefore);
  });

  it('flags the customer that stopped ordering with a low ordering rate', async () => {
    const found = await explainCustomer(db, 'C0007', runId);
    const orderRate = found.indicators.find((indicator) => indicator.code === 'order_rate');
    // The window holds 13 weekly cycles (2026-07-02 … 2026-09-30); its orders fall on 2026-04-01 + 7w and
    // stop after w = 18, so only w = 14…18 fall in the window: 5 cycles with an order.
    expect(orderRate?.raw).toBeCloseTo(5 / 13, 5);
    expect(orderRate?.score).toBe(30);
  });
});

describe('evaluation commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rv-eval-'));
  const file = join(dir, 'company.duckdb');

  beforeAll(async () => {
    const fileDb = await openDatabase(file);
    await seedSmallCompany(fileDb);
    await fileDb.close();
  });

  it('evaluate --json, results --json and explain', async () => {
    const run = parseJson<{ runId: string; customers: number; resultFingerprint: string }>(await cli('evaluate', '--db', file, '--period', '2026Q3', '--json'));
    expect(run).toMatchObject({ runId: '2026Q3-001', customers: 60 });
    expect(run.resultFingerprint).toMatch(/^[0-9a-f]{32}$/);
    const results = parseJson<{ customers: number; valueCells: Record<string, number>; serviceClasses: Record<string, number> }>(await cli('results', '--db', file, '--json'));
    expect(results.customers).toBe(60);
    expect(Object.keys(results.valueCells)).toEqual(['value', 'sub_value', 'potential_value', 'low_value']);
    expect(Object.keys(results.serviceClasses)).toEqual(['core', 'important', 'regular']);
    const text = await cli('results', '--db', file);
    expect(text.stdout).toContain('东城区');
    expect(text.stdout).toContain('价值客户');
    const explained = await cli('explain', '--db', file, '--customer', 'C0003');
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('服务类别');
    expect(explained.stdout).toContain('订货率');
    const english = await cli('--lang', 'en', 'explain', '--db', file, '--customer', 'C0003');
    expect(english.stdout).toContain('service class');
    const missing = await cli('explain', '--db', file, '--customer', 'NOPE');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOPE');
  });

  it('exports CSV with a BOM and English headers, and XLSX with a summary sheet', async () => {
    const csv = join(dir, 'out.csv');
    expect((await cli('export', '--db', file, '--format', 'csv', '--headers', 'en', '--out', csv)).code).toBe(0);
    const content = readFileSync(csv, 'utf8');
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const header = content.slice(1).split('\n')[0]!.split(',');
    for (const column of ['customer_id', 'name', 'manager_id', 'district', 'market', 'format', 'current_value', 'potential_value', 'composite_score', 'rank', 'value_cell', 'service_class']) {
      expect(header).toContain(column);
    }
    const lines = content.trim().split('\n');
    expect(lines).toHaveLength(61);
    expect(lines[1]).toMatch(/,(value|sub_value|potential_value|low_value),/);
    const xlsx = join(dir, 'out.xlsx');
    expect((await cli('export', '--db', file, '--out', xlsx)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['评价结果', '汇总']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(61);
    expect(sheet.getRow(1).getCell(1).value).toBe('客户编码');
    // The rows are the stored results in rank order, with codes written as their Chinese names.
    const zhCsv = join(dir, 'out-zh.csv');
    expect((await cli('export', '--db', file, '--format', 'csv', '--out', zhCsv)).code).toBe(0);
    const [zhHeader, ...zhRows] = parse(readFileSync(zhCsv, 'utf8').slice(1)) as string[][];
    const englishRows = (parse(content.slice(1)) as string[][]).slice(1);
    const fileDb = await openDatabase(file);
    const stored = await fileDb.all<{ customer_id: string; rank: number; composite_score: number; value_cell: string }>(
      `SELECT customer_id, rank, composite_score, value_cell FROM run_results WHERE run_id = (SELECT max(run_id) FROM runs) ORDER BY rank, customer_id`,
    );
    await fileDb.close();
    expect(stored).toHaveLength(60);
    const column = (name: string): number => header.indexOf(name);
    expect(englishRows.map((row) => row[column('customer_id')])).toEqual(stored.map((row) => row.customer_id));
    expect(englishRows.map((row) => Number(row[column('composite_score')]))).toEqual(stored.map((row) => row.composite_score));
    expect(englishRows.map((row) => row[column('value_cell')])).toEqual(stored.map((row) => row.value_cell));
    const cellNames: Record<string, string> = { value: '价值客户', sub_value: '次价值客户', potential_value: '潜在价值客户', low_value: '低价值客户' };
    expect(zhRows.map((row) => row[(zhHeader as string[]).indexOf('价值类别')])).toEqual(stored.map((row) => cellNames[row.value_cell]));
    expect(zhRows.map((row) => row[(zhHeader as string[]).indexOf('排名')])).toEqual(stored.map((row) => String(row.rank)));
    // The workbook holds the same rows; its summary counts them as the results command does.
    expect(sheet.getColumn(1).values.slice(2)).toEqual(stored.map((row) => row.customer_id));
    const summary = parseJson<{ valueCells: Record<string, number> }>(await cli('results', '--db', file, '--json'));
    const summarySheet = Object.fromEntries(workbook.worksheets[1]!.getSheetValues().slice(1).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    for (const [cell, n] of Object.entries(summary.valueCells)) expect(summarySheet[cellNames[cell]!]).toBe(n);
    expect(summarySheet['客户数']).toBe(60);
    const bad = await cli('export', '--db', file, '--format', 'pdf', '--out', join(dir, 'x.pdf'));
    expect(bad.code).not.toBe(0);
  });

  it('rejects an inconsistent scheme file without writing a run', async () => {
    const scheme = JSON.parse(JSON.stringify(DEFAULT_SCHEME)) as SchemeInput;
    scheme.weights.sets['rural']!.sides = { method: 'ahp', order: ['current', 'potential'], matrices: [[[1, 2], [2, 1]]] };
    const path = join(dir, 'bad-scheme.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(path, JSON.stringify(scheme)));
    const before = parseJson<unknown[]>(await cli('scheme', 'list', '--db', file, '--json')).length;
    const result = await cli('evaluate', '--db', file, '--period', '2026Q3', '--scheme', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('weights.sets.rural.sides');
    expect(parseJson<unknown[]>(await cli('scheme', 'list', '--db', file, '--json')).length).toBe(before);
  });
});
