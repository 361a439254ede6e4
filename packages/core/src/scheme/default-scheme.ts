import type { LocalizedText } from '../i18n/localized.js';
import type { SchemeInput } from './scheme-schema.js';
import { CELL_STRATEGIES, COMMON_ITEMS, LIFECYCLE_STRATEGIES } from './preset-strategies.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

const INDICATORS: SchemeInput['indicators'] = [
  { code: 'sales_volume', normalization: { method: 'minmax', winsor: [0.01, 0.99] }, scope: 'market' },
  { code: 'gross_profit', normalization: { method: 'minmax', winsor: [0.01, 0.99] }, scope: 'market' },
  { code: 'avg_carton_price', normalization: { method: 'minmax', winsor: [0.01, 0.99] }, scope: 'market' },
  { code: 'class12_share', normalization: { method: 'percentile' }, scope: 'market' },
  {
    code: 'order_rate',
    normalization: {
      method: 'piecewise',
      points: [
        { min: 0.95, score: 100 },
        { min: 0.85, score: 85 },
        { min: 0.7, score: 70 },
        { min: 0.5, score: 50 },
      ],
      otherwise: 30,
    },
  },
  { code: 'fill_rate', normalization: { method: 'target', target: 1, cap: 100 } },
  { code: 'feedback_timeliness', normalization: { method: 'target', target: 1, cap: 100 } },
  { code: 'promotion_participation', normalization: { method: 'target', target: 1, cap: 100 } },
  { code: 'new_product_display_rate', normalization: { method: 'minmax', winsor: [0, 1] } },
  { code: 'credit_grade', normalization: { method: 'target', target: 100, cap: 100 }, missing: 60 },
  {
    code: 'violation_count',
    normalization: { method: 'piecewise', points: [{ min: 3, score: 0 }, { min: 2, score: 40 }, { min: 1, score: 70 }], otherwise: 100 },
    missing: 100,
  },
  { code: 'order_stability', normalization: { method: 'minmax', winsor: [0.05, 0.95] }, scope: 'market' },
  { code: 'tenure', normalization: { method: 'minmax', winsor: [0, 0.95] } },
  { code: 'sku_breadth', normalization: { method: 'percentile' }, scope: 'format' },
  { code: 'trade_area_level', normalization: { method: 'target', target: 100, cap: 100 } },
  { code: 'social_influence', normalization: { method: 'target', target: 100, cap: 100 } },
  { code: 'modern_terminal', normalization: { method: 'target', target: 100, cap: 100 } },
  { code: 'business_area', normalization: { method: 'percentile' }, scope: 'format' },
  { code: 'volume_growth', normalization: { method: 'zscore', clip: 3 }, scope: 'market' },
  { code: 'amount_growth', normalization: { method: 'zscore', clip: 3 }, scope: 'market' },
  { code: 'structure_upgrade', normalization: { method: 'zscore', clip: 3 }, scope: 'market' },
  { code: 'operating_skill', normalization: { method: 'target', target: 100, cap: 100 } },
  { code: 'lifetime_value', normalization: { method: 'percentile' }, scope: 'market' },
];

const DIMENSIONS: SchemeInput['dimensions'] = [
  { code: 'contribution', indicators: ['sales_volume', 'gross_profit', 'avg_carton_price', 'class12_share'] },
  { code: 'support', indicators: ['order_rate', 'fill_rate', 'feedback_timeliness', 'promotion_participation', 'new_product_display_rate'] },
  { code: 'credit', indicators: ['credit_grade', 'violation_count'] },
  { code: 'loyalty', indicators: ['order_stability', 'tenure', 'sku_breadth'] },
  { code: 'influence', indicators: ['trade_area_level', 'social_influence', 'modern_terminal', 'business_area'] },
  { code: 'growth', indicators: ['volume_growth', 'amount_growth', 'structure_upgrade', 'operating_skill', 'lifetime_value'] },
];

/** The current-side dimensions compared pairwise (AHP); CR ≈ 0.004. */
const CURRENT_AHP = {
  method: 'ahp' as const,
  order: ['contribution', 'support', 'credit', 'loyalty'],
  matrices: [
    [
      [1, 2, 3, 3],
      ['1/2', 1, 2, 2],
      ['1/3', '1/2', 1, 1],
      ['1/3', '1/2', 1, 1],
    ],
  ],
};

