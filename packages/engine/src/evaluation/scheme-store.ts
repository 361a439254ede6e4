import { createHash } from 'node:crypto';
import { DEFAULT_SCHEME, issue, IssuesError, planScheme, type EvaluationPlan, type SchemeInput } from '@retail-value/core';
import type { Database } from '../db/database.js';

export interface StoredScheme {
  readonly schemeId: string;
  readonly version: number;
  readonly name: string;
  readonly document: SchemeInput;
  readonly contentHash: string;
  readonly createdAt: string;
  /** Who saved it; null for the command line and for schemes stored by an evaluation. */
  readonly createdBy: string | null;
}

/** JSON with object keys sorted, so equal documents hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

function toStored(row: Record<string, unknown>): StoredScheme {
  return {
    schemeId: row.scheme_id as string,
    version: row.version as number,
    name: row.name as string,
    document: JSON.parse(row.document as string) as SchemeInput,
    contentHash: row.content_hash as string,
    createdAt: row.created_at as string,
    createdBy: (row.created_by as string | null) ?? null,
  };
}

/**
 * Saves a scheme as a new version of its id, after validating it. Saving
 * the same content as the latest version returns that version unchanged.
 */
export async function saveScheme(db: Database, document: SchemeInput, createdBy?: string): Promise<StoredScheme> {
  planScheme(document);
  const json = canonicalJson(document);
  const contentHash = createHash('sha256').update(json).digest('hex');
  const latest = await latestScheme(db, document.id);
  if (latest !== undefined && latest.contentHash === contentHash) return latest;
  const version = (latest?.version ?? 0) + 1;
  const createdAt = new Date().toISOString();
  await db.run('INSERT INTO schemes (scheme_id, version, name, document, content_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    document.id,
    version,
    document.name['zh-CN'],
    json,
    contentHash,
    createdAt,
    createdBy ?? null,
  ]);
  return { schemeId: document.id, version, name: document.name['zh-CN'], document, contentHash, createdAt, createdBy: createdBy ?? null };
}

export async function latestScheme(db: Database, schemeId: string): Promise<StoredScheme | undefined> {
  const rows = await db.all('SELECT * FROM schemes WHERE scheme_id = $1 ORDER BY version DESC LIMIT 1', [schemeId]);
  return rows[0] === undefined ? undefined : toStored(rows[0]);
}

export async function schemeVersion(db: Database, schemeId: string, version: number): Promise<StoredScheme> {
  const rows = await db.all('SELECT * FROM schemes WHERE scheme_id = $1 AND version = $2', [schemeId, version]);
  if (rows[0] === undefined) throw new IssuesError([issue('scheme.not_found', { params: { id: `${schemeId} v${version}` } })]);
  return toStored(rows[0]);
}

export async function listSchemes(db: Database): Promise<StoredScheme[]> {
  return (await db.all('SELECT * FROM schemes ORDER BY scheme_id, version')).map(toStored);
}

/** The scheme to evaluate with: the given document, or the latest stored default, or the built-in default. */
export async function resolveScheme(db: Database, document?: SchemeInput): Promise<{ stored: StoredScheme; plan: EvaluationPlan }> {
  const chosen = document ?? (await latestScheme(db, DEFAULT_SCHEME.id))?.document ?? DEFAULT_SCHEME;
  const plan = planScheme(chosen);
  const stored = await saveScheme(db, chosen);
  return { stored, plan };
}
