import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, listAudit, openDatabase, type Database } from '@retail-value/engine';
import { createApp } from './app.js';

let db: Database;
let clock: number;
let app: ReturnType<typeof createApp>;

const ACCOUNTS = [
  ['admin', 'admin-pass-1', 'admin', null, null],
  ['analyst', 'analyst-pass-1', 'analyst', null, null],
  ['dong', 'district-pass-1', 'district', '东乡', null],
  ['li', 'manager-pass-1', 'manager', null, 'M02'],
] as const;
let hashes: string[] = [];

// Hashing is deliberately slow, so each account is hashed once per file and inserted per test.
beforeAll(async () => {
  hashes = await Promise.all(ACCOUNTS.map(([, password]) => hashPassword(password)));
});
beforeEach(async () => {
  db = await openDatabase(':memory:');
  clock = Date.parse('2026-03-02T08:00:00Z');
  app = createApp({ db, now: () => new Date(clock) });
  for (const [index, [username, , role, district, managerId]] of ACCOUNTS.entries()) {
    await db.run('INSERT INTO users VALUES ($1, $2, $3, $4, $5, $6)', [username, hashes[index] ?? '', role, district, managerId, '2026-03-01T00:00:00.000Z']);
  }
});
afterEach(async () => {
  await db.close();
});

interface Call {
  readonly method?: string;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly session?: Session;
  readonly csrf?: string | null;
  readonly headers?: Record<string, string>;
  readonly address?: string;
}
interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

/** Calls the app the way @hono/node-server would, with a peer address in the bindings. */
function call(path: string, options: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined || options.rawBody !== undefined) headers['Content-Type'] = 'application/json';
  if (options.session !== undefined) headers.Cookie = options.session.cookie;
  const csrf = options.csrf === undefined ? options.session?.csrfToken : options.csrf;
  if (csrf !== undefined && csrf !== null) headers['X-CSRF-Token'] = csrf;
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.rawBody !== undefined) init.body = options.rawBody;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  return Promise.resolve(app.request(path, init, { incoming: { socket: { remoteAddress: options.address ?? '10.0.0.1' } } }));
}

function login(username: string, password: string, options: Call = {}): Promise<Response> {
  return call('/api/auth/login', { ...options, method: 'POST', body: { username, password } });
}

async function signIn(username: string, password: string): Promise<Session> {
  const response = await login(username, password);
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

async function errorOf(response: Response): Promise<{ code: string; message: string; issues?: { code: string; message: string; path?: string }[] }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('sign-in', () => {
  it('answers with the user and a CSRF token and sets an HTTP-only SameSite cookie', async () => {
    const response = await login('admin', 'admin-pass-1');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { username: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin', district: null, managerId: null });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(40);
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^rv_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Max-Age=43200');
    expect(cookie).not.toContain('Secure');
    expect(JSON.stringify(body)).not.toContain('admin-pass-1');
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const response = await app.request('https://rv.example/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-pass-1' }),
    });
    expect(response.headers.get('Set-Cookie')).toContain('Secure');
  });

  it('refuses a wrong password or an unknown user with 401 in the caller’s language', async () => {
    const wrong = await login('admin', 'admin-pass-2');
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toEqual({ code: 'http.bad_credentials', message: '用户名或密码错误' });
    const unknown = await login('ghost', 'admin-pass-1', { headers: { 'Accept-Language': 'en-US,en;q=0.9' } });
    expect(unknown.status).toBe(401);
    expect((await errorOf(unknown)).message).toBe('wrong username or password');
    expect(unknown.headers.get('Set-Cookie')).toBeNull();
  });

  it('answers 429 after five failures for a username from one address, for 15 minutes', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login('admin', 'guess-' + attempt)).status).toBe(401);
    const blocked = await login('admin', 'admin-pass-1');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Retry-After')).toBe('900');
    expect((await errorOf(blocked)).message).toBe('登录失败次数过多，请 15 分钟后再试');

    expect((await login('admin', 'admin-pass-1', { address: '10.0.0.2' })).status).toBe(200);
    expect((await login('analyst', 'analyst-pass-1')).status).toBe(200);

    clock += 14 * 60_000;
    expect((await login('admin', 'admin-pass-1')).status).toBe(429);
    clock += 60_000;
    expect((await login('admin', 'admin-pass-1')).status).toBe(200);
  });

  it('validates the body and renders zod messages per language', async () => {
    const missing = await call('/api/auth/login?lang=en', { method: 'POST', body: { username: 'admin' } });
    expect(missing.status).toBe(400);
    const error = await errorOf(missing);
    expect(error.code).toBe('http.invalid_request');
    expect(error.message).toBe('the request is invalid');
    expect(error.issues?.[0]?.path).toBe('body.password');
    expect(error.issues?.[0]?.message).toMatch(/expected string/i);

    const chinese = await call('/api/auth/login', { method: 'POST', body: { username: 'admin' } });
    expect((await errorOf(chinese)).issues?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);

    const broken = await call('/api/auth/login', { method: 'POST', rawBody: '{"username":' });
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).code).toBe('http.invalid_json');
  });
});

