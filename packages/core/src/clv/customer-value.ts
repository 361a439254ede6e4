import { countPredictor, type CountModelSpec } from './count-model.js';
import { indexCustomerPatterns } from './customer-pattern.js';
import { discountedClv, type DiscountedClvOptions } from './discounted-clv.js';
import { gammaGammaConditionalSpend, type GammaGammaParams } from './gamma-gamma.js';
import type { CustomerSummary } from './summarize-transactions.js';

/** One customer's predicted future, over the horizon of {@link predictCustomerValues}. */
export interface CustomerValue {
  readonly customerId: string;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly pAlive: number;
  /** Expected transactions in the horizon. */
  readonly expectedTransactions: number;
  /** Expected value per transaction (Gamma-Gamma conditional mean). */
  readonly expectedSpend: number;
  /** Discounted value of the horizon's expected transactions at the expected spend, times the margin. */
  readonly clv: number;
}

interface PatternForecast {
  readonly pAlive: number;
  readonly expectedTransactions: number;
  readonly discountedTransactions: number;
}

/**
 * Scores customers with a fitted count model and Gamma-Gamma spend model.
 * The two are combined as Fader, Hardie & Lee (2005b) do, assuming spend
 * independent of the transaction process. Count forecasts depend on
 * (x, t_x, T) alone, so they are computed once per distinct pattern.
 */
export function predictCustomerValues(
  customers: readonly CustomerSummary[],
  count: CountModelSpec,
  spend: GammaGammaParams,
  options: DiscountedClvOptions,
): CustomerValue[] {
  const predictor = countPredictor(count);
  const { patterns, patternOf } = indexCustomerPatterns(customers);
  const forecasts: PatternForecast[] = patterns.map((pattern) => {
    const expectedBy = predictor.conditionalCurve(pattern);
    return {
      pAlive: predictor.pAlive(pattern),
      expectedTransactions: expectedBy(options.horizon),
      discountedTransactions: discountedClv(expectedBy, 1, { ...options, margin: 1 }),
    };
  });
  return customers.map((customer, row) => {
    const forecast = forecasts[patternOf[row]!]!;
    const expectedSpend = gammaGammaConditionalSpend(spend, customer.x, customer.monetaryValue);
    return {
      customerId: customer.customerId,
      x: customer.x,
      tx: customer.tx,
      T: customer.T,
      pAlive: forecast.pAlive,
      expectedTransactions: forecast.expectedTransactions,
      expectedSpend,
      clv: (options.margin ?? 1) * expectedSpend * forecast.discountedTransactions,
    };
  });
}
