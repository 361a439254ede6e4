import { z } from 'zod';
import { SESSION_COOKIE } from './auth.js';
import { errorResponseSchema } from './error.js';
import type { RouteContract } from './route.js';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

type JsonSchema = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const BINARY = { type: 'string', format: 'binary' };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
  }));
}

function errorResponse(description: string): JsonSchema {
  return { description, content: { 'application/json': { schema: ERROR_REF } } };
}

function operation(route: RouteContract): JsonSchema {
  const responses: Record<string, JsonSchema> = {
    [String(route.status ?? 200)]: {
      description: 'success',
      content:
        route.download === undefined
          ? { 'application/json': { schema: jsonSchema(route.response, 'output') } }
          : Object.fromEntries(route.download.mediaTypes.map((mediaType) => [mediaType, { schema: BINARY }])),
    },
  };
  const takesInput = route.body !== undefined || route.query !== undefined || route.params !== undefined;
  if (takesInput) responses['400'] = errorResponse('the request is invalid; `issues` says why');
  if (route.public !== true) {
    responses['401'] = errorResponse('no valid session');
    const changesState = route.method !== 'GET';
    if (route.roles !== undefined || changesState) {
      responses['403'] = errorResponse(
        [route.roles !== undefined ? 'the role may not call this' : '', changesState ? 'missing or wrong X-CSRF-Token' : '']
          .filter((reason) => reason !== '')
          .join('; '),
      );
    }
  }
  for (const [status, description] of Object.entries(route.errors ?? {})) responses[status] = errorResponse(description);

  const result: JsonSchema = {
    summary: route.summary,
    tags: [route.tag],
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    responses,
  };
  if (route.roles !== undefined) result.description = `Roles: ${route.roles.join(', ')}.`;
  if (route.public === true) result.security = [];
  if (route.upload !== undefined) {
    const fields = route.body === undefined ? { type: 'object', properties: {}, required: [] } : jsonSchema(route.body, 'input');
    const schema = {
      ...fields,
      properties: { ...(fields.properties as JsonSchema), [route.upload.field]: { ...BINARY, description: `at most ${route.upload.maxBytes} bytes` } },
      required: [...((fields.required ?? []) as string[]), route.upload.field],
    };
    result.requestBody = { required: true, content: { 'multipart/form-data': { schema } } };
  } else if (route.body !== undefined) {
    result.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
  }
  return result;
}

/**
 * The OpenAPI 3.1 description of `routes`, built from the same zod schemas
 * the server validates with (JSON Schema 2020-12 is OpenAPI 3.1's dialect).
 */
export function openApiDocument(routes: readonly RouteContract[], info: OpenApiInfo): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { Error: jsonSchema(errorResponseSchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'set by POST /api/auth/login' },
      },
    },
    security: [{ session: [] }],
  };
}
