import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { columnLetters, EXCEL_MAX_ROWS, XlsxStreamWriter } from './xlsx-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'rv-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('columnLetters', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('XlsxStreamWriter', () => {
  it('writes text, numbers and yes/no that a spreadsheet reads back as written, with a bold frozen header', async () => {
    const file = join(dir, 'values.xlsx');
    const writer = new XlsxStreamWriter(createWriteStream(file));
    await writer.startSheet('结果 & <比较>', [
      { header: '客户编码', width: 14 },
      { header: 'value', width: 12 },
      { header: 'flag', width: 8 },
    ]);
    await writer.addRows([
      ['C001 <&> "quoted"', 82.824122, true],
      ['  leading and trailing  ', -3e-7, false],
      ['line one\nline two', 1234567890123, null],
      ['bell\u0007 and \uFFFE gone, 😀 kept, lone \uD800 dropped', Number.NaN, undefined],
      ['', Number.POSITIVE_INFINITY, null],
    ]);
    expect(writer.rowCount).toBe(6);
    await writer.startSheet('second', [{ header: 'n', width: 6 }]);
    await writer.addRowXml('<row r="2"><c r="A2"><v>7</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>已生成</t></is></c></row>', 2);
    await writer.finish();

    const workbook = await readBack(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['结果 & <比较>', 'second']);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).values).toEqual([undefined, '客户编码', 'value', 'flag']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).not.toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(14);
    expect(sheet.getRow(2).values).toEqual([undefined, 'C001 <&> "quoted"', 82.824122, true]);
    expect(sheet.getRow(3).values).toEqual([undefined, '  leading and trailing  ', -3e-7, false]);
    expect(sheet.getCell('A4').value).toBe('line one\nline two');
    expect(sheet.getCell('B4').value).toBe(1234567890123);
    expect(sheet.getCell('C4').value).toBeNull();
    expect(sheet.getCell('A5').value).toBe('bell and  gone, 😀 kept, lone  dropped');
    // Empty text and numbers that are not finite leave the cell empty.
    expect(sheet.getCell('B5').value).toBeNull();
    expect(sheet.getCell('A6').value).toBeNull();
    expect(sheet.getCell('B6').value).toBeNull();
    const second = workbook.worksheets[1] as ExcelJS.Worksheet;
    expect(second.getSheetValues().slice(1)).toEqual([[undefined, 'n'], [undefined, 7], [undefined, '已生成']]);
  });

  it('refuses more rows than a worksheet holds', async () => {
    const file = join(dir, 'full.xlsx');
    const writer = new XlsxStreamWriter(createWriteStream(file));
    await writer.startSheet('full', [{ header: 'n', width: 6 }]);
    await writer.addRowXml('', EXCEL_MAX_ROWS - 1);
    await expect(writer.addRows([[1]])).rejects.toThrow(`at most ${EXCEL_MAX_ROWS} rows`);
    await writer.finish();
  });

  it('stops with an error when the output closes before the workbook is complete (a client that went away)', async () => {
    const out = new PassThrough(); // nobody reads it: the archive backs up until the output is closed
    const writer = new XlsxStreamWriter(out);
    await writer.startSheet('rows', [{ header: 'text', width: 40 }]);
    const rows = Array.from({ length: 2000 }, (_, index) => [`row ${index} ${'x'.repeat(200)}`]);
    setTimeout(() => out.destroy(), 50);
    const writing = (async () => {
      for (let round = 0; round < 1000; round += 1) await writer.addRows(rows);
    })();
    await expect(writing).rejects.toThrow('closed before the file was complete');
  });

  it('writes a readable empty workbook when no sheet was started', async () => {
    const file = join(dir, 'empty.xlsx');
    const writer = new XlsxStreamWriter(createWriteStream(file));
    await writer.finish();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect((await readBack(file)).worksheets).toHaveLength(1);
  });
});
