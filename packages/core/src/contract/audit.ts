import { z } from 'zod';
import { defineRoute } from './route.js';

export const auditEntrySchema = z.object({
  auditId: z.number().int(),
  at: z.string(),
  /** Who acted; null for the command line and for failed sign-ins. */
  username: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const auditListSchema = z.object({
  entries: z.array(auditEntrySchema),
  total: z.number().int(),
});

export const auditRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/audit',
    summary: 'The audit log, newest first',
    tag: 'audit',
    roles: ['admin'],
    query: auditQuerySchema,
    response: auditListSchema,
  }),
};
