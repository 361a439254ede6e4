import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { t, type ErrorResponse } from '@retail-value/core';
import type { Database } from '@retail-value/engine';
import type { AppDeps, AppEnv } from './app-env.js';
import { ApiRouter } from './http/api-router.js';
import { csrfMiddleware } from './http/csrf-middleware.js';
import { handleError } from './http/error-handler.js';
import { requestLocale } from './http/request-locale.js';
import { sessionMiddleware } from './http/session-middleware.js';
import { ROUTE_MODULES } from './routes/index.js';
import { serveWeb } from './web/serve-web.js';

export interface AppOptions {
  readonly db: Database;
  /** The built web UI (packages/web/dist); without it only the API is served. */
  readonly webRoot?: string;
  /** The clock for sessions and sign-in throttling; tests move it. */
  readonly now?: () => Date;
}

/**
 * The HTTP application: the JSON API under /api and, when given, the web UI
 * at /. Order matters: language, then session (401), then CSRF (403), then
 * each route's role guard (403) and input validation (400).
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const deps: AppDeps = { db: options.db, now: options.now ?? (() => new Date()) };
  const app = new Hono<AppEnv>();
  const api = new ApiRouter(app);
  const isPublic = (method: string, path: string) => api.isPublic(method, path);

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', async (c, next) => {
    c.set('locale', requestLocale(c.req.query('lang'), c.req.header('Accept-Language')));
    await next();
  });
  app.use('/api/*', sessionMiddleware(deps, isPublic));
  app.use('/api/*', csrfMiddleware(isPublic));
  for (const register of ROUTE_MODULES) register(api, deps);
  if (options.webRoot !== undefined) serveWeb(app, options.webRoot);

  app.notFound((c) => {
    const body: ErrorResponse = { error: { code: 'http.not_found', message: t(c.get('locale'), 'http.not_found') } };
    return c.json(body, 404);
  });
  app.onError(handleError);
  return app;
}
