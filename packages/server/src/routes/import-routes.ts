import { importRoutes, t, type ImportIssue } from '@retail-value/core';
import { importFile, listDataLoads, previewImport, recordAudit } from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';
import { HttpProblem } from '../http/http-problem.js';
import { PENDING_IMPORT_MINUTES, PendingImports } from './pending-imports.js';

export function registerImportRoutes(api: ApiRouter, deps: AppDeps): void {
  const pending = new PendingImports(deps.now);

  /*
   * Nothing is written on preview: the engine stages the rows in temporary
   * tables of its own connection and reports every problem by row and column.
   * Only a file without issues gets a token to commit.
   */
  api.addUpload(importRoutes.preview, async ({ c, body, file, session }) => {
    const locale = c.get('locale');
    const saved = await pending.save(file);
    const connection = await deps.db.connect();
    try {
      const preview = await previewImport(connection, { kind: body.kind, path: saved.path, fileName: file.name, locale });
      const issues: ImportIssue[] = preview.issues.map((item) => ({
        code: item.code,
        // The location has columns of its own in the report; the message says what is wrong.
        message: t(locale, item.code, { value: item.value, column: item.column, row: item.row, ...item.params }),
        file: item.file ?? null,
        row: item.row ?? null,
        column: item.column ?? null,
        value: item.value ?? null,
      }));
      const kept =
        preview.totalIssues === 0 ? pending.keep(saved, { username: session.user.username, kind: preview.kind, fileName: preview.file }) : undefined;
      if (kept === undefined) await pending.discard(saved);
      return {
        token: kept?.token ?? null,
        expiresAt: kept?.expiresAt.toISOString() ?? null,
        kind: preview.kind,
        file: preview.file,
        rows: preview.rows,
        columns: preview.columns.map((column) => ({ header: column.header, column: column.column })),
        issues,
        totalIssues: preview.totalIssues,
      };
    } catch (error) {
      await pending.discard(saved);
      throw error;
    } finally {
      await connection.close();
    }
  });

  api.add(importRoutes.commit, async ({ c, params, session }) => {
    const found = await pending.take(params.token, session.user.username);
    if (found === undefined) throw new HttpProblem(404, 'upload.preview_not_found', { params: { minutes: PENDING_IMPORT_MINUTES } });
    const connection = await deps.db.connect();
    try {
      const report = await importFile(connection, { kind: found.kind, path: found.path, fileName: found.fileName, locale: c.get('locale') });
      const result = { kind: report.kind, file: report.file, rows: report.rows, inserted: report.inserted, updated: report.updated, loadId: report.loadId };
      await recordAudit(
        deps.db,
        { username: session.user.username, action: 'import.commit', target: report.file, detail: { ...result, contentHash: report.contentHash } },
        deps.now(),
      );
      return result;
    } finally {
      await connection.close();
      await pending.discard(found);
    }
  });

  api.add(importRoutes.loads, async ({ query }) => ({ loads: await listDataLoads(deps.db, query.limit) }));
}
