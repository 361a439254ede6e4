import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';

/** Excel day 25569 is 1970-01-01 (1900 date system). */
const UNIX_EPOCH_SERIAL = 25569;
/**
 * Plain numbers in a date column count as Excel day serials only between
 * 1960-01-01 and 2099-12-31, so that a year (2024) or a compact date
 * (20240105) typed as a number is not taken for a day.
 */
const SERIAL_RANGE = [21916, 73051] as const;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function serialToIsoDay(serial: number): string {
  return isoDay(new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * 86_400_000)));
}

/** The text a cell shows, as the CSV reader will see it. Dates become YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue, dateColumn: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number') {
    if (dateColumn && value >= SERIAL_RANGE[0] && value < SERIAL_RANGE[1]) return serialToIsoDay(value);
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue, dateColumn);
  if ('error' in value) return String(value.error);
  return '';
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface XlsxConversion {
  /** Row 1 of the first worksheet; empty when that row is absent. */
  readonly headers: readonly string[];
}

/**
 * Streams the first worksheet of an .xlsx file into a UTF-8 CSV for the same
 * DuckDB path as CSV files. The CSV's first column carries each row's number
 * in the sheet, so issues name the row the user sees even where the sheet
 * has empty rows. Row 1 is the header; `dateColumns` says, from the header,
 * which columns hold dates (their plain numbers are Excel day serials).
 */
export async function xlsxToCsv(
  source: string,
  target: string,
  dateColumns: (headers: readonly string[]) => ReadonlySet<number>,
): Promise<XlsxConversion> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const out = createWriteStream(target);
  let headers: string[] = [];
  let dates: ReadonlySet<number> = new Set();
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (row.number === 1) {
          headers = [];
          for (let column = 1; column <= row.cellCount; column += 1) headers.push(cellText(row.getCell(column).value, false).trim());
          dates = dateColumns(headers);
          out.write(`row,${headers.map(csvField).join(',')}\n`);
          continue;
        }
        if (headers.length === 0) break;
        const fields = headers.map((_, index) => cellText(row.getCell(index + 1).value, dates.has(index)));
        if (fields.every((field) => field.trim() === '')) continue;
        if (!out.write(`${row.number},${fields.map(csvField).join(',')}\n`)) await once(out, 'drain');
      }
      break;
    }
  } finally {
    out.end();
    await finished(out);
  }
  return { headers };
}
