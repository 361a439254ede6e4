import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  validateInput,
  type ApiIssue,
  type Locale,
  type RouteBody,
  type RouteContract,
  type RouteParams,
  type RouteQuery,
  type RouteResponseInput,
} from '@retail-value/core';
import type { AppEnv, SessionState } from '../app-env.js';
import { HttpProblem } from './http-problem.js';
import { requireRole } from './require-role.js';

export interface RouteInput<R extends RouteContract> {
  readonly c: Context<AppEnv>;
  readonly body: RouteBody<R>;
  readonly query: RouteQuery<R>;
  readonly params: RouteParams<R>;
  /** Always present on non-public routes: the session middleware has already turned strangers away. */
  readonly session: R extends { readonly public: true } ? SessionState | undefined : SessionState;
}

export type RouteHandler<R extends RouteContract> = (input: RouteInput<R>) => Promise<RouteResponseInput<R>>;

/** A download route's handler answers with the file itself. */
export type DownloadHandler<R extends RouteContract> = (input: RouteInput<R>) => Promise<Response>;

/** An upload route's handler gets the file beside the validated form fields (`body`). */
export type UploadHandler<R extends RouteContract> = (input: RouteInput<R> & { readonly file: File }) => Promise<RouteResponseInput<R>>;

/** Room for the multipart boundaries and the text fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(413, 'upload.too_large', { params: { limit: Math.round(maxBytes / (1024 * 1024)) } });
}

function validate(schema: RouteContract['response'], value: unknown, part: 'body' | 'query' | 'params', locale: Locale): unknown {
  const result = validateInput(schema, value, locale);
  if (result.ok) return result.value;
  const issues: ApiIssue[] = result.problems.map((problem) => ({
    code: problem.code,
    message: problem.message,
    path: [part, ...problem.path].join('.'),
  }));
  throw new HttpProblem(400, 'http.invalid_request', { issues });
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpProblem(400, 'http.invalid_json');
  }
}

/**
 * Mounts routes declared in the contract and remembers them for the
 * OpenAPI document. Each route gets its role guard and its input validated
 * against the contract before the handler runs; the handler returns the
 * response body.
 */
export class ApiRouter {
  readonly #app: Hono<AppEnv>;
  readonly #routes: RouteContract[] = [];

  constructor(app: Hono<AppEnv>) {
    this.#app = app;
  }

  get routes(): readonly RouteContract[] {
    return this.#routes;
  }

  /** Whether `method path` is a route callable without a session. */
  isPublic(method: string, path: string): boolean {
    return this.#routes.some((route) => route.public === true && route.method === method && route.path === path);
  }

  add<R extends RouteContract>(route: R, handler: RouteHandler<R>): void {
    this.#mount(route, async (c) => {
      const result = await handler(await this.#input(route, c, route.body === undefined ? undefined : await readJson(c)));
      return c.json(result as object, route.status ?? 200);
    });
  }

  /** A route whose answer is a file (`route.download`): the handler builds the response. */
  addDownload<R extends RouteContract>(route: R, handler: DownloadHandler<R>): void {
    if (route.download === undefined) throw new Error(`${route.method} ${route.path} is not a download route`);
    this.#mount(route, async (c) => handler(await this.#input(route, c, undefined)));
  }

  /**
   * A multipart/form-data route (`route.upload`): the body is refused past the
   * size limit before it is read whole (413 upload.too_large), the text fields
   * are validated against `route.body`, and the handler gets the file.
   */
  addUpload<R extends RouteContract>(route: R, handler: UploadHandler<R>): void {
    const upload = route.upload;
    if (upload === undefined) throw new Error(`${route.method} ${route.path} is not an upload route`);
    const limit = bodyLimit({
      maxSize: upload.maxBytes + MULTIPART_OVERHEAD_BYTES,
      onError: () => {
        throw tooLarge(upload.maxBytes);
      },
    });
    this.#mount(
      route,
      async (c) => {
        const form = await c.req.parseBody().catch(() => {
          throw new HttpProblem(400, 'upload.missing_file', { params: { field: upload.field } });
        });
        const file = form[upload.field];
        if (!(file instanceof File)) throw new HttpProblem(400, 'upload.missing_file', { params: { field: upload.field } });
        if (file.size > upload.maxBytes) throw tooLarge(upload.maxBytes);
        const fields = Object.fromEntries(Object.entries(form).filter(([name, value]) => name !== upload.field && typeof value === 'string'));
        const input = await this.#input(route, c, fields);
        const result = await handler({ ...input, file });
        return c.json(result as object, route.status ?? 200);
      },
      limit,
    );
  }

  async #input<R extends RouteContract>(route: R, c: Context<AppEnv>, rawBody: unknown): Promise<RouteInput<R>> {
    const locale = c.get('locale');
    const params = route.params === undefined ? undefined : validate(route.params, c.req.param(), 'params', locale);
    const query = route.query === undefined ? undefined : validate(route.query, c.req.query(), 'query', locale);
    const body = route.body === undefined ? undefined : validate(route.body, rawBody, 'body', locale);
    return { c, params, query, body, session: c.get('session') } as RouteInput<R>;
  }

  /** Registers the route: role guard first, then any extra middleware, then the endpoint. */
  #mount(route: RouteContract, endpoint: (c: Context<AppEnv>) => Promise<Response>, ...middleware: MiddlewareHandler<AppEnv>[]): void {
    this.#routes.push(route);
    const guard = route.roles === undefined ? [] : [requireRole(...route.roles)];
    const handlers: MiddlewareHandler<AppEnv>[] = [...guard, ...middleware, endpoint];
    this.#app.on(route.method, [route.path], ...handlers);
  }
}
