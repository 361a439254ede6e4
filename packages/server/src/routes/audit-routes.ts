import { auditRoutes } from '@retail-value/core';
import { listAudit } from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';

export function registerAuditRoutes(api: ApiRouter, deps: AppDeps): void {
  api.add(auditRoutes.list, async ({ query }) => listAudit(deps.db, query));
}
