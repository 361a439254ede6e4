import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticate, listAudit, openDatabase } from '@retail-value/engine';
import { cli, parseJson } from './cli-harness.js';

const tempDirs: string[] = [];
async function tempDb(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rv-user-cli-'));
  tempDirs.push(dir);
  return join(dir, 'rv.duckdb');
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('retail-value user', () => {
  it('adds accounts that can sign in, audits them and lists them', async () => {
    const db = await tempDb();
    const added = await cli('user', 'add', '--db', db, '--username', 'zhao', '--password', 'zhao-pass-1', '--role', 'district', '--district', '城区');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe('已添加用户 zhao（区县负责人）\n');
    const json = parseJson<{ username: string; managerId: string }>(
      await cli('user', 'add', '--db', db, '--username', 'li', '--password', 'li-pass-12', '--role', 'manager', '--manager-id', 'M02', '--json'),
    );
    expect(json).toMatchObject({ username: 'li', managerId: 'M02' });

    const listed = await cli('--lang', 'en', 'user', 'list', '--db', db);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^username\s+role\s+district\s+manager id\s+created at$/);
    expect(listed.stdout).toMatch(/li\s+customer manager\s+M02/);
    expect(listed.stdout).toMatch(/zhao\s+district head\s+城区/);

    const database = await openDatabase(db);
    try {
      expect((await authenticate(database, 'zhao', 'zhao-pass-1'))?.district).toBe('城区');
      const audit = await listAudit(database, { limit: 10, offset: 0 });
      expect(audit.entries.map((entry) => [entry.action, entry.username, entry.target])).toEqual([
        ['user.create', null, 'li'],
        ['user.create', null, 'zhao'],
      ]);
    } finally {
      await database.close();
    }
  });

  it('reports account rules in the chosen language and fails', async () => {
    const db = await tempDb();
    const missing = await cli('user', 'add', '--db', db, '--username', 'li', '--password', 'li-pass-12', '--role', 'manager');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('客户经理必须指定客户经理编号\n');
    const english = await cli('--lang', 'en', 'user', 'add', '--db', db, '--username', 'x', '--password', 'short', '--role', 'boss');
    expect(english.code).toBe(1);
    expect(english.stderr).toContain('value "x": a username is 2–32 letters, digits or _ . -');
    expect(english.stderr).toContain('a password has at least 8 characters');
    expect(english.stderr).not.toContain('short');
    expect((await cli('user', 'list', '--db', db)).stdout).toBe('还没有用户。用 retail-value user add 添加。\n');
  });
});
