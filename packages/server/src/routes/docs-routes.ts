import { docsRoutes, openApiDocument } from '@retail-value/core';
import type { ApiRouter } from '../http/api-router.js';

/** Describes whatever the router holds when asked, so every module's routes appear. */
export function registerDocsRoutes(api: ApiRouter): void {
  api.add(docsRoutes.openApi, async () =>
    openApiDocument(api.routes, {
      title: 'Retail Value API（零售客户价值管理系统）',
      version: '1',
      description: 'Sign in with POST /api/auth/login; send the returned csrfToken as X-CSRF-Token on every POST, PUT, PATCH and DELETE.',
    }),
  );
}
