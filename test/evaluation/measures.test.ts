import { describe, expect, it } from 'vitest';
import { MEASURES } from '@retail-value/core';
import { duckdbDialect, evaluationWindow } from '@retail-value/engine';
import { ENGINE_MEASURES, orderAggregateSql, orderDistinctSql } from '../../packages/engine/src/evaluation/compile-measures.js';

describe('measures SQL', () => {
  it('covers exactly the measures of the core catalog', () => {
    expect([...ENGINE_MEASURES].sort()).toEqual(MEASURES.map((measure) => measure.code).sort());
  });

  it('aggregates only what the plan needs', () => {
    const window = evaluationWindow('2026Q3', 13);
    const volumeOnly = orderAggregateSql(duckdbDialect, window, ['qty', 'amount']) as string;
    expect(volumeOnly).not.toContain('JOIN products');
    expect(volumeOnly).not.toContain('w12');
    expect(volumeOnly).toContain(`BETWEEN DATE '${window.start}'`);
    const cycles = orderAggregateSql(duckdbDialect, window, ['order_cycles', 'gross_profit', 'qty_prev']) as string;
    expect(cycles).toContain('JOIN products');
    expect(cycles).toContain('AS w12');
    expect(cycles).toContain(`BETWEEN DATE '${window.previousStart}'`);
    expect(orderAggregateSql(duckdbDialect, window, ['credit_grade_score'])).toBeUndefined();
    expect(orderDistinctSql(duckdbDialect, window, ['qty'])).toBeUndefined();
    expect(orderDistinctSql(duckdbDialect, window, ['sku_count'])).toContain('count(DISTINCT o.sku)');
  });
});
