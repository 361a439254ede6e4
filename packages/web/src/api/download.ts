import { useCallback } from 'react';
import { errorResponseSchema, routePath, type RouteContract, type RouteQueryInput } from '@retail-value/core';
import { useI18n } from '../i18n/i18n-context.js';
import { ApiError } from './api-error.js';

/** The file name the server chose (RFC 5987 `filename*` first), else `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (disposition === null) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

function queryString(query: object | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) search.set(name, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Fetches a download route (`route.download`) with the session cookie and
 * the user's language, and hands the file to the browser under the name
 * the server gave it. A refusal arrives as an ApiError with the server's
 * message, like any other call.
 */
export function useDownload(): <R extends RouteContract>(route: R, input?: { readonly params?: Readonly<Record<string, string | number>>; readonly query?: RouteQueryInput<R> }) => Promise<void> {
  const { locale, t } = useI18n();
  return useCallback(
    async (route, input = {}) => {
      let response: Response;
      try {
        response = await fetch(routePath(route.path, input.params) + queryString(input.query ?? undefined), {
          credentials: 'same-origin',
          headers: { 'Accept-Language': locale },
        });
      } catch {
        throw new ApiError(0, 'network', t('error.network'));
      }
      if (!response.ok) {
        const parsed = errorResponseSchema.safeParse(await response.json().catch(() => undefined));
        if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues);
        throw new ApiError(response.status, 'http', `HTTP ${response.status}`);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = attachmentName(response.headers.get('Content-Disposition'), 'export.xlsx');
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      // Give the browser a moment to start the download before the address goes away.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    [locale, t],
  );
}
