import { useCallback } from 'react';
import { t as coreMessage, type LocalizedText } from '@retail-value/core';
import { useI18n } from './i18n-context.js';

export interface CoreText {
  /** A message of the core catalog (cells, stages, churn reasons, markets, formats), shared with the CLI and the exports. */
  readonly term: (key: string, params?: Readonly<Record<string, string | number>>) => string;
  /** The same as a label on its own: the core words terms for running text, so English labels get a capital. */
  readonly label: (key: string) => string;
  /** A name stored with a scheme or run, in the current language (as a label: English with a capital). */
  readonly named: (text: LocalizedText | null | undefined, fallback: string) => string;
}

export function useCoreText(): CoreText {
  const { locale } = useI18n();
  const term = useCallback((key: string, params: Readonly<Record<string, string | number>> = {}) => coreMessage(locale, key, params), [locale]);
  const label = useCallback(
    (key: string) => {
      const text = coreMessage(locale, key);
      return locale === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    },
    [locale],
  );
  const named = useCallback(
    (text: LocalizedText | null | undefined, fallback: string) => {
      const found = text?.[locale] ?? fallback;
      return locale === 'en' ? found.charAt(0).toUpperCase() + found.slice(1) : found;
    },
    [locale],
  );
  return { term, label, named };
}
