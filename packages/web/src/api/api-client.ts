import {
  CSRF_HEADER,
  errorResponseSchema,
  routePath,
  type Locale,
  type RouteBodyInput,
  type RouteContract,
  type RouteQueryInput,
  type RouteResponse,
} from '@retail-value/core';
import { ApiError } from './api-error.js';

export interface CallInput<R extends RouteContract> {
  readonly params?: Readonly<Record<string, string | number>>;
  readonly query?: RouteQueryInput<R>;
  readonly body?: RouteBodyInput<R>;
  /** For an upload route (`route.upload`): the file and the text fields, sent as multipart/form-data. */
  readonly form?: FormData;
}

export type ApiCall = <R extends RouteContract>(route: R, input?: CallInput<R>) => Promise<RouteResponse<R>>;

export interface ApiClientOptions {
  readonly locale: () => Locale;
  readonly csrfToken: () => string | undefined;
  /** Called when the session is gone (expired, signed out elsewhere). */
  readonly onUnauthorized: () => void;
  /** Text for when the server cannot be reached. */
  readonly networkError: () => string;
}

function queryString(query: object | undefined): string {
  if (query === undefined) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(name, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Calls a contract route: same-origin cookie, the CSRF header on anything
 * that changes state, answers in the user's language, and the response
 * checked against the contract's schema.
 */
export function createApiClient(options: ApiClientOptions): ApiCall {
  return async (route, input = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': options.locale() };
    const token = options.csrfToken();
    if (route.method !== 'GET' && token !== undefined) headers[CSRF_HEADER] = token;
    const init: RequestInit = { method: route.method, headers, credentials: 'same-origin' };
    if (input.form !== undefined) {
      // The browser sets the multipart Content-Type with its boundary.
      init.body = input.form;
    } else if (input.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(input.body);
    }
    let response: Response;
    try {
      response = await fetch(routePath(route.path, input.params) + queryString(input.query ?? undefined), init);
    } catch {
      throw new ApiError(0, 'network', options.networkError());
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      if (response.status === 401 && route.public !== true) options.onUnauthorized();
      const parsed = errorResponseSchema.safeParse(payload);
      if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues);
      throw new ApiError(response.status, 'http', `HTTP ${response.status}`);
    }
    return route.response.parse(payload) as RouteResponse<typeof route>;
  };
}
