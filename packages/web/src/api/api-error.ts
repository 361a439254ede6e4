import type { ApiIssue } from '@retail-value/core';

/** A failed API call: the server's status, code and message (already in the user's language). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];

  constructor(status: number, code: string, message: string, issues: readonly ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** The message and each issue, for showing in one place. */
  get details(): string[] {
    return [this.message, ...this.issues.map((item) => item.message)];
  }
}
