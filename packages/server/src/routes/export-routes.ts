import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CSV_MEDIA_TYPE, exportRoutes, XLSX_MEDIA_TYPE } from '@retail-value/core';
import { exportResults, recordAudit } from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';
import { HttpProblem } from '../http/http-problem.js';
import { attachmentDisposition } from '../http/workbook-response.js';
import { requestedRun } from './customer-routes.js';

export function registerExportRoutes(api: ApiRouter, deps: AppDeps): void {
  /*
   * exportResults writes a file (an XLSX is a zip: its sheets are finished
   * before the archive is), so the export goes to a temporary file first,
   * is streamed from there, and the file is removed once sent.
   */
  api.addDownload(exportRoutes.run, async ({ params, query, session }) => {
    const run = await requestedRun(deps.db, params.runId);
    if (run === undefined) throw new HttpProblem(404, 'evaluation.run_not_found', { params: { value: params.runId } });
    await recordAudit(
      deps.db,
      { username: session.user.username, action: 'export.run', target: run.runId, detail: { format: query.format, headers: query.headers } },
      deps.now(),
    );
    const workDir = await mkdtemp(join(tmpdir(), 'retail-value-export-'));
    const out = join(workDir, `results.${query.format}`);
    const connection = await deps.db.connect();
    try {
      await exportResults(connection, { runId: run.runId, format: query.format, headers: query.headers, out, scope: session.user });
    } catch (error) {
      await rm(workDir, { recursive: true, force: true });
      throw error;
    } finally {
      await connection.close();
    }
    const file = createReadStream(out);
    file.on('close', () => void rm(workDir, { recursive: true, force: true }));
    return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': query.format === 'xlsx' ? XLSX_MEDIA_TYPE : CSV_MEDIA_TYPE,
        'Content-Disposition': attachmentDisposition(`results-${run.runId}.${query.format}`),
        'Cache-Control': 'no-store',
      },
    });
  });
}
