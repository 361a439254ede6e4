import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { listAudit, recordAudit } from './audit.js';

let db: Database;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(async () => {
  await db.close();
});

describe('audit log', () => {
  it('numbers entries, keeps detail as JSON and lists newest first in pages', async () => {
    await recordAudit(db, { username: 'admin', action: 'auth.login' }, new Date('2026-03-02T08:00:00Z'));
    await recordAudit(
      db,
      { username: 'admin', action: 'user.create', target: 'li', detail: { role: 'manager', managerId: 'M07' } },
      new Date('2026-03-02T08:01:00Z'),
    );
    await recordAudit(db, { username: null, action: 'auth.login_failed', target: 'ghost' }, new Date('2026-03-02T08:02:00Z'));

    const all = await listAudit(db, { limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.entries.map((entry) => [entry.auditId, entry.action, entry.username, entry.target])).toEqual([
      [3, 'auth.login_failed', null, 'ghost'],
      [2, 'user.create', 'admin', 'li'],
      [1, 'auth.login', 'admin', null],
    ]);
    expect(all.entries[1]?.detail).toEqual({ role: 'manager', managerId: 'M07' });
    expect(all.entries[1]?.at).toBe('2026-03-02T08:01:00.000Z');

    const second = await listAudit(db, { limit: 1, offset: 1 });
    expect(second.entries.map((entry) => entry.auditId)).toEqual([2]);
  });

  it('never reuses an id when entries are written concurrently', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, index) => recordAudit(db, { username: 'u', action: `a${index}` })));
    const ids = (await listAudit(db, { limit: 100, offset: 0 })).entries.map((entry) => entry.auditId);
    expect(new Set(ids).size).toBe(20);
  });
});
