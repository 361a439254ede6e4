import { CsvError, parse, type InfoRecord } from 'csv-parse/sync';
import { issue, IssuesError } from '@retail-value/core';

export interface CsvRecord {
  readonly record: string[];
  readonly info: InfoRecord;
}

/**
 * Parses decoded CSV text into trimmed records with their line information,
 * skipping empty lines (and, with `skipEmptyRecords`, lines of empty cells).
 * A malformed file (an unclosed quote, say) becomes the issue `malformedCode`
 * naming the file and the line where parsing stopped.
 */
export function parseCsvRecords(text: string, file: string, malformedCode: string, skipEmptyRecords = false): CsvRecord[] {
  try {
    return parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: skipEmptyRecords,
      trim: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      throw new IssuesError([issue(malformedCode, { file, row: typeof error.lines === 'number' ? error.lines : undefined })]);
    }
    throw error;
  }
}
