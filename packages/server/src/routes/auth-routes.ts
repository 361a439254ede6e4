import { deleteCookie, setCookie } from 'hono/cookie';
import { authRoutes, SESSION_COOKIE } from '@retail-value/core';
import { authenticate, createSession, deleteSession, recordAudit, SESSION_HOURS } from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';
import { clientAddress } from '../http/client-address.js';
import { HttpProblem } from '../http/http-problem.js';
import { LoginLimiter } from '../http/login-limiter.js';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export function registerAuthRoutes(api: ApiRouter, deps: AppDeps): void {
  const limiter = new LoginLimiter({ maxFailures: LOGIN_MAX_FAILURES, windowMs: LOGIN_WINDOW_MS, now: deps.now });

  api.add(authRoutes.login, async ({ c, body }) => {
    const address = clientAddress(c);
    const key = `${body.username}\u0000${address}`;
    const waitMs = limiter.retryAfterMs(key);
    if (waitMs > 0) {
      throw new HttpProblem(429, 'http.too_many_attempts', {
        params: { minutes: Math.ceil(waitMs / 60_000) },
        headers: { 'Retry-After': String(Math.ceil(waitMs / 1000)) },
      });
    }
    const user = await authenticate(deps.db, body.username, body.password);
    if (user === undefined) {
      limiter.recordFailure(key);
      await recordAudit(deps.db, { username: null, action: 'auth.login_failed', target: body.username, detail: { address } }, deps.now());
      throw new HttpProblem(401, 'http.bad_credentials');
    }
    limiter.reset(key);
    const session = await createSession(deps.db, user.username, deps.now());
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      // Behind plain HTTP (a local install) a Secure cookie would never come back.
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: SESSION_HOURS * 3600,
    });
    await recordAudit(deps.db, { username: user.username, action: 'auth.login', detail: { address } }, deps.now());
    return { user, csrfToken: session.csrfToken };
  });

  api.add(authRoutes.logout, async ({ c, session }) => {
    await deleteSession(deps.db, session.token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    await recordAudit(deps.db, { username: session.user.username, action: 'auth.logout' }, deps.now());
    return { ok: true as const };
  });

  api.add(authRoutes.me, async ({ session }) => ({ user: session.user, csrfToken: session.csrfToken }));
}
