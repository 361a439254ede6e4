import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { CSRF_HEADER } from '@retail-value/core';
import type { AppEnv } from '../app-env.js';
import { HttpProblem } from './http-problem.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A state-changing request must echo the session's CSRF token in a header.
 * Another site can make the browser send the cookie, but cannot read the
 * token, so it cannot forge the header. Public routes (sign-in) have no
 * session to take a token from.
 */
export function csrfMiddleware(isPublic: (method: string, path: string) => boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (STATE_CHANGING.has(c.req.method) && !isPublic(c.req.method, c.req.path)) {
      const session = c.get('session');
      const sent = c.req.header(CSRF_HEADER);
      if (session === undefined || sent === undefined || !sameToken(sent, session.csrfToken)) {
        throw new HttpProblem(403, 'http.csrf_invalid');
      }
    }
    await next();
  });
}
