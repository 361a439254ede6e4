import { PassThrough, Readable, type Writable } from 'node:stream';
import { XLSX_MEDIA_TYPE } from '@retail-value/core';

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / RFC 5987. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Streams a workbook to the client as it is written: `write` gets the
 * stream and must end it (ExcelJS's streaming writer does on commit). A
 * failure after the first bytes can no longer change the status, so it
 * aborts the body and the browser sees a broken download, never a short
 * file that looks whole.
 */
export function workbookResponse(fileName: string, write: (out: Writable) => Promise<unknown>): Response {
  const body = new PassThrough();
  write(body).catch((error: unknown) => {
    console.error(error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': XLSX_MEDIA_TYPE,
      'Content-Disposition': attachmentDisposition(fileName),
      'Cache-Control': 'no-store',
    },
  });
}
