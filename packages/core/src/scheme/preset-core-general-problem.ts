import type { LocalizedText } from '../i18n/localized.js';
import type { SchemeInput } from './scheme-schema.js';
import { DEFAULT_SCHEME } from './default-scheme.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * A second preset: 核心 / 一般 / 问题 classes. Core customers are the top
 * fifth by composite score with credit AA or better; problem customers score
 * below 40; the value matrix splits at the means; one weight set for all.
 */
export const CORE_GENERAL_PROBLEM_SCHEME: SchemeInput = {
  ...DEFAULT_SCHEME,
  id: 'core-general-problem',
  name: t('核心/一般/问题客户方案', 'Core / general / problem scheme'),
  description: t(
    '全体客户一套权重，价值矩阵按均值划分；综合得分前 20% 且信用 AA 及以上为核心客户，40 分以下为问题客户。',
    'One weight set for all customers, value matrix split at the means; the top 20 % by composite score with credit AA or better are core customers, those below 40 points problem customers.',
  ),
  weights: { segmentBy: 'none', sets: { all: (DEFAULT_SCHEME.weights.sets as Record<string, SchemeInput['weights']['sets'][string]>)['urban'] as SchemeInput['weights']['sets'][string] } },
  valueMatrix: { current: { method: 'mean', scope: 'all' }, potential: { method: 'mean', scope: 'all' } },
  serviceClasses: {
    scope: 'all',
    classes: [
      { code: 'core', name: t('核心客户', 'core'), minPercentile: 0.8, minCreditGrade: 'AA' },
      { code: 'general', name: t('一般客户', 'general'), minScore: 40 },
      { code: 'problem', name: t('问题客户', 'problem') },
    ],
  },
  strategies: {
    ...DEFAULT_SCHEME.strategies,
    classes: {
      core: DEFAULT_SCHEME.strategies.classes['core'] as SchemeInput['strategies']['classes'][string],
      general: {
        goal: t('稳定合作，逐步提升', 'keep the cooperation steady and improve step by step'),
        personalItems: [t('销售数据分析与订货建议', 'sales data analysis and ordering advice')],
        visitFrequency: 'biweekly',
      },
      problem: {
        goal: t('查找问题原因，规范经营或调整服务投入', 'find the causes, bring operations into line or adjust the service investment'),
        personalItems: [t('问题诊断与整改跟踪', 'problem diagnosis and follow-up of corrections'), t('满意度回访', 'a satisfaction follow-up call')],
        visitFrequency: 'monthly',
      },
    },
  },
};

export const PRESET_SCHEMES: readonly SchemeInput[] = [DEFAULT_SCHEME, CORE_GENERAL_PROBLEM_SCHEME];
