import { indexCustomerPatterns, type PurchaseHistory } from './customer-pattern.js';

export interface HoldoutCustomer extends PurchaseHistory {
  /** Transactions the customer actually made in the holdout period. */
  readonly holdoutTransactions: number;
}

/** Customers with one calibration frequency x (or, for the last bucket, x or more). */
export interface FrequencyBucket {
  readonly frequency: number;
  /** True for the open last bucket ("7+"). */
  readonly orMore: boolean;
  readonly customers: number;
  /** Mean actual holdout transactions per customer. */
  readonly actual: number;
  /** Mean predicted holdout transactions per customer. */
  readonly predicted: number;
}

export interface HoldoutValidation {
  /** Length of the holdout period in time units. */
  readonly holdoutLength: number;
  readonly byFrequency: readonly FrequencyBucket[];
  readonly customers: number;
  readonly actualTotal: number;
  readonly predictedTotal: number;
  /** (predicted − actual) / actual of the totals, in percent. */
  readonly totalPercentError: number;
  /** Mean over customers of |predicted − actual|. */
  readonly meanAbsoluteError: number;
  readonly rootMeanSquaredError: number;
}

/**
 * Predicted against actual holdout transactions, per customer and by
 * calibration frequency — the conditional-expectation check Fader, Hardie &
 * Lee (2005) run for BG/NBD on CDNOW. A count model must pass it on the
 * company's own calibration/holdout split before its lifetime values are
 * used: tobacco retailers order on a weekly rhythm that the Poisson
 * assumption describes poorly.
 * `predict` is called once per distinct (x, t_x, T).
 */
export function validateHoldout(
  customers: readonly HoldoutCustomer[],
  predict: (history: PurchaseHistory, t: number) => number,
  holdoutLength: number,
  maxFrequency = 7,
): HoldoutValidation {
  const { patterns, patternOf } = indexCustomerPatterns(customers);
  const predictions = patterns.map((pattern) => predict(pattern, holdoutLength));
  const buckets = Array.from({ length: maxFrequency + 1 }, (_, frequency) => ({ frequency, customers: 0, actual: 0, predicted: 0 }));
  let actualTotal = 0;
  let predictedTotal = 0;
  let absoluteError = 0;
  let squaredError = 0;
  customers.forEach((customer, row) => {
    const predicted = predictions[patternOf[row]!]!;
    const actual = customer.holdoutTransactions;
    const bucket = buckets[Math.min(customer.x, maxFrequency)]!;
    bucket.customers++;
    bucket.actual += actual;
    bucket.predicted += predicted;
    actualTotal += actual;
    predictedTotal += predicted;
    absoluteError += Math.abs(predicted - actual);
    squaredError += (predicted - actual) ** 2;
  });
  const count = customers.length;
  return {
    holdoutLength,
    byFrequency: buckets
      .filter((bucket) => bucket.customers > 0)
      .map((bucket) => ({
        frequency: bucket.frequency,
        orMore: bucket.frequency === maxFrequency,
        customers: bucket.customers,
        actual: bucket.actual / bucket.customers,
        predicted: bucket.predicted / bucket.customers,
      })),
    customers: count,
    actualTotal,
    predictedTotal,
    totalPercentError: actualTotal > 0 ? ((predictedTotal - actualTotal) / actualTotal) * 100 : Number.NaN,
    meanAbsoluteError: count > 0 ? absoluteError / count : Number.NaN,
    rootMeanSquaredError: count > 0 ? Math.sqrt(squaredError / count) : Number.NaN,
  };
}
