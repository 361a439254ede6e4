import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, validateScheme, type Scheme, type WeightSpec } from '@retail-value/core';
import { addableIndicators, addIndicator, normalizationForMethod, removeIndicator, sortedPoints, specWithChild, specWithoutChild, withChoice } from './indicator-edit.js';
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
