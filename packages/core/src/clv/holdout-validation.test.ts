import { describe, expect, it } from 'vitest';
import { validateHoldout } from './holdout-validation.js';

describe('validateHoldout', () => {
  const customers = [
    { x: 0, tx: 0, T: 10, holdoutTransactions: 0 },
    { x: 0, tx: 0, T: 10, holdoutTransactions: 1 },
    { x: 1, tx: 4, T: 10, holdoutTransactions: 2 },
    { x: 3, tx: 9, T: 10, holdoutTransactions: 2 },
    { x: 5, tx: 9, T: 10, holdoutTransactions: 6 },
  ];
  let calls = 0;
  const predict = (history: { x: number }, t: number): number => {
    calls++;
    return ((history.x + 1) * t) / 20;
  };
  const result = validateHoldout(customers, predict, 10, 2);

  it('groups by calibration frequency with an open last bucket', () => {
    expect(result.byFrequency).toEqual([
      { frequency: 0, orMore: false, customers: 2, actual: 0.5, predicted: 0.5 },
      { frequency: 1, orMore: false, customers: 1, actual: 2, predicted: 1 },
      { frequency: 2, orMore: true, customers: 2, actual: 4, predicted: 2.5 },
    ]);
  });

  it('reports totals and per-customer errors', () => {
    // predicted: 0.5, 0.5, 1, 2, 3 → total 7; actual 11
    expect(result.actualTotal).toBe(11);
    expect(result.predictedTotal).toBeCloseTo(7, 12);
    expect(result.totalPercentError).toBeCloseTo((-4 / 11) * 100, 10);
    expect(result.meanAbsoluteError).toBeCloseTo((0.5 + 0.5 + 1 + 0 + 3) / 5, 12);
    expect(result.rootMeanSquaredError).toBeCloseTo(Math.sqrt((0.25 + 0.25 + 1 + 0 + 9) / 5), 12);
  });

  it('predicts once per distinct (x, t_x, T)', () => {
    expect(calls).toBe(4);
  });
});
