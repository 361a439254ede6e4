import type { LocalizedText } from '../i18n/localized.js';

/** The two value sides (DOMAIN §3): today's profit and what the customer could become. */
export const VALUE_SIDES = ['current', 'potential'] as const;
export type ValueSide = (typeof VALUE_SIDES)[number];

export const SIDE_NAMES: Readonly<Record<ValueSide, LocalizedText>> = Object.freeze({
  current: { 'zh-CN': '当前价值', en: 'current value' },
  potential: { 'zh-CN': '潜在价值', en: 'potential value' },
});

export const DIMENSIONS = ['contribution', 'support', 'credit', 'loyalty', 'influence', 'growth'] as const;
export type DimensionCode = (typeof DIMENSIONS)[number];

export interface DimensionInfo {
  readonly code: DimensionCode;
  readonly side: ValueSide;
  readonly name: LocalizedText;
}

export const DIMENSION_INFO: Readonly<Record<DimensionCode, DimensionInfo>> = Object.freeze({
  contribution: { code: 'contribution', side: 'current', name: { 'zh-CN': '贡献度', en: 'contribution' } },
  support: { code: 'support', side: 'current', name: { 'zh-CN': '支持度', en: 'support' } },
  credit: { code: 'credit', side: 'current', name: { 'zh-CN': '信用度', en: 'credit' } },
  loyalty: { code: 'loyalty', side: 'current', name: { 'zh-CN': '忠诚度', en: 'loyalty' } },
  influence: { code: 'influence', side: 'potential', name: { 'zh-CN': '影响力', en: 'influence' } },
  growth: { code: 'growth', side: 'potential', name: { 'zh-CN': '成长度', en: 'growth' } },
});