describe('sessions', () => {
  it('knows the signed-in user, ends on logout and expires after 12 hours', async () => {
    const session = await signIn('li', 'manager-pass-1');
    const me = await call('/api/auth/me', { session });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: 'li', role: 'manager', managerId: 'M02' }, csrfToken: session.csrfToken });

    const logout = await call('/api/auth/logout', { method: 'POST', session });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('Set-Cookie')).toMatch(/^rv_session=;.*Max-Age=0/);
    expect((await call('/api/auth/me', { session })).status).toBe(401);

    const later = await signIn('li', 'manager-pass-1');
    clock += 12 * 3600_000;
    expect((await call('/api/auth/me', { session: later })).status).toBe(401);
  });

  it('answers 401 on every /api path without a session, except sign-in and the docs', async () => {
    for (const path of ['/api/auth/me', '/api/users', '/api/audit', '/api/no-such-thing']) {
      const response = await call(path);
      expect(response.status, path).toBe(401);
      expect((await errorOf(response)).code).toBe('http.unauthorized');
    }
    expect((await call('/api/users', { session: { cookie: 'rv_session=forged', csrfToken: 'x' } })).status).toBe(401);
    expect((await call('/api/docs')).status).toBe(200);
  });

  it('answers 404 in JSON for an unknown path once signed in', async () => {
    const session = await signIn('admin', 'admin-pass-1');
    const response = await call('/api/no-such-thing', { session });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('http.not_found');
  });
});

describe('CSRF', () => {
  it('rejects state-changing requests without the session’s token', async () => {
    const session = await signIn('admin', 'admin-pass-1');
    const newUser = { username: 'wang', password: 'wang-pass-1', role: 'analyst' };
    for (const csrf of [null, 'wrong-token', session.csrfToken.slice(1)]) {
      const response = await call('/api/users', { method: 'POST', session, csrf, body: newUser });
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('http.csrf_invalid');
    }
    expect((await call('/api/auth/logout', { method: 'POST', session, csrf: null })).status).toBe(403);
    expect((await call('/api/auth/me', { session })).status).toBe(200);
    expect((await call('/api/users', { method: 'POST', session, body: newUser })).status).toBe(201);
  });

  it('does not accept another session’s token', async () => {
    const admin = await signIn('admin', 'admin-pass-1');
    const analyst = await signIn('analyst', 'analyst-pass-1');
    const response = await call('/api/auth/logout', { method: 'POST', session: admin, csrf: analyst.csrfToken });
    expect(response.status).toBe(403);
  });
});

