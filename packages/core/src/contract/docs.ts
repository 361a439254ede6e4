import { z } from 'zod';
import { defineRoute } from './route.js';

export const docsRoutes = {
  openApi: defineRoute({
    method: 'GET',
    path: '/api/docs',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'docs',
    public: true,
    response: z.record(z.string(), z.unknown()),
  }),
};
