import { parseLocale, type Locale } from '@retail-value/core';

/**
 * The language to answer in: `?lang=` if given, else the first language in
 * Accept-Language (by q) that the product speaks, else Chinese.
 */
export function requestLocale(langParameter: string | undefined, acceptLanguage: string | undefined): Locale {
  if (langParameter !== undefined && langParameter !== '') return parseLocale(langParameter);
  if (acceptLanguage === undefined) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const quality = attributes.map((attribute) => attribute.trim()).find((attribute) => attribute.startsWith('q='));
      return { tag: tag.toLowerCase(), q: quality === undefined ? 1 : Number(quality.slice(2)), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const spoken = ranked.find((entry) => entry.tag === 'en' || entry.tag.startsWith('en-') || entry.tag.startsWith('zh'));
  return spoken === undefined ? 'zh-CN' : parseLocale(spoken.tag);
}
