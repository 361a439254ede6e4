import type { Locale } from './locale.js';

/** A text the user sees, in both product languages. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
