import type { Context, Hono } from 'hono';
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
    this.#routes.push(route);
    const guard = route.roles === undefined ? undefined : requireRole(...route.roles);
    const endpoint = async (c: Context<AppEnv>) => {
      const locale = c.get('locale');
      const params = route.params === undefined ? undefined : validate(route.params, c.req.param(), 'params', locale);
      const query = route.query === undefined ? undefined : validate(route.query, c.req.query(), 'query', locale);
      const body = route.body === undefined ? undefined : validate(route.body, await readJson(c), 'body', locale);
      const result = await handler({ c, params, query, body, session: c.get('session') } as RouteInput<R>);
      return c.json(result as object, route.status ?? 200);
    };
    if (guard === undefined) this.#app.on(route.method, route.path, endpoint);
    else this.#app.on(route.method, route.path, guard, endpoint);
  }
}
