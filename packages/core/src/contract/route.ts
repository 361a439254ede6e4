import { z } from 'zod';
import type { Role } from '../accounts/role.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One endpoint, declared once: the server mounts and validates it, the web
 * client calls it, the OpenAPI document describes it. `path` uses `:name`
 * placeholders (`/api/runs/:runId`).
 */
export interface RouteContract {
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  /** Groups endpoints in the API documentation. */
  readonly tag: string;
  /** Roles allowed to call it; absent means every signed-in user. */
  readonly roles?: readonly Role[];
  /** Callable without a session (sign-in, documentation). */
  readonly public?: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /**
   * The answer is a file of one of these media types (an export), not JSON;
   * `response` is then `fileResponseSchema`. The browser fetches it by its address.
   */
  readonly download?: { readonly mediaTypes: readonly string[] };
  /**
   * The request is multipart/form-data carrying one file in `field` (at most
   * `maxBytes`) beside the text fields `body` validates.
   */
  readonly upload?: { readonly field: string; readonly maxBytes: number };
  /** Success status; 200 unless the route creates something (201) or starts background work (202). */
  readonly status?: 200 | 201 | 202;
  /**
   * Error statuses particular to this route, with what they mean. The ones
   * every route shares (400 bad input, 401 no session, 403 role or CSRF) are
   * derived from the other fields.
   */
  readonly errors?: Readonly<Record<number, string>>;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/** The `response` of a download route: the body is the file itself. */
export const fileResponseSchema = z.instanceof(Uint8Array);

export function defineRoute<const R extends RouteContract>(route: R): R {
  return Object.freeze(route);
}

type Part<R, K extends string> = R extends { readonly [key in K]: infer S extends z.ZodType } ? S : undefined;
type Input<S> = S extends z.ZodType ? z.input<S> : undefined;
type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends. */
export type RouteBodyInput<R extends RouteContract> = Input<Part<R, 'body'>>;
export type RouteQueryInput<R extends RouteContract> = Input<Part<R, 'query'>>;
export type RouteParamsInput<R extends RouteContract> = Input<Part<R, 'params'>>;
/** What a handler receives after validation. */
export type RouteBody<R extends RouteContract> = Output<Part<R, 'body'>>;
export type RouteQuery<R extends RouteContract> = Output<Part<R, 'query'>>;
export type RouteParams<R extends RouteContract> = Output<Part<R, 'params'>>;
/** What a handler returns, and what the caller gets after parsing. */
export type RouteResponseInput<R extends RouteContract> = z.input<R['response']>;
export type RouteResponse<R extends RouteContract> = z.output<R['response']>;

/** Fills `:name` placeholders, encoding each value. */
export function routePath(path: string, params: Readonly<Record<string, string | number>> = {}): string {
  return path.replace(/:(\w+)/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
