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
    const volumeOnly = orderAggregateSql(duckdbDialect, window, ['qty', 'amount'], 13);
    expect(volumeOnly).not.toContain('w12');
    expect(volumeOnly).not.toContain('qty_class12');
    // the lifecycle figures always look back 52 weeks from the as-of date (2026-09-30)
    expect(volumeOnly).toContain(`BETWEEN DATE '2025-10-02'`);
    expect(volumeOnly).toContain('AS week_mask');
    const cycles = orderAggregateSql(duckdbDialect, window, ['order_cycles', 'gross_profit', 'qty_prev'], 13);
    expect(cycles).toContain('AS w12');
    expect(cycles).toContain('AS qty_prev');
    expect(orderDistinctSql(duckdbDialect, window, ['qty'])).toBeUndefined();
    expect(orderDistinctSql(duckdbDialect, window, ['sku_count'])).toContain('count(DISTINCT o.sku)');
  });
});
