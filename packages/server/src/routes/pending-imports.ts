import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An uploaded file that passed its preview and waits for the user to commit it. */
export interface PendingImport {
  readonly token: string;
  readonly username: string;
  readonly kind: string;
  readonly fileName: string;
  readonly path: string;
  readonly expiresAt: Date;
}

export const PENDING_IMPORT_MINUTES = 30;

/**
 * Uploaded files between preview and commit, each in a temporary directory
 * of its own. A token is random, belongs to the user who uploaded, works
 * once, and expires after PENDING_IMPORT_MINUTES; expired files are removed
 * whenever the store is used. The store lives in the server's memory: a
 * restart forgets pending previews (the user uploads again).
 */
export class PendingImports {
  readonly #pending = new Map<string, PendingImport & { readonly dir: string }>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** Saves an upload to a temporary file; `discard` it or `keep` it after the preview. */
  async save(file: File): Promise<{ readonly dir: string; readonly path: string }> {
    await this.#sweep();
    const dir = await mkdtemp(join(tmpdir(), 'retail-value-upload-'));
    const path = join(dir, 'upload');
    try {
      await pipeline(Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream), createWriteStream(path));
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return { dir, path };
  }

  keep(saved: { readonly dir: string; readonly path: string }, entry: Omit<PendingImport, 'token' | 'path' | 'expiresAt'>): PendingImport {
    const token = randomBytes(18).toString('base64url');
    const pending = { ...entry, token, path: saved.path, dir: saved.dir, expiresAt: new Date(this.#now().getTime() + PENDING_IMPORT_MINUTES * 60_000) };
    this.#pending.set(token, pending);
    return pending;
  }

  async discard(saved: { readonly dir: string }): Promise<void> {
    await rm(saved.dir, { recursive: true, force: true });
  }

  /** Takes the pending import out of the store (a token works once); undefined when unknown, expired or someone else's. */
  async take(token: string, username: string): Promise<(PendingImport & { readonly dir: string }) | undefined> {
    await this.#sweep();
    const pending = this.#pending.get(token);
    if (pending === undefined || pending.username !== username) return undefined;
    this.#pending.delete(token);
    return pending;
  }

  async #sweep(): Promise<void> {
    const now = this.#now().getTime();
    for (const [token, pending] of this.#pending) {
      if (pending.expiresAt.getTime() > now) continue;
      this.#pending.delete(token);
      await rm(pending.dir, { recursive: true, force: true });
    }
  }
}
