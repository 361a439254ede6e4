import type { AuditEntry } from '@retail-value/core';
import type { Database } from '../db/database.js';

export interface AuditRecord {
  /** Who acted; null for the command line and for failed sign-ins. */
  readonly username: string | null;
  /** What happened, dotted: `auth.login`, `user.create`. */
  readonly action: string;
  /** What it happened to, e.g. the account created. */
  readonly target?: string | null;
  readonly detail?: Readonly<Record<string, unknown>> | null;
}

type AuditRow = {
  readonly audit_id: number;
  readonly occurred_at: string;
  readonly username: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly detail: string | null;
};

/**
 * Appends one entry. The id is taken in the same statement as the insert,
 * so concurrent requests on the connection never draw the same number.
 */
export async function recordAudit(db: Database, record: AuditRecord, now: Date = new Date()): Promise<void> {
  await db.run(
    `INSERT INTO audit_log (audit_id, occurred_at, username, action, target, detail)
     SELECT coalesce(max(audit_id), 0) + 1, $1, $2, $3, $4, $5 FROM audit_log`,
    [
      now.toISOString(),
      record.username,
      record.action,
      record.target ?? null,
      record.detail === undefined || record.detail === null ? null : JSON.stringify(record.detail),
    ],
  );
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  readonly total: number;
}

/** Entries newest first. */
export async function listAudit(db: Database, page: { readonly limit: number; readonly offset: number }): Promise<AuditPage> {
  const rows = await db.all<AuditRow>(
    'SELECT audit_id, occurred_at, username, action, target, detail FROM audit_log ORDER BY audit_id DESC LIMIT $1 OFFSET $2',
    [page.limit, page.offset],
  );
  const counted = await db.all<{ total: number }>('SELECT count(*) AS total FROM audit_log');
  return {
    entries: rows.map((row) => ({
      auditId: row.audit_id,
      at: row.occurred_at,
      username: row.username,
      action: row.action,
      target: row.target,
      detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
    })),
    total: counted[0]?.total ?? 0,
  };
}
