import { describe, expect, it } from 'vitest';
import { IssuesError } from '@retail-value/core';
import { DEFAULT_DEMO_OPTIONS, resolveDemoOptions } from './demo-options.js';

describe('resolveDemoOptions', () => {
  it('fills the defaults: 5000 customers, 52 weeks to 2026-09-30, seed 42, 12 lines per order', () => {
    expect(resolveDemoOptions()).toEqual({ customers: 5000, weeks: 52, seed: 42, end: '2026-09-30', linesPerOrder: 12 });
    expect(resolveDemoOptions({})).toEqual(DEFAULT_DEMO_OPTIONS);
  });

  it('reads command-line text', () => {
    expect(resolveDemoOptions({ customers: '1000000', weeks: '26', seed: '0', end: ' 2025-12-31 ', linesPerOrder: '1.5' })).toEqual({
      customers: 1_000_000,
      weeks: 26,
      seed: 0,
      end: '2025-12-31',
      linesPerOrder: 1.5,
    });
  });

  it('names the option and the allowed range of a bad value', () => {
    const error = (() => {
      try {
        return resolveDemoOptions({ customers: '2.5', linesPerOrder: '' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(IssuesError);
    expect((error as IssuesError).issues).toEqual([
      { code: 'demo.option.integer', value: '2.5', params: { option: 'customers', min: 1, max: 5_000_000 } },
      { code: 'demo.option.number', value: '', params: { option: 'lines-per-order', min: 1, max: 60 } },
    ]);
  });
});
