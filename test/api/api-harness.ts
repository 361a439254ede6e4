import { expect } from 'vitest';
import { createApp } from '@retail-value/server';
import { createDemoUsers, evaluate, openDatabase, type Database } from '@retail-value/engine';
import { seedSmallCompany } from '../evaluation/small-company.js';

export type DemoRole = 'admin' | 'analyst' | 'district' | 'manager';

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface CallOptions {
  readonly method?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Send the session's CSRF token on a state-changing request (default true). */
  readonly csrf?: boolean;
}

export interface ApiHarness {
  readonly db: Database;
  readonly app: ReturnType<typeof createApp>;
  /** Calls the API as `who` (signed in once per role), JSON in and out. */
  call(who: DemoRole | null, path: string, options?: CallOptions): Promise<Response>;
  json<T = Record<string, unknown>>(who: DemoRole | null, path: string, options?: CallOptions): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/**
 * The small company (60 customers, test/evaluation/small-company.ts) with the
 * demo accounts, and the evaluation runs `runs` asks for (none, or e.g. an
 * earlier and a later run of 2026Q3), served by the app on an in-memory database.
 */
export async function apiHarness(runs: readonly { period: string; asOf?: string }[] = [{ period: '2026Q3' }], seed = true): Promise<ApiHarness> {
  const db = await openDatabase(':memory:');
  if (seed) await seedSmallCompany(db);
  await createDemoUsers(db);
  for (const run of runs) await evaluate(db, run);
  const app = createApp({ db });
  const sessions = new Map<DemoRole, Session>();

  const signIn = async (who: DemoRole): Promise<Session> => {
    const found = sessions.get(who);
    if (found !== undefined) return found;
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: who, password: `${who}123` }),
    });
    expect(response.status).toBe(200);
    const session = {
      cookie: (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '',
      csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken,
    };
    sessions.set(who, session);
    return session;
  };

  const call: ApiHarness['call'] = async (who, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (who !== null) {
      const session = await signIn(who);
      headers.Cookie = session.cookie;
      if ((options.method ?? 'GET') !== 'GET' && options.csrf !== false) headers['X-CSRF-Token'] = session.csrfToken;
    }
    const init: RequestInit = { method: options.method ?? 'GET', headers };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    return app.request(path, init);
  };

  return {
    db,
    app,
    call,
    json: async <T,>(who: DemoRole | null, path: string, options?: CallOptions) => {
      const response = await call(who, path, options);
      return { status: response.status, body: (await response.json()) as T };
    },
    close: () => db.close(),
  };
}
