import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, IssuesError, type Issue } from '@retail-value/core';
import { decodeTableText, readNumericTable } from './read-numeric-table.js';

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'numeric-table-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
}

async function issuesOf(promise: Promise<unknown>): Promise<readonly Issue[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IssuesError) return error.issues;
    throw error;
  }
  throw new Error('expected IssuesError');
}

const table = '客户,销量,毛利\n张记,12,3.5\n李氏,-4,1e2\n';

describe('decodeTableText', () => {
  it('decodes UTF-8 (dropping a BOM) and falls back to GB18030 for GBK bytes', () => {
    expect(decodeTableText(new TextEncoder().encode('销量'))).toBe('销量');
    expect(decodeTableText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('销量')]))).toBe('销量');
    // "销量" in GBK
    expect(decodeTableText(new Uint8Array([0xcf, 0xfa, 0xc1, 0xbf]))).toBe('销量');
  });
});

describe('readNumericTable', () => {
  it('reads names, criteria, numbers and the file rows of a UTF-8 table', async () => {
    const path = await write('plain.csv', table);
    const result = await readNumericTable(path);
    expect(result).toMatchObject({
      file: path,
      headerRow: 1,
      nameHeader: '客户',
      names: ['张记', '李氏'],
      criteria: ['销量', '毛利'],
      values: [
        [12, 3.5],
        [-4, 100],
      ],
    });
    expect(result.source).toEqual({ file: path, rows: [2, 3], columns: ['销量', '毛利'] });
  });

  it('reads the same table with a BOM and in GBK', async () => {
    const bom = await readNumericTable(await write('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(table)])));
    expect(bom.nameHeader).toBe('客户');
    // 客户,销量\n张记,12 encoded in GBK
    const gbkBytes = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xcf, 0xfa, 0xc1, 0xbf, 0x0a, 0xd5, 0xc5, 0xbc, 0xc7, 0x2c, 0x31, 0x32, 0x0a]);
    const gbk = await readNumericTable(await write('gbk.csv', gbkBytes));
    expect(gbk).toMatchObject({ nameHeader: '客户', names: ['张记'], criteria: ['销量'], values: [[12]] });
  });

  it('counts rows as an editor does, blank lines included', async () => {
    const result = await readNumericTable(await write('blank-lines.csv', '\n客户,销量\n\n甲,1\n,\n乙,2\n'));
    expect(result.headerRow).toBe(2);
    expect(result.source.rows).toEqual([4, 6]);
  });

  it('reads pairwise judgments such as 1/3 on request', async () => {
    const result = await readNumericTable(await write('pairwise.csv', ',a,b\na,1,3\nb,1/3,1\n'), { cells: 'pairwise' });
    expect(result.values[1]?.[0]).toBeCloseTo(1 / 3, 15);
    const issues = await issuesOf(readNumericTable(await write('pairwise-bad.csv', ',a,b\na,1,3\nb,1/0,1\n'), { cells: 'pairwise' }));
    expect(issues.map((item) => [item.code, item.row, item.column, item.value])).toEqual([['methods.pairwise.invalid', 3, 'a', '1/0']]);
  });

  it('collects every cell problem with file, row, column and value', async () => {
    const path = await write('bad.csv', '客户,销量,毛利\n甲,abc,1\n乙,2\n甲,,0x10\n,1,2\n');
    const issues = await issuesOf(readNumericTable(path));
    expect(issues.map((item) => [item.code, item.row, item.column ?? null, item.value ?? null])).toEqual([
      ['methods.table.not_number', 2, '销量', 'abc'],
      ['methods.table.ragged', 3, null, null],
      ['methods.table.duplicate_name', 4, '客户', '甲'],
      ['methods.table.blank_cell', 4, '销量', null],
      ['methods.table.not_number', 4, '毛利', '0x10'],
      ['methods.table.name_blank', 5, '客户', null],
    ]);
    expect(formatIssue(issues[0]!, 'zh-CN')).toBe(`文件 ${path}，第 2 行，列“销量”，值“abc”：不是数`);
    expect(formatIssue(issues[1]!, 'en')).toBe(`file ${path}, row 3: this row has 2 columns, the header row has 3`);
  });

  it('reports empty files, missing rows and bad headers', async () => {
    expect((await issuesOf(readNumericTable(await write('empty.csv', '')))).map((item) => item.code)).toEqual(['methods.table.empty']);
    expect((await issuesOf(readNumericTable(await write('header-only.csv', 'a,b\n')))).map((item) => item.code)).toEqual(['methods.table.no_rows']);
    expect((await issuesOf(readNumericTable(await write('one-column.csv', 'a\nx\n')))).map((item) => item.code)).toEqual(['methods.table.no_criteria']);
    const header = await issuesOf(readNumericTable(await write('header.csv', 'n,a,,a\nx,1,2,3\n')));
    expect(header.map((item) => [item.code, item.column])).toEqual([
      ['methods.table.header_blank', '3'],
      ['methods.table.duplicate_criterion', 'a'],
    ]);
  });

  it('reports a missing file and a directory as issues', async () => {
    const missing = join(directory, 'missing.csv');
    expect(await issuesOf(readNumericTable(missing))).toEqual([{ code: 'methods.table.not_found', file: missing }]);
    expect((await issuesOf(readNumericTable(directory)))[0]).toMatchObject({ code: 'methods.table.unreadable', params: { reason: 'EISDIR' } });
  });

  it('reports malformed CSV instead of failing with a parser error', async () => {
    const issues = await issuesOf(readNumericTable(await write('quote.csv', 'n,a\nx,"1\ny,2\n')));
    expect(issues[0]?.code).toBe('methods.table.malformed');
  });
});
