import type { Context } from 'hono';
import { formatIssue, IssuesError, t, type ApiIssue, type ErrorResponse } from '@retail-value/core';
import type { AppEnv } from '../app-env.js';
import { HttpProblem } from './http-problem.js';

function issuesToApi(error: IssuesError, c: Context<AppEnv>): ApiIssue[] {
  const locale = c.get('locale');
  return error.issues.map((item) => ({
    code: item.code,
    message: formatIssue(item, locale),
    ...(item.file === undefined ? {} : { file: item.file }),
    ...(item.row === undefined ? {} : { row: item.row }),
    ...(item.column === undefined ? {} : { column: item.column }),
    ...(item.value === undefined ? {} : { value: item.value }),
  }));
}

/**
 * Turns whatever a handler threw into the one error body (`ErrorResponse`).
 * Expected problems keep their status and message; anything else is a 500
 * whose details go to the server log, not to the caller.
 */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  const locale = c.get('locale');
  if (error instanceof HttpProblem) {
    const body: ErrorResponse = {
      error: {
        code: error.code,
        message: t(locale, error.code, error.params),
        ...(error.issues === undefined ? {} : { issues: [...error.issues] }),
      },
    };
    return c.json(body, error.status, error.headers);
  }
  if (error instanceof IssuesError) {
    const body: ErrorResponse = {
      error: { code: 'http.invalid_request', message: t(locale, 'http.invalid_request'), issues: issuesToApi(error, c) },
    };
    return c.json(body, 400);
  }
  console.error(error);
  const body: ErrorResponse = {
    error: { code: 'error.unexpected', message: t(locale, 'error.unexpected', { message: error.name }) },
  };
  return c.json(body, 500);
}
