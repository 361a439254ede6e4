import type { Locale } from '@retail-value/core';

const LOCALE_TAG: Readonly<Record<Locale, string>> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** A count with the locale's digit grouping: 12,345. */
export function formatCount(value: number, locale: Locale): string {
  return value.toLocaleString(LOCALE_TAG[locale]);
}

/** part ÷ whole as a percentage with one decimal; "—" when the whole is empty. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

/** A share already computed (0–1), as a percentage with one decimal; "—" when absent. */
export function formatRatio(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? '—' : `${(100 * ratio).toFixed(1)}%`;
}

/** A score or weight with a fixed number of decimals; "—" when absent. */
export function formatFixed(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(decimals);
}

/** A signed change: +1.25 / −0.40. */
export function formatSigned(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = Math.abs(value).toFixed(decimals);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
