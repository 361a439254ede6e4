import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { scopePredicate } from './scope-predicate.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
  await db.run(`INSERT INTO customers (customer_id, name, format, market, district, manager_id, status, order_cycle) VALUES
    ('C1', '城东食杂店', 'Z', 'urban', '城区', 'M01', 'normal', 'weekly'),
    ('C2', '城西便利店', 'B', 'urban', '城区', 'M02', 'normal', 'weekly'),
    ('C3', '乡镇超市', 'S', 'rural', '东乡', 'M03', 'normal', 'biweekly'),
    ('C4', '无经理烟酒店', 'Y', 'rural', '东乡', NULL, 'normal', 'weekly')`);
});
afterAll(async () => {
  await db.close();
});

/** Runs a query the way every customer query will: its own parameters first, the scope after. */
async function visible(user: Parameters<typeof scopePredicate>[0]): Promise<string[]> {
  const scope = scopePredicate(user, 'c', 2);
  const rows = await db.all<{ customer_id: string }>(
    `SELECT c.customer_id FROM customers c WHERE c.status = $1 AND ${scope.sql} ORDER BY c.customer_id`,
    ['normal', ...scope.params],
  );
  return rows.map((row) => row.customer_id);
}

describe('scopePredicate', () => {
  it('lets administrators and analysts see every customer', async () => {
    expect(await visible({ role: 'admin', district: null, managerId: null })).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(await visible({ role: 'analyst', district: null, managerId: null })).toEqual(['C1', 'C2', 'C3', 'C4']);
  });

  it('limits a district head to their district', async () => {
    expect(scopePredicate({ role: 'district', district: '东乡', managerId: null }, 'c', 3)).toEqual({
      sql: 'c.district = $3',
      params: ['东乡'],
    });
    expect(await visible({ role: 'district', district: '东乡', managerId: null })).toEqual(['C3', 'C4']);
  });

  it('limits a customer manager to the customers they serve', async () => {
    expect(await visible({ role: 'manager', district: null, managerId: 'M02' })).toEqual(['C2']);
    expect(await visible({ role: 'manager', district: null, managerId: 'M99' })).toEqual([]);
  });

  it('treats a district value as data, never as SQL', async () => {
    expect(await visible({ role: 'district', district: "城区' OR '1'='1", managerId: null })).toEqual([]);
  });

  it('refuses broken accounts and aliases that are not identifiers', () => {
    expect(() => scopePredicate({ role: 'district', district: null, managerId: null }, 'c', 1)).toThrow();
    expect(() => scopePredicate({ role: 'admin', district: null, managerId: null }, 'c; DROP TABLE users', 1)).toThrow();
  });
});
