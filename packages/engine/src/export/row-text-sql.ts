import { CHURN_REASONS, CHURN_RISKS, CUSTOMER_FORMATS, CUSTOMER_MARKETS, LIFECYCLE_STAGES, t, VALUE_CELLS, type Locale } from '@retail-value/core';
import type { Database, SqlValue } from '../db/database.js';
import { columnLetters, type SheetColumn, type XlsxStreamWriter } from './xlsx-stream.js';

/**
 * One exported column as the database writes it:
 * - `number`: a number, written as the database prints it;
 * - `text`: text, optionally a stored code written as its name (`labels`, code → name);
 * - `codes`: a comma-separated list of codes, each written as its name, joined by `separator`.
 */
export type ExportCell =
  | { readonly kind: 'number'; readonly sql: string }
  | { readonly kind: 'text'; readonly sql: string; readonly labels?: ReadonlyMap<string, string> | undefined }
  | { readonly kind: 'codes'; readonly sql: string; readonly labels?: ReadonlyMap<string, string> | undefined; readonly separator: string };

/** The codes stored in a run's results that an export writes as names. */
export type ResultCode = 'market' | 'format' | 'cell' | 'class' | 'stage' | 'churn' | 'reason';

/**
 * Names for the codes of a run's results in `locale` (service classes by the
 * names the run froze, `classNames`, code → Chinese name); with no locale the
 * codes are written as stored.
 */
export function resultCodeNames(locale: Locale | undefined, classNames: ReadonlyMap<string, string>): Record<ResultCode, ReadonlyMap<string, string> | undefined> {
  const names = (prefix: string, codes: readonly string[]) => (locale === undefined ? undefined : new Map(codes.map((code) => [code, t(locale, `${prefix}.${code}`)])));
  return {
    market: names('market', CUSTOMER_MARKETS),
    format: names('format', CUSTOMER_FORMATS),
    cell: names('cell', VALUE_CELLS),
    class: locale === undefined ? undefined : classNames,
    stage: names('stage', LIFECYCLE_STAGES),
    churn: names('churn', CHURN_RISKS),
    reason: names('reason', CHURN_REASONS),
  };
}

