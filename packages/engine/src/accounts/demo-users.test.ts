import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { createDemoUsers } from './demo-users.js';
import { authenticate, listUsers } from './users.js';

let db: Database;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(async () => {
  await db.close();
});

describe('createDemoUsers', () => {
  it('scopes the district and manager users to the first district and manager among the customers', async () => {
    await db.run(`INSERT INTO customers (customer_id, name, format, market, district, manager_id, status, order_cycle) VALUES
      ('C1', 'a', 'Z', 'urban', '西城', 'M09', 'normal', 'weekly'),
      ('C2', 'b', 'Z', 'urban', '东城', 'M03', 'normal', 'weekly')`);
    const logins = await createDemoUsers(db);
    expect(logins.map((login) => [login.username, login.role, login.district, login.managerId])).toEqual([
      ['admin', 'admin', null, null],
      ['analyst', 'analyst', null, null],
      ['district', 'district', '东城', null],
      ['manager', 'manager', null, 'M03'],
    ]);
    for (const login of logins) expect((await authenticate(db, login.username, login.password))?.role).toBe(login.role);
  });

  it('falls back to fixed scope values without customers and resets accounts when run again', async () => {
    const first = await createDemoUsers(db);
    expect(first.find((login) => login.role === 'district')?.district).toBe('D01');
    expect(first.find((login) => login.role === 'manager')?.managerId).toBe('M001');
    await createDemoUsers(db);
    expect((await listUsers(db)).map((user) => user.username)).toEqual(['admin', 'analyst', 'district', 'manager']);
  });
});
