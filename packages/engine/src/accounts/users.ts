import { IssuesError, issue, newUserIssues, type NewUser, type Role, type User } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';

type UserRow = {
  readonly username: string;
  readonly password_hash: string;
  readonly role: Role;
  readonly district: string | null;
  readonly manager_id: string | null;
  readonly created_at: string;
};

const COLUMNS = 'username, password_hash, role, district, manager_id, created_at';

function toUser(row: UserRow): User {
  return { username: row.username, role: row.role, district: row.district, managerId: row.manager_id, createdAt: row.created_at };
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

/**
 * Adds an account after checking it (see `newUserIssues`); throws
 * `IssuesError` on bad input or an existing username. Only a salted scrypt
 * hash of the password is stored.
 */
export async function addUser(db: Database, input: NewUser, now: Date = new Date()): Promise<User> {
  const issues = newUserIssues(input);
  if (issues.length > 0) throw new IssuesError(issues);
  if ((await findUser(db, input.username)) !== undefined) {
    throw new IssuesError([issue('user.exists', { params: { username: input.username } })]);
  }
  const user: User = {
    username: input.username,
    role: input.role as Role,
    district: blankToNull(input.district),
    managerId: blankToNull(input.managerId),
    createdAt: now.toISOString(),
  };
  const passwordHash = await hashPassword(input.password);
  await db.run(`INSERT INTO users (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
    user.username,
    passwordHash,
    user.role,
    user.district,
    user.managerId,
    user.createdAt,
  ]);
  return user;
}

export async function findUser(db: Database, username: string): Promise<User | undefined> {
  const rows = await db.all<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return rows[0] === undefined ? undefined : toUser(rows[0]);
}

export async function listUsers(db: Database): Promise<User[]> {
  const rows = await db.all<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username`);
  return rows.map(toUser);
}

/**
 * The user whose password this is, or undefined. An unknown username costs
 * the same hash as a known one, so timing does not reveal which names exist.
 */
export async function authenticate(db: Database, username: string, password: string): Promise<User | undefined> {
  const rows = await db.all<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  const row = rows[0];
  if (row === undefined) {
    await verifyPassword(password, await decoyHash());
    return undefined;
  }
  return (await verifyPassword(password, row.password_hash)) ? toUser(row) : undefined;
}

/** Removes an account and ends its sessions. */
export async function removeUser(db: Database, username: string): Promise<void> {
  await db.transaction(async () => {
    await db.run('DELETE FROM sessions WHERE username = $1', [username]);
    await db.run('DELETE FROM users WHERE username = $1', [username]);
  });
}