/** Bound parameters collected while SQL is assembled, numbered from `first`. */
class Params {
  readonly values: SqlValue[] = [];
  constructor(private readonly first: number) {}
  bind(value: SqlValue): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}`;
  }
}

/** A code written as its name: the codes and names are bound, never spliced into the SQL. */
function labelled(value: string, labels: ReadonlyMap<string, string> | undefined, params: Params): string {
  if (labels === undefined || labels.size === 0) return value;
  return `(CASE ${value} ${[...labels].map(([code, name]) => `WHEN ${params.bind(code)} THEN ${params.bind(name)}`).join(' ')} ELSE ${value} END)`;
}

/** The cell's plain text (NULL when empty). */
function cellText(cell: Exclude<ExportCell, { kind: 'number' }>, value: string, params: Params): string {
  if (cell.kind === 'text') return labelled(value, cell.labels, params);
  return `array_to_string(list_transform(list_filter(string_split(${value}, ','), code -> code <> ''), code -> ${labelled('code', cell.labels, params)}), ${params.bind(cell.separator)})`;
}

// Characters XML 1.0 cannot carry: C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF.
const XML_INVALID = String.raw`\x00-\x08\x0B\x0C\x0E-\x1F\x{FFFE}\x{FFFF}`;

function xmlEscaped(text: string): string {
  const stripped = `regexp_replace(${text}, '[${XML_INVALID}]', '', 'g')`;
  const escaped = `replace(replace(replace(replace(${stripped}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;')`;
  // Most text needs nothing: only text with a special character pays for the replacements.
  return `(CASE WHEN regexp_matches(${text}, '[&<>"${XML_INVALID}]') THEN ${escaped} ELSE ${text} END)`;
}

const FORMULA_START = String.raw`^[=+\-@\t\r]`;
const NEEDS_QUOTES = String.raw`[",\r\n]`;

/** RFC 4180 quoting; text a spreadsheet would take for a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. */
function csvEscaped(text: string): string {
  const safe = `(CASE WHEN regexp_matches(${text}, '${FORMULA_START}') THEN concat('''', ${text}) ELSE ${text} END)`;
  const quoted = `(CASE WHEN regexp_matches(${safe}, '${NEEDS_QUOTES}') THEN concat('"', replace(${safe}, '"', '""'), '"') ELSE ${safe} END)`;
  // Most text needs nothing: only text that starts like a formula or holds a comma, quote or line break is rewritten.
  return `(CASE WHEN regexp_matches(${text}, '${FORMULA_START}|${NEEDS_QUOTES}') THEN ${quoted} ELSE ${text} END)`;
}

/** A finite number's text (a whole number without a decimal point), or NULL. */
const numberText = (value: string): string =>
  `(CASE WHEN NOT isfinite(CAST(${value} AS DOUBLE)) THEN NULL
     WHEN CAST(${value} AS DOUBLE) = trunc(CAST(${value} AS DOUBLE)) AND abs(CAST(${value} AS DOUBLE)) < 1e15 THEN CAST(CAST(${value} AS BIGINT) AS VARCHAR)
     ELSE CAST(${value} AS VARCHAR) END)`;

/** Rows a worksheet holds below its header row. */
export const SHEET_DATA_ROWS = 1_048_575;

/**
 * The query that makes each exported row's text in the database, vectorised
 * — a million rows need no object per value in JavaScript. `source` yields
 * the values as columns `v0`, `v1`, … in the order of `cells` and the row's
 * 1-based position in the export as `n`. The result has `line` (a CSV line
 * ending in a line feed, or a worksheet row's XML with empty cells left out
 * and text inline) and, for a workbook, `sheet` (0-based: a sheet holds
 * {@link SHEET_DATA_ROWS} rows below its header), in export order. Codes,
 * names and separators are bound parameters numbered from `firstParam`.
 */
export function rowTextQuery(format: 'csv' | 'xlsx', cells: readonly ExportCell[], source: string, firstParam: number): { sql: string; params: SqlValue[] } {
  const params = new Params(firstParam);
  // The cells' plain text first, so the escaping below reads each once.
  const plain = cells.map((cell, index) => `${cell.kind === 'number' ? numberText(`v${index}`) : cellText(cell, `v${index}`, params)} AS w${index}`);
  if (format === 'csv') {
    const fields = cells.map((cell, index) => `coalesce(${cell.kind === 'number' ? `w${index}` : csvEscaped(`w${index}`)}, '')`);
    return { sql: `SELECT concat(${fields.join(", ',', ")}, chr(10)) AS line FROM (SELECT n, ${plain.join(', ')} FROM (${source}) source) cells ORDER BY n`, params: params.values };
  }
  // The row's number in its sheet, as text once per row.
  const row = `CAST((n - 1) % ${SHEET_DATA_ROWS} + 2 AS VARCHAR) AS rn, (n - 1) // ${SHEET_DATA_ROWS} AS sheet`;
  const parts = cells.map((cell, index) => {
    const column = columnLetters(index);
    if (cell.kind === 'number') return `(CASE WHEN w${index} IS NULL THEN '' ELSE concat('<c r="${column}', rn, '"><v>', w${index}, '</v></c>') END)`;
    return `(CASE WHEN coalesce(w${index}, '') = '' THEN '' ELSE concat('<c r="${column}', rn, '" t="inlineStr"><is><t xml:space="preserve">', ${xmlEscaped(`w${index}`)}, '</t></is></c>') END)`;
  });
  return {
    sql: `SELECT concat('<row r="', rn, '">', ${parts.join(', ')}, '</row>') AS line, sheet FROM (SELECT n, ${row}, ${plain.join(', ')} FROM (${source}) source) cells ORDER BY n`,
    params: params.values,
  };
}

/**
 * Streams the rows of a workbook's {@link rowTextQuery} into `workbook`,
 * below the header of the sheet it has open; rows past a sheet's capacity
 * go on further sheets (“name (2)”, …) with the same header. Returns the
 * number of rows written.
 */
export async function writeSheetRows(
  db: Database,
  query: { readonly sql: string; readonly params: readonly SqlValue[] },
  workbook: XlsxStreamWriter,
  sheet: { readonly name: string; readonly columns: readonly SheetColumn[] },
): Promise<number> {
  let rows = 0;
  let current = 0;
  await db.eachArray(query.sql, query.params, async (chunk) => {
    rows += chunk.length;
    for (let first = 0; first < chunk.length; ) {
      const index = (chunk[first] as unknown[])[1] as number;
      if (index !== current) await workbook.startSheet(`${sheet.name} (${(current = index) + 1})`, sheet.columns);
      let end = first;
      while (end < chunk.length && (chunk[end] as unknown[])[1] === index) end += 1;
      await workbook.addRowXml(chunk.slice(first, end).map((row) => row[0] as string).join(''), end - first);
      first = end;
    }
  });
  return rows;
}
