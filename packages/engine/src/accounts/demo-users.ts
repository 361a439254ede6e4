import type { Role } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { addUser, removeUser } from './users.js';

export interface DemoLogin {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly district: string | null;
  readonly managerId: string | null;
}

/** Used when the database holds no customers yet. */
const FALLBACK_DISTRICT = 'D01';
const FALLBACK_MANAGER_ID = 'M001';

async function firstValue(db: Database, column: 'district' | 'manager_id'): Promise<string | undefined> {
  const rows = await db.all<{ value: string | null }>(
    `SELECT min(${column}) AS value FROM customers WHERE ${column} IS NOT NULL AND ${column} <> ''`,
  );
  return rows[0]?.value ?? undefined;
}

/**
 * One account per role for trying the product, with the documented demo
 * passwords (docs/web.md): admin / admin123, analyst / analyst123,
 * district / district123, manager / manager123. The district head gets the
 * first district among the customers, the manager the first manager id, so
 * both see real data. Accounts with these names are replaced, which resets
 * their passwords: meant for demo databases only.
 */
export async function createDemoUsers(db: Database): Promise<DemoLogin[]> {
  const district = (await firstValue(db, 'district')) ?? FALLBACK_DISTRICT;
  const managerId = (await firstValue(db, 'manager_id')) ?? FALLBACK_MANAGER_ID;
  const logins: DemoLogin[] = [
    { username: 'admin', password: 'admin123', role: 'admin', district: null, managerId: null },
    { username: 'analyst', password: 'analyst123', role: 'analyst', district: null, managerId: null },
    { username: 'district', password: 'district123', role: 'district', district, managerId: null },
    { username: 'manager', password: 'manager123', role: 'manager', district: null, managerId },
  ];
  for (const login of logins) {
    await removeUser(db, login.username);
    await addUser(db, login);
  }
  return logins;
}
