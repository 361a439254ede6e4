import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const HEADER_LIMIT = 1 << 20;

/**
 * From the `fromRecord`-th data record on (0-based, counting the records
 * DuckDB reads), `shift` blank lines precede it. DuckDB skips blank lines,
 * but a spreadsheet shows them as rows, so a record's row as the user sees
 * it is `fromRecord + 2 + shift` (the header is row 1).
 */
export interface RowShift {
  readonly fromRecord: number;
  readonly shift: number;
}

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16';

export interface CsvScan {
  readonly sha256: string;
  readonly encoding: TextEncoding;
  readonly byteOrderMark: boolean;
  /** The first record (the header), undecoded, without the byte order mark and line break. */
  readonly headerBytes: Buffer;
  readonly shifts: readonly RowShift[];
}

/** Length of the incomplete UTF-8 sequence at the end of `bytes` (0 if it ends on a character boundary). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

function hasContent(bytes: Buffer, start: number, end: number): boolean {
  for (let position = start; position < end; position += 1) if (bytes[position] !== CARRIAGE_RETURN) return true;
  return false;
}

/**
 * One streaming pass over a CSV file's bytes: its SHA-256 (the load's
 * fingerprint), whether it is UTF-8 (else it is read as GB18030, which
 * Chinese Excel writes; GBK is a subset), its header record, and where blank
 * lines sit between records. Records are split at line feeds outside double
 * quotes; this is safe on GB18030 bytes too, whose multi-byte characters
 * never contain the bytes of `"` or a line feed. Fields are not parsed here:
 * DuckDB's CSV reader does that.
 */
export async function scanCsvFile(path: string): Promise<CsvScan> {
  const hash = createHash('sha256');
  let valid = true;
  let carry = Buffer.alloc(0);
  let first = true;
  let byteOrderMark = false;
  let utf16 = false;
  let inQuotes = false;
  let recordHasContent = false;
  let recordIndex = 0;
  let dataRecords = 0;
  let pendingBlanks = 0;
  let shift = 0;
  const shifts: RowShift[] = [];
  const headerParts: Buffer[] = [];
  let headerLength = 0;

  const endRecord = (): void => {
    if (recordIndex > 0) {
      if (recordHasContent) {
        if (pendingBlanks > 0) {
          shift += pendingBlanks;
          pendingBlanks = 0;
          shifts.push({ fromRecord: dataRecords, shift });
        }
        dataRecords += 1;
      } else {
        pendingBlanks += 1;
      }
    }
    recordIndex += 1;
    recordHasContent = false;
  };
  const keepHeader = (part: Buffer): void => {
    if (headerLength >= HEADER_LIMIT) return;
    const kept = part.subarray(0, HEADER_LIMIT - headerLength);
    headerParts.push(Buffer.from(kept));
    headerLength += kept.length;
  };

  for await (const data of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let chunk = data as Buffer;
    hash.update(chunk);
    if (first) {
      first = false;
      byteOrderMark = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      if (byteOrderMark) chunk = chunk.subarray(3);
    }
    if (valid) {
      const joined = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      const tail = incompleteTail(joined);
      valid = isUtf8(joined.subarray(0, joined.length - tail));
      carry = Buffer.from(joined.subarray(joined.length - tail));
    }
    let position = 0;
    let headerStart = 0;
    let nextQuote = chunk.indexOf(QUOTE, 0);
    while (position < chunk.length) {
      if (inQuotes) {
        if (nextQuote < 0) break;
        inQuotes = false;
        position = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, position);
        continue;
      }
      const lineFeed = chunk.indexOf(LINE_FEED, position);
      if (nextQuote >= 0 && (lineFeed < 0 || nextQuote < lineFeed)) {
        recordHasContent = true;
        inQuotes = true;
        position = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, position);
        continue;
      }
      const end = lineFeed < 0 ? chunk.length : lineFeed;
      if (!recordHasContent && hasContent(chunk, position, end)) recordHasContent = true;
      if (lineFeed < 0) break;
      if (recordIndex === 0) {
        keepHeader(chunk.subarray(headerStart, lineFeed));
        headerStart = chunk.length;
      }
      endRecord();
      position = lineFeed + 1;
    }
    if (recordIndex === 0) keepHeader(chunk.subarray(headerStart));
  }
  if (recordHasContent) endRecord();
  if (carry.length > 0) valid = false;

  let headerBytes = Buffer.concat(headerParts);
  if (headerBytes[headerBytes.length - 1] === CARRIAGE_RETURN) headerBytes = headerBytes.subarray(0, -1);
  return {
    sha256: hash.digest('hex'),
    encoding: utf16 ? 'utf-16' : valid ? 'utf-8' : 'gb18030',
    byteOrderMark,
    headerBytes,
    shifts,
  };
}
