import { z } from 'zod';
import { CSV_MEDIA_TYPE, defineRoute, fileResponseSchema, XLSX_MEDIA_TYPE } from './route.js';

export const runExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Chinese headers and names (default) or English headers with codes. */
  headers: z.enum(['zh', 'en']).default('zh'),
});

export const exportRoutes = {
  run: defineRoute({
    method: 'GET',
    path: '/api/runs/:runId/export',
    summary:
      'A run’s results, one row per customer (archive fields, values, rank, cell, class, dimension scores, every indicator’s raw value and score), as XLSX with a summary sheet or as CSV; only the customers in the caller’s scope (audited)',
    tag: 'exports',
    roles: ['admin', 'analyst', 'district'],
    params: z.object({ runId: z.string().min(1).max(100) }),
    query: runExportQuerySchema,
    response: fileResponseSchema,
    download: { mediaTypes: [XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE] },
    errors: { 404: 'no such run' },
  }),
};
