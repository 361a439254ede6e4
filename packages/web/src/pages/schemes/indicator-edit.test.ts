import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, formatIssue, validateScheme, type CustomIndicator, type Scheme, type WeightSpec } from '@retail-value/core';
import {
  addableIndicators,
  addCustomIndicator,
  addIndicator,
  customCodeProblem,
  formulaIssue,
  normalizationForMethod,
  removeIndicator,
  sortedPoints,
  specWithChild,
  specWithoutChild,
  updateCustomIndicator,
  withChoice,
} from './indicator-edit.js';
import { equalMatrix } from './pairwise.js';
import { withSpec } from './scheme-edit.js';

function defaultScheme(): Scheme {
  const validation = validateScheme(DEFAULT_SCHEME);
  if (!validation.ok) throw new Error('the default scheme should be valid');
  return validation.scheme;
}

function edited(outcome: ReturnType<typeof addIndicator>): Scheme {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome.scheme;
}

const sum = (values: Readonly<Record<string, number>>): number => Object.values(values).reduce((total, value) => total + value, 0);

describe('adding and removing indicators', () => {
  it('offers unused library indicators of the dimensions the scheme has', () => {
    const scheme = defaultScheme();
    const codes = addableIndicators(scheme).map((definition) => definition.code);
    expect(codes).toContain('satisfaction');
    expect(codes).not.toContain('sales_volume');
    const contributionOnly = { ...scheme, dimensions: scheme.dimensions.filter((dimension) => dimension.code !== 'loyalty') };
    expect(addableIndicators(contributionOnly).map((definition) => definition.code)).not.toContain('satisfaction');
    expect(addIndicator(contributionOnly, 'satisfaction')).toEqual({ ok: false, reason: 'no_dimension' });
    expect(addIndicator(scheme, 'sales_volume')).toEqual({ ok: false, reason: 'used' });
    expect(addIndicator(scheme, 'no_such_indicator')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('adds to the dimension and to its direct weights in every segment, summing to 1', () => {
    const scheme = edited(addIndicator(defaultScheme(), 'satisfaction'));
    expect(scheme.dimensions.find((dimension) => dimension.code === 'loyalty')?.indicators).toEqual(['order_stability', 'tenure', 'sku_breadth', 'satisfaction']);
    expect(scheme.indicators.at(-1)).toEqual({ code: 'satisfaction', normalization: { method: 'minmax', winsor: [0.01, 0.99] }, scope: 'all', missing: 'median' });
    for (const segment of ['urban', 'rural']) {
      const spec = scheme.weights.sets[segment]?.indicators.loyalty;
      expect(spec?.method).toBe('direct');
      if (spec?.method !== 'direct') continue;
      // The newcomer gets the mean share of the three others (1/3), then all are renormalised.
      expect(spec.values).toEqual({ order_stability: 0.375, tenure: 0.1875, sku_breadth: 0.1875, satisfaction: 0.25 });
      expect(sum(spec.values)).toBeCloseTo(1, 9);
    }
  });

  it('gives back the original scheme when the added indicator is removed again', () => {
    const original = defaultScheme();
    for (const code of addableIndicators(original).map((definition) => definition.code)) {
      const added = edited(addIndicator(original, code));
      expect(edited(removeIndicator(added, code)), code).toEqual(original);
    }
  });

  it('keeps direct weights summing to 1 when an indicator is removed', () => {
    const scheme = edited(removeIndicator(defaultScheme(), 'fill_rate'));
    expect(scheme.indicators.some((choice) => choice.code === 'fill_rate')).toBe(false);
    const spec = scheme.weights.sets.urban?.indicators.support;
    expect(spec?.method === 'direct' ? spec.values : undefined).toEqual({ order_rate: 0.4375, feedback_timeliness: 0.1875, promotion_participation: 0.1875, new_product_display_rate: 0.1875 });
  });

  it('grows and shrinks every expert’s AHP matrix, also inside a blend', () => {
    const base = defaultScheme();
    const children = ['credit_grade', 'violation_count'];
    const ahp: WeightSpec = { method: 'ahp', order: children, matrices: [[[1, 3], ['1/3', 1]], [[1, 2], ['1/2', 1]]] };
    const scheme = withSpec(withSpec(base, 'urban', { kind: 'dimension', dimension: 'credit' }, ahp), 'rural', { kind: 'dimension', dimension: 'credit' }, { method: 'combined', alpha: 0.4, subjective: ahp as Extract<WeightSpec, { method: 'ahp' }>, objective: 'entropy' });
    const added = edited(addIndicator(scheme, 'default_count'));
    const urban = added.weights.sets.urban?.indicators.credit;
    const rural = added.weights.sets.rural?.indicators.credit;
    expect(urban).toEqual({
      method: 'ahp',
      order: ['credit_grade', 'violation_count', 'default_count'],
      matrices: [
        [[1, 3, 1], ['1/3', 1, 1], [1, 1, 1]],
        [[1, 2, 1], ['1/2', 1, 1], [1, 1, 1]],
      ],
    });
    expect(rural?.method === 'combined' ? [rural.alpha, rural.objective, rural.subjective] : undefined).toEqual([0.4, 'entropy', urban]);
    expect(edited(removeIndicator(added, 'default_count'))).toEqual(scheme);
    // Removing another one shrinks the matrices to the two left.
    const shrunk = edited(removeIndicator(added, 'credit_grade')).weights.sets.urban?.indicators.credit;
    expect(shrunk).toEqual({ method: 'ahp', order: ['violation_count', 'default_count'], matrices: [equalMatrix(2), equalMatrix(2)] });
  });

  it('leaves entropy and CRITIC levels alone', () => {
    expect(specWithChild({ method: 'critic' }, ['a'], 'b')).toEqual({ method: 'critic' });
    expect(specWithoutChild({ method: 'entropy' }, ['a', 'b'], 'b')).toEqual({ method: 'entropy' });
  });

  it('refuses to remove the last indicator of a dimension', () => {
    let scheme = edited(removeIndicator(defaultScheme(), 'violation_count'));
    expect(scheme.dimensions.find((dimension) => dimension.code === 'credit')?.indicators).toEqual(['credit_grade']);
    expect(removeIndicator(scheme, 'credit_grade')).toEqual({ ok: false, reason: 'last_in_dimension' });
    expect(removeIndicator(scheme, 'no_such_indicator')).toEqual({ ok: false, reason: 'unknown' });
    scheme = edited(addIndicator(scheme, 'default_count'));
    expect(scheme.weights.sets.urban?.indicators.credit).toEqual({ method: 'direct', values: { credit_grade: 0.5, default_count: 0.5 } });
  });
});

const profitPerVisit: CustomIndicator = {
  code: 'profit_per_visit',
  name: { 'zh-CN': '单笔毛利', en: 'gross profit per visit' },
  dimension: 'contribution',
  direction: 'benefit',
  unit: { 'zh-CN': '元', en: 'yuan' },
  formula: 'gross_profit / order_count',
};

describe('custom indicators', () => {
  it('checks formulas with the core parser, giving the position of an error', () => {
    expect(formulaIssue('gross_profit / order_count')).toBeUndefined();
    expect(formulaIssue('max(gross_profit, 0) / coalesce(order_count, 1)')).toBeUndefined();
    const unclosed = formulaIssue('gross_profit / (order_count');
    expect(unclosed).toMatchObject({ code: 'formula.unexpected_end', params: { position: 28 } });
    expect(formatIssue(unclosed!, 'zh-CN')).toBe('公式在第 28 个字符处意外结束');
    expect(formulaIssue('gross_profit / orders')).toMatchObject({ code: 'formula.unknown_name', params: { position: 16, token: 'orders' } });
    expect(formatIssue(formulaIssue('gross_profit / orders')!, 'en')).toBe('"orders" at character 16 is not a measure of the library');
  });

  it('wants a code of the schema’s form that nothing else uses', () => {
    const scheme = defaultScheme();
    expect(customCodeProblem(scheme, 'profit_per_visit')).toBeUndefined();
    expect(customCodeProblem(scheme, 'Profit')).toBe('pattern');
    expect(customCodeProblem(scheme, 'p')).toBe('pattern');
    expect(customCodeProblem(scheme, '单笔毛利')).toBe('pattern');
    expect(customCodeProblem(scheme, 'loyalty')).toBe('reserved');
    expect(customCodeProblem(scheme, 'composite')).toBe('reserved');
    expect(customCodeProblem(scheme, 'satisfaction')).toBe('library');
    expect(customCodeProblem(scheme, 'profit_per_order')).toBe('library');
    expect(customCodeProblem(edited(addCustomIndicator(scheme, profitPerVisit)), 'profit_per_visit')).toBe('used');
  });

  it('adds the definition and weighs it like a library indicator, and the core accepts the result', () => {
    const original = defaultScheme();
    const scheme = edited(addCustomIndicator(original, profitPerVisit));
    expect(scheme.customIndicators).toEqual([profitPerVisit]);
    expect(scheme.indicators.at(-1)).toEqual({ code: 'profit_per_visit', normalization: { method: 'minmax', winsor: [0.01, 0.99] }, scope: 'all', missing: 'median' });
    const contribution = original.dimensions.find((dimension) => dimension.code === 'contribution')!;
    expect(scheme.dimensions.find((dimension) => dimension.code === 'contribution')?.indicators).toEqual([...contribution.indicators, 'profit_per_visit']);
    // The same weights as when a library indicator joins the dimension.
    for (const segment of Object.keys(original.weights.sets)) {
      const before = original.weights.sets[segment]!.indicators.contribution!;
      expect(scheme.weights.sets[segment]?.indicators.contribution, segment).toEqual(specWithChild(before, contribution.indicators, 'profit_per_visit'));
    }
    const validation = validateScheme(scheme);
    expect(validation.ok ? [] : validation.issues).toEqual([]);
    if (!validation.ok) return;
    expect(validation.plan.indicators.find((indicator) => indicator.code === 'profit_per_visit')).toMatchObject({ custom: true, dimension: 'contribution', formulaText: 'gross_profit / order_count' });
    // Removing it takes its definition too, giving back the original scheme.
    expect(edited(removeIndicator(scheme, 'profit_per_visit'))).toEqual(original);
  });

  it('refuses a used code, a formula or shape the core rejects, and a dimension the scheme lacks', () => {
    const scheme = edited(addCustomIndicator(defaultScheme(), profitPerVisit));
    expect(addCustomIndicator(scheme, profitPerVisit)).toEqual({ ok: false, reason: 'used' });
    expect(addCustomIndicator(scheme, { ...profitPerVisit, code: 'sales_volume' })).toEqual({ ok: false, reason: 'used' });
    expect(addCustomIndicator(scheme, { ...profitPerVisit, code: 'other', formula: 'gross_profit / (order_count' })).toEqual({ ok: false, reason: 'invalid' });
    expect(addCustomIndicator(scheme, { ...profitPerVisit, code: 'Other' })).toEqual({ ok: false, reason: 'invalid' });
    expect(addCustomIndicator(scheme, { ...profitPerVisit, code: 'other', name: { 'zh-CN': '', en: 'other' } })).toEqual({ ok: false, reason: 'invalid' });
    const withoutGrowth = { ...scheme, dimensions: scheme.dimensions.filter((dimension) => dimension.code !== 'growth') };
    expect(addCustomIndicator(withoutGrowth, { ...profitPerVisit, code: 'other', dimension: 'growth' })).toEqual({ ok: false, reason: 'no_dimension' });
  });

  it('is checked by the core too: a code twice or a library code is rejected there', () => {
    const scheme = edited(addCustomIndicator(defaultScheme(), profitPerVisit));
    const twice = structuredClone(scheme);
    twice.customIndicators.push({ ...profitPerVisit, formula: 'amount / order_count' });
    twice.indicators.push({ code: 'profit_per_visit', normalization: { method: 'percentile' }, scope: 'all', missing: 'median' });
    const doubled = validateScheme(twice);
    expect(doubled.ok ? [] : doubled.issues.map((found) => found.code)).toContain('scheme.indicator_twice');
    const clash = structuredClone(scheme);
    clash.customIndicators[0] = { ...profitPerVisit, code: 'sales_volume' };
    const clashing = validateScheme(clash);
    expect(clashing.ok ? [] : clashing.issues.map((found) => found.code)).toContain('scheme.custom_clash');
  });
});

describe('editing a custom indicator in place', () => {
  const contributionOrder = ['sales_volume', 'gross_profit', 'avg_carton_price', 'class12_share', 'profit_per_visit'];
  /** A consistent pairwise matrix (importance 5 : 4 : 3 : 2 : 1 in that order). */
  const ahp: WeightSpec = {
    method: 'ahp',
    order: contributionOrder,
    matrices: [[5, 4, 3, 2, 1].map((row, i, all) => all.map((column, j) => (i === j ? 1 : `${row}/${column}`)))],
  };
  /** The default scheme with 单笔毛利 and a second custom indicator, the former scored by percentile within the format and weighed by AHP in the urban set. */
  function withCustoms(): Scheme {
    let scheme = edited(addCustomIndicator(defaultScheme(), profitPerVisit));
    scheme = edited(addCustomIndicator(scheme, { code: 'orders_per_week', name: { 'zh-CN': '周均订单', en: 'orders per week' }, dimension: 'loyalty', direction: 'benefit', formula: 'order_count / 13' }));
    scheme = withChoice(scheme, { code: 'profit_per_visit', normalization: { method: 'percentile' }, scope: 'format', missing: 'zero' });
    return withSpec(scheme, 'urban', { kind: 'dimension', dimension: 'contribution' }, ahp);
  }
  const changed: CustomIndicator = {
    code: 'profit_per_visit',
    name: { 'zh-CN': '单次订货毛利', en: 'gross profit per order' },
    dimension: 'contribution',
    direction: 'cost',
    formula: 'max(gross_profit, 0) / coalesce(order_count, 1)',
    definition: { 'zh-CN': '商业毛利除以订单数', en: 'gross profit divided by the number of orders' },
  };

  it('replaces the definition in its place and leaves weights, choices and dimensions as they were', () => {
    const scheme = withCustoms();
    expect(scheme.dimensions.find((dimension) => dimension.code === 'contribution')?.indicators).toEqual(contributionOrder);
    expect(scheme.weights.sets.urban?.indicators.contribution).toEqual(ahp);
    const before = structuredClone(scheme);
    const updated = edited(updateCustomIndicator(scheme, 'profit_per_visit', changed));
    // The input is not touched.
    expect(scheme).toEqual(before);
    // The new definition is stored (the unit it no longer has is gone), in the same place; the other custom indicator is as it was.
    expect(updated.customIndicators).toEqual([changed, before.customIndicators[1]]);
    expect(updated.customIndicators[0]).not.toHaveProperty('unit');
    // Everything else is the same, deep: indicator choices, dimensions (and the indicator's place in it), every weight set including the AHP matrix.
    expect(updated.indicators).toEqual(before.indicators);
    expect(updated.indicators.find((choice) => choice.code === 'profit_per_visit')).toEqual({ code: 'profit_per_visit', normalization: { method: 'percentile' }, scope: 'format', missing: 'zero' });
    expect(updated.dimensions).toEqual(before.dimensions);
    expect(updated.weights).toEqual(before.weights);
    expect({ ...updated, customIndicators: [] }).toEqual({ ...before, customIndicators: [] });
  });

  it('gives a scheme the core accepts and plans with the new formula and direction', () => {
    const updated = edited(updateCustomIndicator(withCustoms(), 'profit_per_visit', changed));
    const validation = validateScheme(updated);
    expect(validation.ok ? [] : validation.issues).toEqual([]);
    if (!validation.ok) return;
    expect(validation.plan.indicators.find((indicator) => indicator.code === 'profit_per_visit')).toMatchObject({
      custom: true,
      dimension: 'contribution',
      direction: 'cost',
      formulaText: 'max(gross_profit, 0) / coalesce(order_count, 1)',
    });
  });

  it('can be edited again and back: the original scheme comes back', () => {
    const scheme = withCustoms();
    const there = edited(updateCustomIndicator(scheme, 'profit_per_visit', changed));
    expect(edited(updateCustomIndicator(there, 'profit_per_visit', profitPerVisit))).toEqual(scheme);
  });

  it('refuses an unknown code, a changed code or dimension, and a definition or formula the core rejects', () => {
    const scheme = withCustoms();
    // Library indicators and codes the scheme does not have are not its own to edit.
    expect(updateCustomIndicator(scheme, 'sales_volume', { ...changed, code: 'sales_volume' })).toEqual({ ok: false, reason: 'unknown' });
    expect(updateCustomIndicator(scheme, 'no_such_indicator', { ...changed, code: 'no_such_indicator' })).toEqual({ ok: false, reason: 'unknown' });
    // The code is the identity: renaming it, even to a free code or to another custom indicator's, is refused.
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, code: 'profit_per_call' })).toEqual({ ok: false, reason: 'code_changed' });
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, code: 'orders_per_week' })).toEqual({ ok: false, reason: 'code_changed' });
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, dimension: 'loyalty' })).toEqual({ ok: false, reason: 'dimension_changed' });
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, formula: 'gross_profit / (order_count' })).toEqual({ ok: false, reason: 'invalid' });
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, formula: 'gross_profit / orders' })).toEqual({ ok: false, reason: 'invalid' });
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, formula: '' })).toEqual({ ok: false, reason: 'invalid' });
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, name: { 'zh-CN': '', en: 'x' } })).toEqual({ ok: false, reason: 'invalid' });
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, direction: 'sideways' as CustomIndicator['direction'] })).toEqual({ ok: false, reason: 'invalid' });
    expect(updateCustomIndicator(scheme, 'profit_per_visit', { ...changed, extra: 1 } as CustomIndicator)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('an edited scheme as the core plans it', () => {
  it('validates after indicators are added, removed and renormalised', () => {
    let scheme = edited(addIndicator(defaultScheme(), 'satisfaction'));
    scheme = edited(addIndicator(scheme, 'default_count'));
    scheme = edited(addIndicator(scheme, 'volume_trend'));
    scheme = edited(removeIndicator(scheme, 'tenure'));
    scheme = withChoice(scheme, { code: 'satisfaction', normalization: normalizationForMethod('percentile', { method: 'minmax', winsor: [0.01, 0.99] }), scope: 'format', missing: 60 });
    scheme = withChoice(scheme, {
      code: 'default_count',
      normalization: sortedPoints({ method: 'piecewise', points: [{ min: 1, score: 50 }, { min: 3, score: 0 }], otherwise: 100 }),
      scope: 'market',
      missing: 'zero',
    });
    const validation = validateScheme(scheme);
    expect(validation.ok ? [] : validation.issues).toEqual([]);
    if (!validation.ok) return;
    const planned = validation.plan.indicators.find((indicator) => indicator.code === 'default_count');
    expect(planned?.normalization).toEqual({ method: 'piecewise', points: [{ min: 3, score: 0 }, { min: 1, score: 50 }], otherwise: 100 });
    expect(validation.plan.dimensions.find((dimension) => dimension.code === 'loyalty')?.indicatorCodes).toEqual(['order_stability', 'sku_breadth', 'satisfaction']);
    // The blended growth level keeps its α and objective part, with the trend in its subjective weights.
    const growth = validation.plan.weightSets[0]?.indicators.growth;
    expect(growth?.children).toContain('volume_trend');
    expect(growth?.subjective?.weights.reduce((total, weight) => total + weight, 0)).toBeCloseTo(1, 9);
  });

  it('gives every normalisation method a shape the core accepts', () => {
    for (const method of ['minmax', 'percentile', 'zscore', 'piecewise', 'target'] as const) {
      const scheme = withChoice(defaultScheme(), { code: 'tenure', normalization: normalizationForMethod(method, { method: 'percentile' }), scope: 'all', missing: 'median' });
      expect(validateScheme(scheme).ok, method).toBe(true);
    }
  });
});
