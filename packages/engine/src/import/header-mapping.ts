import { issue, type Issue } from '@retail-value/core';
import type { ColumnSpec, KindSpec } from './column-spec.js';

/** One column of the file as the user wrote it, and the field it fills (null: ignored). */
export interface FileColumn {
  readonly header: string;
  readonly column: string | null;
}

/** A recognised column: its 0-based position in the file and its spec. */
export interface MappedColumn {
  readonly index: number;
  readonly header: string;
  readonly spec: ColumnSpec;
}

export interface HeaderMapping {
  readonly columns: readonly FileColumn[];
  readonly mapped: readonly MappedColumn[];
  readonly issues: readonly Issue[];
}

/**
 * Header spellings compare case- and space-insensitively, and NFKC folds
 * full-width forms (Ｑｔｙ, （分钟）) that Chinese input methods produce.
 */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

function spellingIndex(spec: KindSpec): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const spelling of [column.name, ...column.aliases]) index.set(normalizeHeader(spelling), column);
  }
  return index;
}

/**
 * Maps a file's header row to the kind's columns. Unknown headers are kept
 * (and ignored on import); a column named twice and a required column that
 * is missing are issues on row 1.
 */
export function mapHeader(spec: KindSpec, headers: readonly string[], file: string): HeaderMapping {
  const index = spellingIndex(spec);
  const columns: FileColumn[] = [];
  const mapped: MappedColumn[] = [];
  const issues: Issue[] = [];
  headers.forEach((header, position) => {
    const column = index.get(normalizeHeader(header));
    if (column === undefined) {
      columns.push({ header, column: null });
      return;
    }
    const earlier = mapped.find((entry) => entry.spec.name === column.name);
    if (earlier !== undefined) {
      issues.push(issue('import.header.duplicate_column', { file, row: 1, column: header, params: { other: earlier.header, name: column.name } }));
      columns.push({ header, column: null });
      return;
    }
    columns.push({ header, column: column.name });
    mapped.push({ index: position, header, spec: column });
  });
  for (const column of spec.columns) {
    if (column.required && !mapped.some((entry) => entry.spec.name === column.name)) {
      issues.push(issue('import.header.missing_column', { file, row: 1, params: { name: column.name, aliases: column.aliases.join(' / ') } }));
    }
  }
  return { columns, mapped, issues };
}
