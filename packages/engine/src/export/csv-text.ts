/** A value of a CSV cell: text, number, yes/no, or empty. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet takes text that begins like this for a formula (CSV injection); a leading apostrophe keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; text that would start a formula is prefixed with '. */
export function csvField(value: CsvValue): string {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : '';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string': {
      const text = FORMULA_START.test(value) ? `'${value}` : value;
      return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    }
    default:
      return '';
  }
}

/** CSV lines (each ending in \n) for rows of cells. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  let text = '';
  for (const row of rows) {
    for (let column = 0; column < row.length; column += 1) text += column === 0 ? csvField(row[column]) : `,${csvField(row[column])}`;
    text += '\n';
  }
  return text;
}
