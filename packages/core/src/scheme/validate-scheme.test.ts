import { describe, expect, it } from 'vitest';
import { formatIssue } from '../issues/issue.js';
import { INDICATOR_LIBRARY } from '../indicators/indicator-library.js';
import { DIMENSIONS } from '../indicators/dimensions.js';
import { MEASURE_CODES } from '../indicators/measures.js';
import { parseFormula } from '../formula/parse-formula.js';
import { DEFAULT_SCHEME } from './default-scheme.js';
import { CORE_GENERAL_PROBLEM_SCHEME } from './preset-core-general-problem.js';
import type { SchemeInput } from './scheme-schema.js';
import { validateScheme } from './validate-scheme.js';

const clone = (scheme: SchemeInput): SchemeInput => JSON.parse(JSON.stringify(scheme)) as SchemeInput;

describe('indicator library', () => {
  it('has at least 25 indicators covering every dimension, each formula valid', () => {
    expect(INDICATOR_LIBRARY.length).toBeGreaterThanOrEqual(25);
    for (const dimension of DIMENSIONS) expect(INDICATOR_LIBRARY.some((indicator) => indicator.dimension === dimension)).toBe(true);
    for (const indicator of INDICATOR_LIBRARY) expect(() => parseFormula(indicator.formula, MEASURE_CODES)).not.toThrow();
    expect(new Set(INDICATOR_LIBRARY.map((indicator) => indicator.code)).size).toBe(INDICATOR_LIBRARY.length);
  });
});

describe('validateScheme', () => {
  it('accepts both presets and resolves the AHP weights of the default', () => {
    const result = validateScheme(DEFAULT_SCHEME);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.weightSets.map((set) => set.segment)).toEqual(['urban', 'rural']);
    const current = result.plan.weightSets[0]!.dimensions.current;
    expect(current.subjective?.ahp?.cr).toBeLessThan(0.1);
    expect(current.subjective?.weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
    // contribution was judged 2× support and 3× credit and loyalty: the largest weight
    expect(current.subjective?.weights[0]).toBeGreaterThan(0.4);
    expect(validateScheme(CORE_GENERAL_PROBLEM_SCHEME).ok).toBe(true);
  });

  it('rejects an inconsistent AHP matrix and shows its CR', () => {
    const scheme = clone(DEFAULT_SCHEME);
    const urban = scheme.weights.sets['urban']!;
    urban.dimensions.current = {
      method: 'ahp',
      order: ['contribution', 'support', 'credit', 'loyalty'],
      matrices: [
        [
          [1, 9, '1/9', 1],
          ['1/9', 1, 9, 1],
          [9, '1/9', 1, 1],
          [1, 1, 1, 1],
        ],
      ],
    };
    const result = validateScheme(scheme);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.issues.find((item) => item.code === 'scheme.ahp_inconsistent');
    expect(Number(found?.params?.cr)).toBeGreaterThanOrEqual(0.1);
    expect(formatIssue(found!, 'zh-CN')).toMatch(/CR = \d\.\d{4} ≥ 0\.1/);
  });

  it('compiles user-defined indicators and reports formula errors with their position', () => {
    const scheme = clone(DEFAULT_SCHEME);
    scheme.customIndicators = [
      { code: 'profit_per_visit', name: { 'zh-CN': '单次毛利', en: 'profit per order' }, dimension: 'contribution', direction: 'benefit', formula: 'gross_profit / order_count' },
    ];
    scheme.indicators.push({ code: 'profit_per_visit' });
    scheme.dimensions[0]!.indicators.push('profit_per_visit');
    for (const set of Object.values(scheme.weights.sets)) {
      const spec = set.indicators.contribution!;
      if (spec.method === 'direct') spec.values['profit_per_visit'] = 0.1;
    }
    expect(validateScheme(scheme).ok).toBe(true);
    scheme.customIndicators[0]!.formula = 'gross_profit / (order_count';
    const result = validateScheme(scheme);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'formula.unexpected_end', params: { code: 'profit_per_visit' } });
  });

  it('names what is wrong in the shape, in both languages', () => {
    const scheme = clone(DEFAULT_SCHEME) as unknown as Record<string, unknown>;
    scheme['windowWeeks'] = 'thirteen';
    const result = validateScheme(scheme);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.params?.path).toBe('windowWeeks');
    expect(formatIssue(result.issues[0]!, 'en')).toContain('windowWeeks');
  });

  it('trims texts and treats a text of only spaces as missing', () => {
    const spaced = clone(DEFAULT_SCHEME);
    const firstClass = spaced.serviceClasses.classes[0]!;
    (firstClass as { name: { 'zh-CN': string; en: string } }).name = { 'zh-CN': '  核心类 ', en: 'Core ' };
    const trimmed = validateScheme(spaced);
    expect(trimmed.ok).toBe(true);
    if (trimmed.ok) expect(trimmed.scheme.serviceClasses.classes[0]?.name).toEqual({ 'zh-CN': '核心类', en: 'Core' });
    const blank = clone(DEFAULT_SCHEME);
    (blank.serviceClasses.classes[0] as { name: { 'zh-CN': string; en: string } }).name = { 'zh-CN': '　 ', en: 'Core' };
    const result = validateScheme(blank);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.params?.path).toBe('serviceClasses.classes.0.name.zh-CN');
  });

  it('checks weights, classes and strategies against the grouping', () => {
    const scheme = clone(DEFAULT_SCHEME);
    const urban = scheme.weights.sets['urban']!;
    urban.indicators.credit = { method: 'direct', values: { credit_grade: 1 } };
    scheme.serviceClasses.classes[1]!.quota = 0.95;
    delete (scheme.strategies.classes as Record<string, unknown>)['regular'];
    const result = validateScheme(scheme);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((item) => item.code).sort()).toEqual(['scheme.class_quota_total', 'scheme.strategy_missing', 'scheme.weights_children']);
  });
});
