import { createMiddleware } from 'hono/factory';
import type { Role } from '@retail-value/core';
import type { AppEnv } from '../app-env.js';
import { HttpProblem } from './http-problem.js';

/** Lets the request through only for a signed-in user with one of `roles`. */
export function requireRole(...roles: readonly Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = c.get('session');
    if (session === undefined) throw new HttpProblem(401, 'http.unauthorized');
    if (!roles.includes(session.user.role)) throw new HttpProblem(403, 'http.forbidden');
    await next();
  });
}