describe('users and audit (administrators only)', () => {
  it('keeps other roles out with 403', async () => {
    for (const [username, password] of [
      ['analyst', 'analyst-pass-1'],
      ['dong', 'district-pass-1'],
      ['li', 'manager-pass-1'],
    ] as const) {
      const session = await signIn(username, password);
      expect((await call('/api/users', { session })).status, username).toBe(403);
      expect((await call('/api/audit', { session })).status, username).toBe(403);
      const created = await call('/api/users', { method: 'POST', session, body: { username: 'x1', password: 'x-pass-123', role: 'admin' } });
      expect(created.status, username).toBe(403);
      expect((await errorOf(created)).code).toBe('http.forbidden');
    }
  });

  it('lists users and adds one, auditing who did it', async () => {
    const session = await signIn('admin', 'admin-pass-1');
    const created = await call('/api/users', {
      method: 'POST',
      session,
      body: { username: 'zhao', password: 'zhao-pass-1', role: 'district', district: '城区' },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ username: 'zhao', role: 'district', district: '城区', managerId: null });

    const list = (await (await call('/api/users', { session })).json()) as { users: { username: string }[] };
    expect(list.users.map((user) => user.username)).toEqual(['admin', 'analyst', 'dong', 'li', 'zhao']);
    expect((await signIn('zhao', 'zhao-pass-1')).cookie).toMatch(/^rv_session=/);

    const audit = await listAudit(db, { limit: 10, offset: 0 });
    expect(audit.entries.find((entry) => entry.action === 'user.create')).toMatchObject({
      username: 'admin',
      target: 'zhao',
      detail: { role: 'district', district: '城区', managerId: null },
    });
  });

  it('reports account rules as issues in the request’s language', async () => {
    const session = await signIn('admin', 'admin-pass-1');
    const response = await call('/api/users?lang=en', {
      method: 'POST',
      session,
      body: { username: 'li', password: 'short', role: 'manager' },
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.issues?.map((item) => item.code)).toEqual(['user.password_too_short', 'user.manager_id_required']);
    expect(error.issues?.[0]?.message).toBe('a password has at least 8 characters');

    const duplicate = await call('/api/users', { method: 'POST', session, body: { username: 'li', password: 'long-enough', role: 'analyst' } });
    expect((await errorOf(duplicate)).issues?.[0]?.message).toBe('用户“li”已存在');
    const badRole = await call('/api/users', { method: 'POST', session, body: { username: 'q', password: 'long-enough', role: 'boss' } });
    expect((await errorOf(badRole)).issues?.[0]?.path).toBe('body.role');
  });

  it('records sign-ins, failures and sign-outs, and shows them newest first', async () => {
    await login('admin', 'wrong-pass-1', { address: '10.9.9.9' });
    const session = await signIn('admin', 'admin-pass-1');
    const response = await call('/api/audit?limit=2', { session });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { total: number; entries: { action: string; username: string | null; target: string | null; detail: unknown }[] };
    expect(page.total).toBe(2);
    expect(page.entries.map((entry) => [entry.action, entry.username, entry.target])).toEqual([
      ['auth.login', 'admin', null],
      ['auth.login_failed', null, 'admin'],
    ]);
    expect(page.entries[1]?.detail).toEqual({ address: '10.9.9.9' });
    await call('/api/auth/logout', { method: 'POST', session });
    expect((await listAudit(db, { limit: 1, offset: 0 })).entries[0]).toMatchObject({ action: 'auth.logout', username: 'admin' });
    expect((await call('/api/audit?limit=0', { session: await signIn('admin', 'admin-pass-1') })).status).toBe(400);
  });
});

describe('scope', () => {
  it('tells each user their scope keys', async () => {
    const district = await signIn('dong', 'district-pass-1');
    expect(await (await call('/api/auth/me', { session: district })).json()).toMatchObject({
      user: { role: 'district', district: '东乡', managerId: null },
    });
    const manager = await signIn('li', 'manager-pass-1');
    expect(await (await call('/api/auth/me', { session: manager })).json()).toMatchObject({
      user: { role: 'manager', district: null, managerId: 'M02' },
    });
  });
});

describe('OpenAPI document', () => {
  it('describes every mounted route from the contract schemas', async () => {
    const document = (await (await call('/api/docs')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown>; requestBody?: unknown; security?: unknown[]; description?: string }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/audit', '/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/docs', '/api/users', '/api/customers', '/api/imports']),
    );
    const login = document.paths['/api/auth/login']?.post;
    expect(login?.security).toEqual([]);
    expect(Object.keys(login?.responses ?? {}).sort()).toEqual(['200', '400', '401', '429']);
    expect(login?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { type: 'object', required: ['username', 'password'] } } },
    });
    const create = document.paths['/api/users']?.post;
    expect(Object.keys(create?.responses ?? {}).sort()).toEqual(['201', '400', '401', '403']);
    expect(create?.description).toBe('Roles: admin.');
    expect(document.paths['/api/audit']?.get?.parameters.map((parameter) => parameter.name)).toEqual(['limit', 'offset']);
    // An upload is described as multipart with its file; a download by its media type.
    expect(document.paths['/api/imports']?.post?.requestBody).toMatchObject({
      content: { 'multipart/form-data': { schema: { required: ['kind', 'file'], properties: { file: { type: 'string', format: 'binary' } } } } },
    });
    expect(document.paths['/api/customers/export']?.get?.responses['200']).toMatchObject({
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
    });
  });
});

describe('web UI', () => {
  it('serves the built files, falls back to index.html for client routes and keeps /api for the API', async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'rv-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Retail Value</title>');
    await writeFile(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');
    const web = createApp({ db, webRoot });

    const root = await web.request('/');
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('Retail Value');
    expect(root.headers.get('Cache-Control')).toBe('no-cache');
    expect(root.headers.get('Content-Security-Policy')).toContain("default-src 'self'");

    const route = await web.request('/users');
    expect(await route.text()).toContain('Retail Value');

    const asset = await web.request('/assets/app-1234.js');
    expect(asset.headers.get('Content-Type')).toMatch(/javascript/);
    expect(asset.headers.get('Cache-Control')).toContain('immutable');

    expect((await web.request('/assets/missing.js')).status).toBe(404);
    expect((await web.request('/api/users')).status).toBe(401);
    await rm(webRoot, { recursive: true, force: true });
  });
});
