import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IssuesError } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { addUser, authenticate, findUser, listUsers, removeUser } from './users.js';

let db: Database;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(async () => {
  await db.close();
});

async function issueCodes(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    if (error instanceof IssuesError) return error.issues.map((item) => item.code);
    throw error;
  }
  throw new Error('expected IssuesError');
}

describe('user accounts', () => {
  it('adds users with their scope keys and lists them by name', async () => {
    await addUser(db, { username: 'zhang.san', password: 'secret-123', role: 'district', district: '城区' });
    await addUser(db, { username: 'li', password: 'secret-123', role: 'manager', managerId: 'M07' });
    await addUser(db, { username: '王五', password: 'secret-123', role: 'analyst' });
    const users = await listUsers(db);
    expect(users.map((user) => [user.username, user.role, user.district, user.managerId])).toEqual([
      ['li', 'manager', null, 'M07'],
      ['zhang.san', 'district', '城区', null],
      ['王五', 'analyst', null, null],
    ]);
    const [row] = await db.all<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'li'");
    expect(row?.password_hash.startsWith('scrypt$')).toBe(true);
  });

  it('requires a district for a district head and a manager id for a manager', async () => {
    expect(await issueCodes(addUser(db, { username: 'd1', password: 'secret-123', role: 'district' }))).toEqual([
      'user.district_required',
    ]);
    expect(await issueCodes(addUser(db, { username: 'm1', password: 'secret-123', role: 'manager', managerId: ' ' }))).toEqual([
      'user.manager_id_required',
    ]);
    expect(
      await issueCodes(addUser(db, { username: 'a1', password: 'secret-123', role: 'admin', district: 'X', managerId: 'M1' })),
    ).toEqual(['user.district_not_applicable', 'user.manager_id_not_applicable']);
    expect(await listUsers(db)).toEqual([]);
  });

  it('rejects bad names, short passwords, unknown roles and duplicates', async () => {
    expect(await issueCodes(addUser(db, { username: 'a b', password: 'short', role: 'boss' }))).toEqual([
      'user.username_invalid',
      'user.password_too_short',
      'user.role_invalid',
    ]);
    await addUser(db, { username: 'admin', password: 'secret-123', role: 'admin' });
    expect(await issueCodes(addUser(db, { username: 'admin', password: 'other-123', role: 'analyst' }))).toEqual(['user.exists']);
  });

  it('authenticates by password and forgets removed users', async () => {
    await addUser(db, { username: 'admin', password: 'secret-123', role: 'admin' });
    expect((await authenticate(db, 'admin', 'secret-123'))?.role).toBe('admin');
    expect(await authenticate(db, 'admin', 'secret-124')).toBeUndefined();
    expect(await authenticate(db, 'nobody', 'secret-123')).toBeUndefined();
    await removeUser(db, 'admin');
    expect(await findUser(db, 'admin')).toBeUndefined();
  });
});
