import type { Locale } from '../i18n/locale.js';
import { t, type MessageParams } from '../i18n/messages.js';

/**
 * A problem found in user input, as data. `code` is a message key; the
 * location fields say where; `params` fill the message. Rendering to text
 * happens only at the edge, in the user's language.
 */
export interface Issue {
  readonly code: string;
  readonly file?: string | undefined;
  /** 1-based row as the user sees it in the file (the header is row 1). */
  readonly row?: number | undefined;
  readonly column?: string | undefined;
  readonly value?: string | undefined;
  readonly params?: MessageParams | undefined;
}

export function issue(code: string, fields: Omit<Issue, 'code'> = {}): Issue {
  return Object.freeze({ code, ...fields });
}

/** "文件 a.csv，第 3 行，列“qty”，值“x”：数量必须是数字" */
export function formatIssue(item: Issue, locale: Locale): string {
  const parts: string[] = [];
  if (item.file !== undefined) parts.push(t(locale, 'issue.location.file', { file: item.file }));
  if (item.row !== undefined) parts.push(t(locale, 'issue.location.row', { row: item.row }));
  if (item.column !== undefined) parts.push(t(locale, 'issue.location.column', { column: item.column }));
  if (item.value !== undefined) parts.push(t(locale, 'issue.location.value', { value: item.value }));
  const message = t(locale, item.code, { value: item.value, column: item.column, row: item.row, ...item.params });
  if (parts.length === 0) return message;
  return parts.join(t(locale, 'issue.separator')) + t(locale, 'issue.colon') + message;
}

/** Thrown only where a whole operation must stop on user-input problems. */
export class IssuesError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map((item) => formatIssue(item, 'en')).join('\n'));
    this.name = 'IssuesError';
    this.issues = issues;
  }
}
