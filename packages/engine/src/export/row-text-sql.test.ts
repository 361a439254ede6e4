import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Database } from '../db/database.js';
import { openDuckDb } from '../dialects/duckdb/duckdb-database.js';
import { rowTextQuery, SHEET_DATA_ROWS, type ExportCell } from './row-text-sql.js';
import { XlsxStreamWriter } from './xlsx-stream.js';

const CLASS_NAMES = new Map([
  ['core', "核心'; DROP TABLE t; --"],
  ['regular', '常规, "一般"'],
]);
const REASONS = new Map([
  ['missed_cycles', '连续未订货'],
  ['own_decline', '销量下降'],
]);
const cells: ExportCell[] = [
  { kind: 'text', sql: 'name' },
  { kind: 'number', sql: 'amount' },
  { kind: 'text', sql: 'class', labels: CLASS_NAMES },
  { kind: 'codes', sql: 'reasons', labels: REASONS, separator: '；' },
  { kind: 'number', sql: 'rank' },
];
// name, amount, class, reasons, rank, n (the position in the export)
const ROWS = [
  [`'甲 "Shop", Ltd'`, '82.824122', `'core'`, `'missed_cycles,own_decline'`, '1', '1'],
  [`'=HYPERLINK("x")'`, '100.0', `'regular'`, `''`, '2', '2'],
  [`'-5 & <b>'`, '-0.00003', `'unknown_class'`, `'own_decline,,new_reason'`, '3', '3'],
  [`'two' || chr(10) || 'lines' || chr(1)`, `'NaN'::DOUBLE`, 'NULL', 'NULL', 'NULL', '4'],
  [`'  spaced  '`, `'Infinity'::DOUBLE`, `'core'`, `''`, '5', `${SHEET_DATA_ROWS}`],
  [`'next sheet'`, '1e20', `'core'`, `''`, '6', `${SHEET_DATA_ROWS + 1}`],
];
const SOURCE = `SELECT name AS v0, amount AS v1, class AS v2, reasons AS v3, rank AS v4, n FROM fixture`;

let db: Database;
const dir = mkdtempSync(join(tmpdir(), 'rv-rowtext-'));
beforeAll(async () => {
  db = await openDuckDb(':memory:');
  await db.run(`CREATE TABLE fixture (name VARCHAR, amount DOUBLE, class VARCHAR, reasons VARCHAR, rank BIGINT, n BIGINT)`);
  await db.run(`INSERT INTO fixture VALUES ${ROWS.map((row) => `(${row.join(', ')})`).join(', ')}`);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function lines(format: 'csv' | 'xlsx', firstParam = 1, before: string[] = []): Promise<unknown[][]> {
  const query = rowTextQuery(format, cells, SOURCE.replace('FROM fixture', `FROM fixture WHERE ${before.length === 0 ? 'TRUE' : `name <> $1`}`), firstParam);
  const rows: unknown[][] = [];
  await db.eachArray(query.sql, [...before, ...query.params], (chunk) => void rows.push(...chunk));
  return rows;
}

describe('rowTextQuery', () => {
  it('makes CSV lines a CSV reader takes back: quoted, names for codes bound, formulas defused, numbers plain', async () => {
    const rows = await lines('csv');
    const text = rows.map((row) => row[0] as string).join('');
    expect(text.endsWith('\n')).toBe(true);
    expect(parse(text, { relax_column_count: false })).toEqual([
      ['甲 "Shop", Ltd', '82.824122', "核心'; DROP TABLE t; --", '连续未订货；销量下降', '1'],
      ["'=HYPERLINK(\"x\")", '100', '常规, "一般"', '', '2'],
      ["'-5 & <b>", '-3e-05', 'unknown_class', '销量下降；new_reason', '3'],
      ['two\nlines\u0001', '', '', '', ''],
      ['  spaced  ', '', "核心'; DROP TABLE t; --", '', '5'],
      ['next sheet', '1e+20', "核心'; DROP TABLE t; --", '', '6'],
    ]);
    // The fixture table is still there: the class name travelled as a bound value.
    expect(await db.all('SELECT count(*) AS n FROM fixture')).toEqual([{ n: 6 }]);
  });

  it('numbers its own parameters after the caller’s', async () => {
    const rows = await lines('csv', 2, ['next sheet']);
    expect(rows).toHaveLength(5);
  });

  it('makes worksheet rows that a spreadsheet reads back, numbered within their sheet', async () => {
    const rows = await lines('xlsx');
    expect(rows.map((row) => row[1])).toEqual([0, 0, 0, 0, 0, 1]);
    expect(rows[4]?.[0]).toMatch(new RegExp(`^<row r="${SHEET_DATA_ROWS + 1}"><c r="A${SHEET_DATA_ROWS + 1}" t="inlineStr">`));
    expect(rows[5]?.[0]).toMatch(/^<row r="2"><c r="A2" /);
    const file = join(dir, 'rows.xlsx');
    const writer = new XlsxStreamWriter(createWriteStream(file));
    await writer.startSheet('rows', ['name', 'amount', 'class', 'reasons', 'rank'].map((header) => ({ header, width: 10 })));
    await writer.addRowXml(rows.slice(0, 4).map((row) => row[0] as string).join(''), 4);
    await writer.finish();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getSheetValues().slice(2)).toEqual([
      [undefined, '甲 "Shop", Ltd', 82.824122, "核心'; DROP TABLE t; --", '连续未订货；销量下降', 1],
      // In a workbook text stays text: no apostrophe is needed against formulas.
      [undefined, '=HYPERLINK("x")', 100, '常规, "一般"', undefined, 2],
      [undefined, '-5 & <b>', -3e-5, 'unknown_class', '销量下降；new_reason', 3],
      // Control characters XML cannot carry are dropped; empty and non-finite values leave the cell empty.
      [undefined, 'two\nlines'],
    ]);
  });
});
