import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

/** Vite puts content-hashed files under /assets: safe to cache for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether `webRoot` holds a built UI. */
export function hasBuiltWeb(webRoot: string): boolean {
  return existsSync(join(webRoot, 'index.html'));
}

/**
 * Serves the built single-page UI: files as they are, and index.html for
 * any other path without a file extension so client-side routes survive a
 * reload. /api stays the API's, including its 404s.
 */
export function serveWeb(app: Hono<AppEnv>, webRoot: string): void {
  const files = serveStatic<AppEnv>({ root: webRoot });
  const index = serveStatic<AppEnv>({ root: webRoot, path: 'index.html' });
  app.use('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    const response = await files(c, next);
    // Without a file the middleware has called next() and the fallback answered.
    if (!(response instanceof Response)) return;
    response.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    return response;
  });
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || /\.[A-Za-z0-9]+$/.test(c.req.path)) return next();
    const response = await index(c, next);
    if (!(response instanceof Response)) return;
    response.headers.set('Cache-Control', 'no-cache');
    return response;
  });
}
