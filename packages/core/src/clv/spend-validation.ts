import { gammaGammaConditionalSpend, type GammaGammaParams } from './gamma-gamma.js';

export interface SpendHoldoutCustomer {
  readonly x: number;
  readonly monetaryValue: number;
  readonly holdoutTransactions: number;
  readonly holdoutAmount: number;
}

export interface SpendValidation {
  /** Customers with repeat transactions in calibration and at least one in the holdout. */
  readonly customers: number;
  /** Mean over customers of their actual mean holdout transaction value. */
  readonly actualMean: number;
  /** Mean over customers of the predicted mean transaction value E[Z | x, z̄]. */
  readonly predictedMean: number;
  /** Mean over customers of |predicted − actual mean holdout value|. */
  readonly meanAbsoluteError: number;
  /** Σ predicted mean × holdout transactions, against Σ actual holdout amounts, in percent. */
  readonly totalPercentError: number;
}

/**
 * Gamma-Gamma's conditional expected transaction value against what each
 * customer actually spent per transaction in the holdout. Only customers
 * with a calibration mean (x > 0) and holdout transactions can be compared.
 */
export function validateSpendHoldout(customers: readonly SpendHoldoutCustomer[], params: GammaGammaParams): SpendValidation {
  const compared = customers.filter((customer) => customer.x > 0 && customer.holdoutTransactions > 0);
  let actualSum = 0;
  let predictedSum = 0;
  let absoluteError = 0;
  let actualTotal = 0;
  let predictedTotal = 0;
  for (const customer of compared) {
    const actual = customer.holdoutAmount / customer.holdoutTransactions;
    const predicted = gammaGammaConditionalSpend(params, customer.x, customer.monetaryValue);
    actualSum += actual;
    predictedSum += predicted;
    absoluteError += Math.abs(predicted - actual);
    actualTotal += customer.holdoutAmount;
    predictedTotal += predicted * customer.holdoutTransactions;
  }
  const count = compared.length;
  return {
    customers: count,
    actualMean: count > 0 ? actualSum / count : Number.NaN,
    predictedMean: count > 0 ? predictedSum / count : Number.NaN,
    meanAbsoluteError: count > 0 ? absoluteError / count : Number.NaN,
    totalPercentError: actualTotal > 0 ? ((predictedTotal - actualTotal) / actualTotal) * 100 : Number.NaN,
  };
}
