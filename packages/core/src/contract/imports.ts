import { z } from 'zod';
import { defineRoute } from './route.js';

/** The largest file the web upload takes; bigger files go through `retail-value import`. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** One problem with one row of an uploaded file, rendered in the request's language. */
export const importIssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().nullable(),
  /** 1-based, as the user sees it (the header is row 1). */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** What an uploaded file would import; nothing is written yet. */
export const importPreviewSchema = z.object({
  /** Commits this file with POST /api/imports/{token}/commit; null when the file has issues (fix it and upload again). */
  token: z.string().nullable(),
  /** When the token stops working (ISO instant); null without a token. */
  expiresAt: z.string().nullable(),
  kind: z.string(),
  file: z.string(),
  rows: z.number().int(),
  /** The file's columns and the field each fills (null: not recognised, ignored). */
  columns: z.array(z.object({ header: z.string(), column: z.string().nullable() })),
  /** The first issues, in row and column order. */
  issues: z.array(importIssueSchema),
  totalIssues: z.number().int(),
});
export type ImportPreviewResponse = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  kind: z.string(),
  file: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  loadId: z.number().int(),
});
export type ImportResultResponse = z.infer<typeof importResultSchema>;

export const dataLoadSchema = z.object({
  loadId: z.number().int(),
  kind: z.string(),
  source: z.string(),
  rows: z.number().int(),
  loadedAt: z.string(),
});
export type DataLoad = z.infer<typeof dataLoadSchema>;

export const importRoutes = {
  preview: defineRoute({
    method: 'POST',
    path: '/api/imports',
    summary:
      'Upload a CSV or XLSX file of one kind and check every row without writing anything: the row-level report, and a token to commit the file when it has no issues',
    tag: 'imports',
    roles: ['admin'],
    body: z.object({ kind: z.string().min(1).max(40) }),
    upload: { field: 'file', maxBytes: MAX_UPLOAD_BYTES },
    response: importPreviewSchema,
    errors: { 413: 'the file is larger than the upload limit' },
  }),
  commit: defineRoute({
    method: 'POST',
    path: '/api/imports/:token/commit',
    summary: 'Import a previewed file, all rows or none (audited)',
    tag: 'imports',
    roles: ['admin'],
    params: z.object({ token: z.string().min(1).max(100) }),
    response: importResultSchema,
    errors: { 404: 'no such preview: expired, already committed or uploaded by someone else' },
  }),
  loads: defineRoute({
    method: 'GET',
    path: '/api/imports',
    summary: 'Data loads (imports and demo data), newest first',
    tag: 'imports',
    roles: ['admin'],
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
    response: z.object({ loads: z.array(dataLoadSchema) }),
  }),
};
