import { createHash, randomBytes } from 'node:crypto';
import type { User } from '@retail-value/core';
import type { Database } from '../db/database.js';
import { findUser } from './users.js';

export const SESSION_HOURS = 12;

export interface NewSession {
  /** Goes to the client once, in the cookie; only its SHA-256 is stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface ActiveSession {
  readonly user: User;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Opens a session for `username`. Storing only the token's hash means a
 * copy of the database does not hand out live sessions. Expired sessions are
 * swept here, which keeps the table small without a scheduler.
 */
export async function createSession(db: Database, username: string, now: Date = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await db.run('DELETE FROM sessions WHERE expires_at <= $1', [now.toISOString()]);
  await db.run('INSERT INTO sessions (token_hash, username, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    tokenHash(token),
    username,
    csrfToken,
    now.toISOString(),
    expiresAt,
  ]);
  return { token, csrfToken, expiresAt };
}

/** The live session this token opens, with its user as stored now; undefined when expired or unknown. */
export async function findSession(db: Database, token: string, now: Date = new Date()): Promise<ActiveSession | undefined> {
  const rows = await db.all<{ username: string; csrf_token: string; expires_at: string }>(
    'SELECT username, csrf_token, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2',
    [tokenHash(token), now.toISOString()],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const user = await findUser(db, row.username);
  if (user === undefined) return undefined;
  return { user, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
}
