import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { createSession, deleteSession, findSession } from './sessions.js';
import { addUser, removeUser } from './users.js';

let db: Database;
beforeEach(async () => {
  db = await openDatabase(':memory:');
  await addUser(db, { username: 'admin', password: 'secret-123', role: 'admin' });
});
afterEach(async () => {
  await db.close();
});

describe('sessions', () => {
  const start = new Date('2026-03-02T08:00:00Z');

  it('stores only the token hash and finds the user by token for 12 hours', async () => {
    const session = await createSession(db, 'admin', start);
    expect(Buffer.from(session.token, 'base64url')).toHaveLength(32);
    expect(session.expiresAt).toBe('2026-03-02T20:00:00.000Z');
    const rows = await db.all<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(session.token);

    const found = await findSession(db, session.token, new Date('2026-03-02T19:59:59Z'));
    expect(found?.user.username).toBe('admin');
    expect(found?.csrfToken).toBe(session.csrfToken);
    expect(await findSession(db, session.token, new Date('2026-03-02T20:00:00Z'))).toBeUndefined();
    expect(await findSession(db, 'not-a-token', start)).toBeUndefined();
  });

  it('ends on logout and when the user is removed, and sweeps expired sessions', async () => {
    const first = await createSession(db, 'admin', start);
    await deleteSession(db, first.token);
    expect(await findSession(db, first.token, start)).toBeUndefined();

    await createSession(db, 'admin', start);
    await createSession(db, 'admin', new Date('2026-03-03T08:00:00Z'));
    expect(await db.all('SELECT * FROM sessions')).toHaveLength(1);

    const last = await createSession(db, 'admin', new Date('2026-03-03T09:00:00Z'));
    await removeUser(db, 'admin');
    expect(await findSession(db, last.token, new Date('2026-03-03T09:00:00Z'))).toBeUndefined();
  });
});
