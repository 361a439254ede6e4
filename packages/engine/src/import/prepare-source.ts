import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, open, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { issue, type Issue } from '@retail-value/core';
import { parse } from 'csv-parse/sync';
import { scanCsvFile, type RowShift } from './scan-csv-file.js';
import { transcodeToUtf8 } from './transcode-to-utf8.js';
import { xlsxToCsv } from './xlsx-to-csv.js';

/** A user's file turned into a UTF-8 CSV at a path the program chose, ready for DuckDB. */
export interface PreparedSource {
  readonly csvPath: string;
  readonly delimiter: ',' | '\t';
  readonly headers: readonly string[];
  /** The CSV's first column is the row number in the original sheet (xlsx). */
  readonly rowColumn: boolean;
  /** Blank-line shifts for numbering rows by position (csv). */
  readonly shifts: readonly RowShift[];
  /** SHA-256 of the original file's bytes. */
  readonly sha256: string;
}

export type SourceResult = { readonly source: PreparedSource; readonly issues?: undefined } | { readonly source?: undefined; readonly issues: readonly Issue[] };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: the old .xls format, which is not read. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

async function leadingBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * DuckDB expands glob characters (`*`, `?`, `[`) in file names and treats
 * `s3://…` as remote, so it only ever reads a path the program made: a link
 * to the user's file, or a copy where links are not allowed.
 */
async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await symlink(resolve(source), target);
  } catch {
    try {
      await link(source, target);
    } catch {
      await copyFile(source, target);
    }
  }
}

/** Comma unless the header holds tabs and no comma (Excel's "Unicode text" and tab-separated exports). */
function detectDelimiter(headerText: string): ',' | '\t' {
  return headerText.includes('\t') && !headerText.includes(',') ? '\t' : ',';
}

function parseHeader(headerText: string, delimiter: ',' | '\t'): string[] {
  const records = parse(headerText, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  return (records[0] ?? []).map((field) => field.trim());
}

/**
 * Reads what is needed before DuckDB sees the file: its kind (xlsx by the
 * zip signature, else text), its encoding (UTF-8 with or without BOM, else
 * GB18030, transcoded), its header and its fingerprint.
 */
export async function prepareSource(
  path: string,
  workDir: string,
  file: string,
  dateColumns: (headers: readonly string[]) => ReadonlySet<number>,
): Promise<SourceResult> {
  const signature = await leadingBytes(path);
  const csvPath = join(workDir, 'source.csv');
  if (startsWith(signature, CFB_SIGNATURE)) return { issues: [issue('import.file.xls_unsupported', { file })] };
  if (startsWith(signature, ZIP_SIGNATURE)) {
    const [sha256, conversion] = await Promise.all([sha256File(path), xlsxToCsv(path, csvPath, dateColumns)]);
    if (conversion.headers.every((header) => header === '')) return { issues: [issue('import.header.empty', { file, row: 1 })] };
    return { source: { csvPath, delimiter: ',', headers: conversion.headers, rowColumn: true, shifts: [], sha256 } };
  }

  const scan = await scanCsvFile(path);
  if (scan.encoding === 'utf-16') return { issues: [issue('import.file.unsupported_encoding', { file, params: { encoding: 'UTF-16' } })] };
  const headerText = scan.encoding === 'utf-8' ? scan.headerBytes.toString('utf8') : new TextDecoder('gb18030').decode(scan.headerBytes);
  if (headerText.trim() === '') return { issues: [issue('import.header.empty', { file, row: 1 })] };
  const delimiter = detectDelimiter(headerText);
  if (scan.encoding === 'utf-8') await linkOrCopy(path, csvPath);
  else await transcodeToUtf8(path, csvPath);
  return { source: { csvPath, delimiter, headers: parseHeader(headerText, delimiter), rowColumn: false, shifts: scan.shifts, sha256: scan.sha256 } };
}
