/**
 * How one column of an import file is read: its canonical name (the table
 * column), the header spellings accepted for it, and how its text becomes a
 * value. Everything here is program data; the SQL built from it quotes these
 * constants with the dialect and never splices file content.
 */

/** One stored value and the spellings (compared case-insensitively) that mean it. */
export interface CodeValue {
  readonly code: string | number | boolean;
  readonly spellings: readonly string[];
}

export type ValueType =
  | { readonly type: 'text'; readonly pattern?: TextPattern }
  | { readonly type: 'date' }
  | { readonly type: 'number'; readonly min?: number; readonly max?: number }
  | { readonly type: 'integer'; readonly min?: number; readonly max?: number }
  | { readonly type: 'code'; readonly values: readonly CodeValue[] };

/** A shape a text value must have (an RE2 regular expression matched in full). */
export interface TextPattern {
  readonly regex: string;
  /** Shown to the user as the expected form, e.g. "2026Q3". */
  readonly example: string;
  /** Stored upper-cased (so 2026q3 and 2026Q3 are one period). */
  readonly upperCase?: boolean;
}

export interface ColumnSpec {
  readonly name: string;
  /** Header spellings besides `name`, Chinese first. */
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly value: ValueType;
}

/** A column whose values must exist in another table (customers, products). */
export interface ReferenceSpec {
  readonly column: string;
  readonly table: 'customers' | 'products';
  readonly targetColumn: string;
  /** Message key of the issue raised for a value that is not there. */
  readonly code: string;
}

/** A pair of date columns where the second may not precede the first. */
export interface DateOrderSpec {
  readonly start: string;
  readonly end: string;
}

export interface KindSpec {
  readonly kind: string;
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  /** The natural key (same as the table's), checked for duplicates within a file and upserted by. */
  readonly key: readonly string[];
  readonly references: readonly ReferenceSpec[];
  readonly dateOrder: readonly DateOrderSpec[];
  /**
   * How a re-import meets rows already there: `merge` upserts by the key and
   * keeps the columns the file does not have; `replace` deletes the rows
   * with the file's keys and inserts the file's rows (for order_lines, which
   * has no key index to upsert against; see schema/tables.ts).
   */
  readonly upsert: 'merge' | 'replace';
}
