import { readFile } from 'node:fs/promises';
import { issue, IssuesError, parseDecimalNumber, parsePairwiseValue, type Issue, type TableSource } from '@retail-value/core';
import { parseCsvRecords } from './parse-csv-records.js';

/** A table of numbers with named rows and columns, read from a CSV file. */
export interface NumericTable {
  readonly file: string;
  /** File row of the header. */
  readonly headerRow: number;
  /** Header of the first column (often blank or "指标"). */
  readonly nameHeader: string;
  /** The first column of every data row: alternatives, or criteria of a comparison matrix. */
  readonly names: readonly string[];
  /** The header cells after the first: criterion names. */
  readonly criteria: readonly string[];
  /** values[i][j]: data row i, criterion j. */
  readonly values: readonly (readonly number[])[];
  /** Locates values[i][j] in the file, for issues found later by a method. */
  readonly source: TableSource;
}

export interface ReadNumericTableOptions {
  /** 'decimal' (default) accepts numbers like 12, -3.5, 1e3; 'pairwise' accepts AHP judgments like 3, 0.5, 1/3. */
  readonly cells?: 'decimal' | 'pairwise';
}

/**
 * Bytes to text: UTF-8 (a BOM is dropped) when the bytes are valid UTF-8,
 * else GB18030 — a superset of GBK and GB2312, what Excel on a Chinese
 * Windows writes when saving "CSV".
 */
export function decodeTableText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Reads a CSV of numbers: a header row (first cell free, then criterion
 * names) and data rows (a name, then one number per criterion). Every
 * problem — empty file, blank or duplicate names, ragged rows, cells that
 * are not numbers — is collected and thrown as one IssuesError naming file,
 * row (as an editor counts lines), column and value.
 */
export async function readNumericTable(file: string, options: ReadNumericTableOptions = {}): Promise<NumericTable> {
  const records = parseCsvRecords(decodeTableText(await readBytes(file)), file, 'methods.table.malformed', true);
  const [header, ...body] = records;
  if (header === undefined) throw new IssuesError([issue('methods.table.empty', { file })]);
  const [nameHeader = '', ...criteria] = header.record;
  const headerRow = header.info.lines;
  const issues: Issue[] = [];
  if (criteria.length === 0) issues.push(issue('methods.table.no_criteria', { file, row: headerRow }));
  if (body.length === 0) issues.push(issue('methods.table.no_rows', { file }));
  const seenCriteria = new Set<string>();
  for (const [index, name] of criteria.entries()) {
    if (name === '') issues.push(issue('methods.table.header_blank', { file, row: headerRow, column: String(index + 2) }));
    else if (seenCriteria.has(name)) issues.push(issue('methods.table.duplicate_criterion', { file, row: headerRow, column: name }));
    seenCriteria.add(name);
  }
  if (issues.length > 0) throw new IssuesError(issues);

  const parseCell = options.cells === 'pairwise' ? parsePairwise : parseDecimalNumber;
  const names: string[] = [];
  const values: number[][] = [];
  const rows: number[] = [];
  const seenNames = new Set<string>();
  for (const { record, info } of body) {
    const row = info.lines;
    const [name = '', ...cells] = record;
    if (name === '') issues.push(issue('methods.table.name_blank', { file, row, column: nameHeader || undefined }));
    else if (seenNames.has(name)) issues.push(issue('methods.table.duplicate_name', { file, row, column: nameHeader || undefined, value: name }));
    seenNames.add(name);
    if (record.length !== header.record.length) {
      issues.push(issue('methods.table.ragged', { file, row, params: { count: record.length, expected: header.record.length } }));
      continue;
    }
    const numbers = cells.map((cell, index) => {
      const column = criteria[index];
      if (cell === '') {
        issues.push(issue('methods.table.blank_cell', { file, row, column }));
        return Number.NaN;
      }
      const value = parseCell(cell);
      if (value === undefined) issues.push(issue(options.cells === 'pairwise' ? 'methods.pairwise.invalid' : 'methods.table.not_number', { file, row, column, value: cell }));
      return value ?? Number.NaN;
    });
    names.push(name);
    values.push(numbers);
    rows.push(row);
  }
  if (issues.length > 0) throw new IssuesError(issues);
  return Object.freeze({ file, headerRow, nameHeader, names, criteria, values, source: Object.freeze({ file, rows, columns: criteria }) });
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new IssuesError([issue('methods.table.not_found', { file })]);
    if (code !== undefined) throw new IssuesError([issue('methods.table.unreadable', { file, params: { reason: code } })]);
    throw error;
  }
}

function parsePairwise(text: string): number | undefined {
  try {
    return parsePairwiseValue(text);
  } catch (error) {
    if (error instanceof IssuesError) return undefined;
    throw error;
  }
}