function weightSet(market: 'urban' | 'rural'): SchemeInput['weights']['sets'][string] {
  const urban = market === 'urban';
  return {
    sides: { method: 'direct', values: { current: 0.6, potential: 0.4 } },
    dimensions: {
      current: CURRENT_AHP,
      potential: { method: 'direct', values: urban ? { influence: 0.5, growth: 0.5 } : { influence: 0.4, growth: 0.6 } },
    },
    indicators: {
      // Rural sales are mostly low-price cigarettes, so gross profit and structure weigh less there.
      contribution: {
        method: 'direct',
        values: urban
          ? { sales_volume: 0.3, gross_profit: 0.35, avg_carton_price: 0.2, class12_share: 0.15 }
          : { sales_volume: 0.45, gross_profit: 0.25, avg_carton_price: 0.2, class12_share: 0.1 },
      },
      support: {
        method: 'direct',
        values: { order_rate: 0.35, fill_rate: 0.2, feedback_timeliness: 0.15, promotion_participation: 0.15, new_product_display_rate: 0.15 },
      },
      credit: { method: 'direct', values: { credit_grade: 0.6, violation_count: 0.4 } },
      loyalty: { method: 'direct', values: { order_stability: 0.5, tenure: 0.25, sku_breadth: 0.25 } },
      influence: {
        method: 'direct',
        values: urban
          ? { trade_area_level: 0.3, social_influence: 0.3, modern_terminal: 0.2, business_area: 0.2 }
          : { trade_area_level: 0.3, social_influence: 0.4, modern_terminal: 0.1, business_area: 0.2 },
      },
      // Growth weights blend the analysts' view with the data's (CRITIC), α = 0.5.
      growth: {
        method: 'combined',
        alpha: 0.5,
        subjective: { method: 'direct', values: { volume_growth: 0.25, amount_growth: 0.2, structure_upgrade: 0.15, operating_skill: 0.15, lifetime_value: 0.25 } },
        objective: 'critic',
      },
    },
  };
}

/**
 * The default scheme, modelled on the textbook case: current and potential
 * value, the four value-matrix cells split at the medians, 核心/重要/常规
 * service classes with a credit gate on 核心, and separate urban and rural
 * weights.
 */
export const DEFAULT_SCHEME: SchemeInput = {
  schemaVersion: 1,
  id: 'default',
  name: t('默认评价方案（核心/重要/常规）', 'Default scheme (core / important / regular)'),
  description: t(
    '当前价值（贡献度、支持度、信用度、忠诚度）与潜在价值（影响力、成长度），城乡分设权重，按中位数划分价值矩阵，核心类须信用 AA 及以上。',
    'Current value (contribution, support, credit, loyalty) and potential value (influence, growth), separate urban and rural weights, value matrix split at the medians, core class requires credit AA or better.',
  ),
  windowWeeks: 13,
  indicators: INDICATORS,
  dimensions: DIMENSIONS,
  weights: { segmentBy: 'market', sets: { urban: weightSet('urban'), rural: weightSet('rural') } },
  valueMatrix: { current: { method: 'median', scope: 'all' }, potential: { method: 'median', scope: 'all' } },
  serviceClasses: {
    scope: 'all',
    classes: [
      { code: 'core', name: t('核心类', 'core'), quota: 0.15, minCreditGrade: 'AA' },
      { code: 'important', name: t('重要类', 'important'), quota: 0.35 },
      { code: 'regular', name: t('常规类', 'regular') },
    ],
  },
  awards: [
    {
      code: 'star',
      name: t('星级客户', 'star customer'),
      classes: ['core'],
      minCreditGrade: 'AA',
      periods: 2,
      noViolations: true,
      rewards: [
        t('星级客户授牌与宣传', 'a star-customer plaque and publicity'),
        t('新品优先投放', 'priority allocation of new products'),
        t('免费陈列升级', 'a free display upgrade'),
      ],
    },
  ],
  strategies: {
    commonItems: [...COMMON_ITEMS],
    cells: CELL_STRATEGIES,
    lifecycle: LIFECYCLE_STRATEGIES,
    classes: {
      core: {
        goal: t('巩固：优化经营结构、深化品牌培育、规范管理、巩固合作', 'consolidate: better operating structure, deeper brand cultivation, standard management, firmer cooperation'),
        personalItems: [
          t('月度经营分析指导书', 'a monthly operating analysis report'),
          t('品牌培育与新品首发', 'brand cultivation and new-product launches'),
          t('增值服务优先（陈列升级、培训）', 'priority value-added services (display upgrades, training)'),
        ],
        visitFrequency: 'weekly',
      },
      important: {
        goal: t('培育：提升销售能力，加强数据分析与管理，帮助成长', 'cultivate: stronger selling, data analysis and management, help the customer grow'),
        personalItems: [
          t('销售数据分析与订货建议', 'sales data analysis and ordering advice'),
          t('品类结构优化建议', 'category mix advice'),
        ],
        visitFrequency: 'biweekly',
      },
      regular: {
        goal: t('引导与规范：满足基本需求，维护终端形象，引导守法经营', 'guide and standardise: meet basic needs, keep the storefront tidy, guide lawful operation'),
        personalItems: [t('基本货源保障', 'basic supply assurance'), t('终端形象维护指导', 'storefront upkeep guidance')],
        visitFrequency: 'monthly',
      },
    },
  },
};
