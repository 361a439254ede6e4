import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { SESSION_COOKIE } from '@retail-value/core';
import { findSession } from '@retail-value/engine';
import type { AppDeps, AppEnv } from '../app-env.js';
import { HttpProblem } from './http-problem.js';

/**
 * Loads the session the cookie names. Every /api path except the public
 * ones answers 401 without a session, unknown paths included, so the API's
 * shape is not visible to strangers.
 */
export function sessionMiddleware(deps: AppDeps, isPublic: (method: string, path: string) => boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const found = token === undefined || token === '' ? undefined : await findSession(deps.db, token, deps.now());
    c.set('session', found === undefined || token === undefined ? undefined : { user: found.user, csrfToken: found.csrfToken, token });
    if (found === undefined && !isPublic(c.req.method, c.req.path)) throw new HttpProblem(401, 'http.unauthorized');
    await next();
  });
}
