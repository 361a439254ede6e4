/** Locales the product speaks: Chinese first, English second. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function parseLocale(value: string | undefined): Locale {
  if (value === undefined) return 'zh-CN';
  const lower = value.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return 'zh-CN';
}

/**
 * A message catalog for one area of the product. zh-CN is the source; the en
 * table must carry exactly the same keys (checked by the compiler here and by
 * the parity test).
 */
export type Catalog<K extends string> = { readonly 'zh-CN': Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> };

export function defineCatalog<K extends string>(zh: Readonly<Record<K, string>>, en: Readonly<Record<NoInfer<K>, string>>): Catalog<K> {
  return Object.freeze({ 'zh-CN': Object.freeze(zh), en: Object.freeze(en) });
}
