import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpected, bgNbdPAlive } from './bg-nbd-predict.js';
import { predictCustomerValues } from './customer-value.js';
import { discountedClv } from './discounted-clv.js';
import { gammaGammaConditionalSpend, gammaGammaMeanSpend } from './gamma-gamma.js';

const COUNT = { model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('predictCustomerValues', () => {
  const customers = [
    { customerId: 'a', x: 2, tx: 30.43, T: 38.86, monetaryValue: 25 },
    { customerId: 'b', x: 2, tx: 30.43, T: 38.86, monetaryValue: 60 },
    { customerId: 'c', x: 0, tx: 0, T: 38.86, monetaryValue: 0 },
  ];
  const options = { horizon: 52, annualDiscountRate: 0.1, margin: 0.2 };
  const values = predictCustomerValues(customers, COUNT, SPEND, options);

  it('combines P(alive), expected transactions, conditional spend and the discounted value', () => {
    const [a] = values;
    const history = customers[0]!;
    expect(a!.pAlive).toBeCloseTo(bgNbdPAlive(COUNT.params, history), 14);
    expect(a!.expectedTransactions).toBeCloseTo(bgNbdConditionalExpected(COUNT.params, history, 52), 14);
    expect(a!.expectedSpend).toBeCloseTo(gammaGammaConditionalSpend(SPEND, 2, 25), 14);
    const clv = discountedClv((t) => bgNbdConditionalExpected(COUNT.params, history, t), a!.expectedSpend, options);
    expect(a!.clv).toBeCloseTo(clv, 10);
  });

  it('shares the count forecast between customers of one pattern but not their spend', () => {
    const [a, b] = values;
    expect(b!.expectedTransactions).toBe(a!.expectedTransactions);
    expect(b!.expectedSpend).toBeGreaterThan(a!.expectedSpend);
    expect(b!.clv / a!.clv).toBeCloseTo(b!.expectedSpend / a!.expectedSpend, 12);
  });

  it('values a customer without repeat purchases at the population mean spend', () => {
    expect(values[2]!.expectedSpend).toBe(gammaGammaMeanSpend(SPEND));
    expect(values[2]!.pAlive).toBe(1);
  });
});
