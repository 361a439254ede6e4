import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, parseJson } from '../cli-harness.js';
import { cdnowSummary } from './cdnow-sample.js';

const CDNOW = fileURLToPath(new URL('../fixtures/cdnow/cdnow-sample-transactions.csv', import.meta.url));
const SETUP = ['--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30'];

interface FitJson {
  model: string;
  params: Record<string, number>;
  logLikelihood: number;
  customers: number;
  validation?: {
    byFrequency: { frequency: number; orMore: boolean; customers: number; actual: number; predicted: number }[];
    actualTotal: number;
    predictedTotal: number;
    meanAbsoluteError: number;
    totalPercentError: number;
    customers: number;
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clv-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('retail-value clv fit', () => {
  it('fits BG/NBD on the CDNOW CSV and reports the holdout validation as JSON', async () => {
    const result = parseJson<FitJson>(await cli('clv', 'fit', CDNOW, '--model', 'bg-nbd', ...SETUP, '--json'));
    expect(result.model).toBe('bg-nbd');
    expect(Object.keys(result.params)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(result.params.r).toBeCloseTo(0.243, 3);
    expect(result.params.alpha).toBeCloseTo(4.414, 2);
    expect(result.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(result.customers).toBe(2357);
    const validation = result.validation!;
    expect(validation.customers).toBe(2357);
    expect(validation.byFrequency.map((bucket) => bucket.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(validation.byFrequency.at(-1)!.orMore).toBe(true);
    expect(validation.byFrequency.reduce((sum, bucket) => sum + bucket.customers, 0)).toBe(2357);
    const bucketTotal = validation.byFrequency.reduce((sum, bucket) => sum + bucket.actual * bucket.customers, 0);
    expect(bucketTotal).toBeCloseTo(validation.actualTotal, 6);
    expect(validation.totalPercentError).toBeCloseTo(((validation.predictedTotal - validation.actualTotal) / validation.actualTotal) * 100, 10);
  });

  it('names the Pareto/NBD and Gamma-Gamma parameters as documented', async () => {
    const pareto = parseJson<FitJson>(await cli('clv', 'fit', CDNOW, '--model', 'pareto-nbd', '--calibration-end', '19970930', '--json'));
    expect(Object.keys(pareto.params)).toEqual(['r', 'alpha', 's', 'beta']);
    expect(pareto.params.beta).toBeCloseTo(11.669, 1);
    expect(pareto.validation).toBeUndefined();
    const spend = parseJson<FitJson>(await cli('clv', 'fit', CDNOW, '--model', 'gamma-gamma', ...SETUP, '--json'));
    expect(Object.keys(spend.params)).toEqual(['p', 'q', 'gamma']);
    expect(spend.customers).toBe(946);
    expect(spend.params.p).toBeCloseTo(6.25, 1);
    expect(spend.validation!.customers).toBeGreaterThan(0);
  });

  it('measures time in days with --time-unit day: α scales by 7, r, a, b stay, LL shifts by −Σx log 7', async () => {
    const week = parseJson<FitJson>(await cli('clv', 'fit', CDNOW, '--model', 'bg-nbd', '--calibration-end', '1997-09-30', '--json'));
    const day = parseJson<FitJson>(await cli('clv', 'fit', CDNOW, '--model', 'bg-nbd', '--calibration-end', '1997-09-30', '--time-unit', 'day', '--json'));
    expect(day.params.alpha! / week.params.alpha!).toBeCloseTo(7, 3);
    for (const name of ['r', 'a', 'b']) expect(day.params[name]! / week.params[name]!).toBeCloseTo(1, 4);
    // The rate λ per day is λ per week / 7, so each of the Σx = 2,457 calibration repeat purchases adds −log 7.
    const repeatPurchases = cdnowSummary().reduce((sum, customer) => sum + customer.x, 0);
    expect(day.logLikelihood - week.logLikelihood).toBeCloseTo(-repeatPurchases * Math.log(7), 3);
  });

  it('prints the validation table by calibration frequency in the chosen language', async () => {
    const english = await cli('--lang', 'en', 'clv', 'fit', CDNOW, '--model', 'bg-nbd', ...SETUP);
    expect(english.code).toBe(0);
    expect(english.stdout).toContain('customers: 2357');
    expect(english.stdout).toContain('repeat purchases in calibration');
    expect(english.stdout).toMatch(/^\s+7\+\s+64\s/m);
    const chinese = await cli('clv', 'fit', CDNOW, '--model', 'bg-nbd', ...SETUP);
    expect(chinese.stdout).toContain('客户数：2357');
    expect(chinese.stdout).toContain('校准期重复购买次数');
  });

  it('writes per-customer predictions with the spend model fitted alongside', async () => {
    const output = join(dir, 'predictions.csv');
    const result = parseJson<FitJson & { spendModel: { customers: number }; predictions: { customers: number } }>(
      await cli('clv', 'fit', CDNOW, '--model', 'bg-nbd', '--calibration-end', '1997-09-30', '--predictions', output, '--horizon', '52', '--discount-rate', '0.1', '--json'),
    );
    expect(result.spendModel.customers).toBe(946);
    expect(result.predictions.customers).toBe(2357);
    const lines = (await readFile(output, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('customer_id,x,t_x,T,p_alive,expected_transactions,expected_spend,clv');
    expect(lines).toHaveLength(2358);
    const [id, x, , , pAlive, expected, spend, clv] = lines[1]!.split(',');
    expect(id).toBe('00004');
    expect(Number(x)).toBe(2);
    expect(Number(pAlive)).toBeGreaterThan(0);
    expect(Number(pAlive)).toBeLessThanOrEqual(1);
    // A year's expected purchases, discounted at 10 % a year, cost a bit less than undiscounted.
    expect(Number(clv)).toBeLessThan(Number(expected) * Number(spend));
    expect(Number(clv)).toBeGreaterThan(0.9 * Number(expected) * Number(spend));
  });

  it('reports every bad row with file, row, column and value, and fails', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(file, '\uFEFFcustomer_id,date,amount\nA,2024-01-05,10\nB,2024-02-30,5\n,20240107,abc\nC,20240108,-3\n', 'utf8');
    const result = await cli('--lang', 'en', 'clv', 'fit', file, '--model', 'bg-nbd', '--calibration-end', '2024-01-31');
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`file ${file}, row 3, column "date", value "2024-02-30": invalid date; write YYYY-MM-DD or YYYYMMDD`);
    expect(lines[1]).toContain('row 4, column "customer_id"');
    expect(lines[2]).toContain('row 4, column "amount", value "abc"');
    expect(lines[3]).toContain('row 5, column "amount", value "-3"');
  });

  it('names a missing column in Chinese by default', async () => {
    const file = join(dir, 'columns.csv');
    await writeFile(file, 'customer_id,day,amount\nA,2024-01-05,10\n', 'utf8');
    const result = await cli('clv', 'fit', file, '--model', 'bg-nbd', '--calibration-end', '2024-01-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('缺少必需的列“date”');
  });

  it('rejects inconsistent options before reading the file', async () => {
    const result = await cli(
      '--lang', 'en', 'clv', 'fit', join(dir, 'missing.csv'), '--model', 'gamma-gamma', '--calibration-end', '1997-09-30', '--holdout-end', '1997-09-01',
      '--time-unit', 'month', '--predictions', join(dir, 'out.csv'), '--discount-rate', '-1',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the holdout end 1997-09-01 must be after the calibration end 1997-09-30');
    expect(result.stderr).toContain('value "month": the time unit must be week or day');
    expect(result.stderr).toContain('value "-1": the annual discount rate');
    expect(result.stderr).toContain('needs a horizon');
    expect(result.stderr).toContain('needs a purchase-count model');
  });

  it('rejects an unknown model', async () => {
    const result = await cli('--lang', 'en', 'clv', 'fit', CDNOW, '--model', 'rfm', '--calibration-end', '1997-09-30');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('value "rfm": the model must be bg-nbd, pareto-nbd or gamma-gamma');
  });

  it('explains a calibration end before any first purchase', async () => {
    const result = await cli('--lang', 'en', 'clv', 'fit', CDNOW, '--model', 'bg-nbd', '--calibration-end', '1990-01-01');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no customer made a first purchase by the calibration end 1990-01-01');
  });
});
