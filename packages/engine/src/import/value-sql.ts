import type { Dialect } from '../db/dialect.js';
import type { CodeValue, ColumnSpec } from './column-spec.js';

/**
 * SQL that turns a column's trimmed text (`raw`, NULL when empty) into its
 * stored value, or NULL when the text is not a valid value of the column.
 * Staging keeps this value beside the text; the checks report the rows
 * where there is text but no value, and the insert copies the value, so
 * what is checked is what is stored. Every literal here is a program
 * constant.
 */

const INTEGER = '[+-]?[0-9]{1,9}';
/**
 * YYYY-MM-DD or YYYY/MM/DD (month and day may have one digit, as Chinese
 * Excel writes them), or YYYYMMDD; years 1900–2099. The regex fixes the
 * shape, because a bare cast also takes 'epoch', '2024-01-05x' and the like.
 */
const SEPARATED_DATE = '(19|20)[0-9]{2}[-/][0-9]{1,2}[-/][0-9]{1,2}';
const COMPACT_DATE = '(19|20)[0-9]{6}';

function codeLiteral(dialect: Dialect, code: CodeValue['code']): string {
  if (typeof code === 'boolean') return code ? 'TRUE' : 'FALSE';
  if (typeof code === 'number') return String(code);
  return dialect.quoteLiteral(code);
}

export function parsedValueSql(dialect: Dialect, column: ColumnSpec, raw: string): string {
  const literal = (text: string): string => dialect.quoteLiteral(text);
  const value = column.value;
  switch (value.type) {
    case 'text':
      if (value.pattern === undefined) return raw;
      return `CASE WHEN regexp_full_match(${raw}, ${literal(value.pattern.regex)}) THEN ${value.pattern.upperCase === true ? `upper(${raw})` : raw} END`;
    case 'date':
      // try_cast rejects impossible days (2023-02-29) once the regex has fixed the shape.
      return `CASE WHEN regexp_full_match(${raw}, ${literal(SEPARATED_DATE)}) THEN try_cast(replace(${raw}, '/', '-') AS DATE)
        WHEN regexp_full_match(${raw}, ${literal(COMPACT_DATE)})
        THEN try_cast(substr(${raw}, 1, 4) || '-' || substr(${raw}, 5, 2) || '-' || substr(${raw}, 7, 2) AS DATE) END`;
    case 'number':
      // DuckDB's cast reads plain decimals, and the exponent form (1.5E+12) Excel
      // writes for long numbers; it refuses inf, nan, thousands separators and
      // units, and is several times faster than a regex.
      return `try_cast(${raw} AS DOUBLE)`;
    case 'integer':
      return `CASE WHEN regexp_full_match(${raw}, ${literal(INTEGER)}) THEN CAST(${raw} AS INTEGER) END`;
    case 'code': {
      const branches = value.values.flatMap((entry) =>
        entry.spellings.map((spelling) => `WHEN ${literal(spelling.toLowerCase())} THEN ${codeLiteral(dialect, entry.code)}`),
      );
      return `CASE lower(${raw}) ${branches.join(' ')} END`;
    }
  }
}

/** The message key for text that is not a valid value of the column. */
export function invalidValueCode(column: ColumnSpec): string {
  switch (column.value.type) {
    case 'text':
      return 'import.value.bad_pattern';
    case 'date':
      return 'import.value.not_date';
    case 'number':
      return 'import.value.not_number';
    case 'integer':
      return 'import.value.not_integer';
    case 'code':
      return 'import.value.unknown_code';
  }
}

/** The accepted spellings of a coded column, for messages: "Z 食杂店 | B 便利店 | …". */
export function allowedCodes(values: readonly CodeValue[]): string {
  return values.map((entry) => entry.spellings.slice(0, 2).join(' ')).join(' | ');
}
