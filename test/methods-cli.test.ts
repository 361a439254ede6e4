import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, parseJson } from './cli-harness.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/methods/${name}`, import.meta.url));

function expectClose(actual: readonly number[], expected: readonly number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, index) => expect(actual[index], `element ${index}`).toBeCloseTo(value, digits));
}

interface WeightsJson {
  criteria: string[];
  weights: number[];
  lambdaMax?: number;
  ci?: number;
  cr?: number;
  consistent?: boolean;
}

interface RankJson {
  alternatives: string[];
  scores: number[];
  ranks: number[];
}

describe('retail-value weights ahp', () => {
  it("prints Saaty's house example, says in zh-CN that CR ≥ 0.1 and exits 1", async () => {
    // Saaty (1990), EJOR 48, 9–26: priorities .173 .054 .188 .018 .031 .036 .167 .333, CR = 0.169.
    const result = await cli('weights', 'ahp', fixture('house-criteria.csv'), '--json');
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as WeightsJson;
    expect(output.criteria).toEqual(['size', 'transportation', 'neighbourhood', 'age', 'yard', 'facilities', 'condition', 'financing']);
    expectClose(output.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], 3);
    expect(output.lambdaMax).toBeCloseTo(9.669, 3);
    expect(output.ci).toBeCloseTo(0.238, 3);
    expect(output.cr).toBeCloseTo(0.169, 3);
    expect(output.consistent).toBe(false);
    expect(result.stderr).toBe('一致性比率 CR = 0.1691，不小于 0.1，判断矩阵未通过一致性检验，请调整两两比较的判断值\n');
  });

  it('says it in English with --lang en, after the readable table', async () => {
    const result = await cli('--lang', 'en', 'weights', 'ahp', fixture('house-criteria.csv'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('criterion       weight');
    expect(result.stdout).toMatch(/financing\s+0\.3332/);
    expect(result.stdout).toContain('λmax = 9.6689, CI = 0.2384, CR = 0.1691');
    expect(result.stderr).toContain('consistency ratio CR = 0.1691 is not below 0.1');
  });

  it('combines two experts by geometric mean', async () => {
    // Element-wise geometric mean of the two files: a12 = √(3·1/3) = 1, a13 = 5,
    // a23 = √(2·4) = 2√2; its principal eigenvector and λmax recomputed with python3:
    // w = (0.483357, 0.399754, 0.116889), λmax = 3.036173, CR = 0.018086/0.58 = 0.031183.
    const output = parseJson<WeightsJson>(await cli('weights', 'ahp', fixture('expert-a.csv'), fixture('expert-b.csv'), '--json'));
    expect(output.criteria).toEqual(['销量', '毛利', '信用']);
    expectClose(output.weights, [0.483357, 0.399754, 0.116889], 6);
    expect(output.lambdaMax).toBeCloseTo(3.036173, 6);
    expect(output.cr).toBeCloseTo(0.031183, 6);
    expect(output.consistent).toBe(true);

    const table = await cli('weights', 'ahp', fixture('expert-a.csv'), fixture('expert-b.csv'));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('共 2 位专家，按几何平均合成');
    expect(table.stdout).toContain('通过一致性检验（CR < 0.1）');
  });

  it('refuses experts who compare different criteria or a different order', async () => {
    const result = await cli('weights', 'ahp', fixture('expert-a.csv'), fixture('expert-reordered.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expert-reordered.csv，第 1 行，列“毛利”：各专家判断矩阵的指标必须相同且顺序一致：此处应为“销量”');
  });

  it('names the row and column of a judgment that is not reciprocal, in zh-CN and in English', async () => {
    const zh = await cli('weights', 'ahp', fixture('matrix-bad.csv'));
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('matrix-bad.csv，第 4 行，列“毛利”，值“0.3”：判断值与对称位置（第 3 行，列“信用”）的值 2 不互为倒数；请写成分数，例如 1/3');
    const en = await cli('weights', 'ahp', fixture('matrix-bad.csv'), '--lang', 'en');
    expect(en.stderr).toContain(
      'matrix-bad.csv, row 4, column "毛利", value "0.3": this judgment and the one in the mirrored cell (row 3, column "信用") with value 2 are not reciprocal',
    );
  });
});

describe('retail-value weights entropy and critic', () => {
  it('reads a GBK file and reproduces the entropy weights of Zavadskas & Podvezko (2016)', async () => {
    // Published weights 0.1146, 0.1981, 0.4185, 0.2689 (IJITDM 15(2), 267–283).
    const output = parseJson<WeightsJson>(await cli('weights', 'entropy', fixture('retailers-gbk.csv'), '--json'));
    expect(output.criteria).toEqual(['销量', '毛利', '订货率', '拜访次数']);
    expectClose(output.weights, [0.1146, 0.1981, 0.4185, 0.2689], 4);
  });

  it('reads the same table as UTF-8 with a BOM', async () => {
    const gbk = parseJson<WeightsJson>(await cli('weights', 'entropy', fixture('retailers-gbk.csv'), '--json'));
    const bom = parseJson<WeightsJson>(await cli('weights', 'entropy', fixture('retailers-bom.csv'), '--json'));
    expect(bom).toEqual(gbk);
  });

  it('reproduces the CRITIC weights of Diakoulaki et al. (1995)', async () => {
    const output = parseJson<WeightsJson>(await cli('weights', 'critic', fixture('diakoulaki.csv'), '--json'));
    expect(output.criteria).toEqual(['c1', 'c2', 'c3']);
    expectClose(output.weights, [0.20222554, 0.48090173, 0.31687273], 8);
    const table = await cli('weights', 'critic', fixture('diakoulaki.csv'), '--types', '+,+,+');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/指标\s+权重/);
    expect(table.stdout).toMatch(/c2\s+0\.4809/);
  });

  it('rejects a criterion type other than + or -', async () => {
    const result = await cli('weights', 'critic', fixture('diakoulaki.csv'), '--types', '+,x,+', '--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('value "x": criterion type 2 must be + (benefit, higher is better) or - (cost, lower is better)');
  });
});

describe('retail-value rank', () => {
  const aircraftArgs = ['--weights', '0.2,0.1,0.1,0.1,0.2,0.3', '--types', '+,+,+,-,+,+'];

  it('reproduces the Hwang & Yoon (1981) TOPSIS aircraft example', async () => {
    // Published C* = 0.643, 0.268, 0.613, 0.312 (to the book's rounding); A1 ≻ A3 ≻ A4 ≻ A2.
    const output = parseJson<RankJson>(await cli('rank', 'topsis', fixture('aircraft.csv'), ...aircraftArgs, '--json'));
    expect(output.alternatives).toEqual(['A1', 'A2', 'A3', 'A4']);
    expectClose(output.scores, [0.643277, 0.268384, 0.613542, 0.312291], 6);
    expect(output.ranks).toEqual([1, 4, 2, 3]);
  });

  it('prints a readable table sorted by rank', async () => {
    const result = await cli('rank', 'topsis', fixture('aircraft.csv'), ...aircraftArgs);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/排名\s+备选对象\s+得分/);
    expect(lines.slice(2).map((line) => line.trim().split(/\s+/))).toEqual([
      ['1', 'A1', '0.6433'],
      ['2', 'A3', '0.6135'],
      ['3', 'A4', '0.3123'],
      ['4', 'A2', '0.2684'],
    ]);
  });

  it('ranks by grey relational analysis and by weighted sum', async () => {
    // Values recomputed independently with python3 (see grey-relational.test.ts and weighted-sum.test.ts).
    const gra = parseJson<RankJson>(await cli('rank', 'gra', fixture('aircraft.csv'), ...aircraftArgs, '--json'));
    expectClose(gra.scores, [0.625686, 0.533333, 0.662821, 0.474359], 6);
    expect(gra.ranks).toEqual([2, 3, 1, 4]);
    const graRho = parseJson<RankJson>(await cli('rank', 'gra', fixture('aircraft.csv'), ...aircraftArgs, '--rho', '1', '--json'));
    expectClose(graRho.scores, [0.741667, 0.65, 0.763158, 0.635476], 6);
    const wsm = parseJson<RankJson>(await cli('rank', 'wsm', fixture('aircraft.csv'), ...aircraftArgs, '--json'));
    expectClose(wsm.scores, [0.57381, 0.3, 0.591667, 0.380952], 6);
    const wsmVector = parseJson<RankJson>(await cli('rank', 'wsm', fixture('aircraft.csv'), ...aircraftArgs, '--normalization', 'vector', '--json'));
    expectClose(wsmVector.scores, [0.527388, 0.437836, 0.535763, 0.45922], 6);
  });

  it('names file, row, column and value of bad cells and ragged rows, in zh-CN and in English', async () => {
    const zh = await cli('rank', 'topsis', fixture('bad-data.csv'), '--weights', '1,1', '--types', '+,+');
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('');
    const zhLines = zh.stderr.trim().split('\n');
    expect(zhLines).toHaveLength(2);
    expect(zhLines[0]).toMatch(/bad-data\.csv，第 3 行，列“销量”，值“abc”：不是数$/);
    expect(zhLines[1]).toMatch(/bad-data\.csv，第 4 行：此行有 2 列，标题行有 3 列$/);
    const en = await cli('rank', 'topsis', fixture('bad-data.csv'), '--weights', '1,1', '--types', '+,+', '--lang', 'en');
    expect(en.stderr).toContain('bad-data.csv, row 3, column "销量", value "abc": not a number');
    expect(en.stderr).toContain('bad-data.csv, row 4: this row has 2 columns, the header row has 3');
  });

  it('reports weights that are not numbers or do not match the criteria', async () => {
    const notNumber = await cli('rank', 'wsm', fixture('aircraft.csv'), '--weights', '0.2,x', '--types', '+,+,+,-,+,+');
    expect(notNumber.code).toBe(1);
    expect(notNumber.stderr).toBe('选项 --weights 中的“x”不是数\n');
    const wrongCount = await cli('rank', 'wsm', fixture('aircraft.csv'), '--weights', '1,2', '--types', '+,+,+,-,+,+', '--lang', 'en');
    expect(wrongCount.stderr).toBe('2 weights given for 6 criteria\n');
    const badNormalization = await cli('rank', 'topsis', fixture('aircraft.csv'), ...aircraftArgs, '--normalization', 'z');
    expect(badNormalization.stderr).toBe('值“z”：无法识别的规范化方法，应为 vector 或 minmax\n');
  });

  it('describes every command and option in --help', async () => {
    const help = await cli('rank', 'topsis', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--normalization <method>');
    expect(help.stdout).toContain('vector (default) or minmax');
    const weightsHelp = await cli('weights', '--help');
    expect(weightsHelp.stdout).toContain('ahp');
    expect(weightsHelp.stdout).toContain('critic');
  });
});
