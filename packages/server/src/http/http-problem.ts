import type { ApiIssue, MessageParams } from '@retail-value/core';

/**
 * An expected failure with its HTTP status and message key; the error
 * handler renders it in the request's language.
 */
export class HttpProblem extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429;
  readonly code: string;
  readonly params: MessageParams;
  readonly issues: readonly ApiIssue[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: HttpProblem['status'],
    code: string,
    options: { params?: MessageParams; issues?: readonly ApiIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.params = options.params ?? {};
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }
}
