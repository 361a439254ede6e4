import type { Command } from 'commander';
import {
  countPredictor,
  fitCountModel,
  fitGammaGamma,
  groupPatterns,
  isCountModelName,
  issue,
  IssuesError,
  parseCalendarDate,
  parseDecimalNumber,
  periodLength,
  predictCustomerValues,
  summarizeTransactions,
  t,
  validateHoldout,
  validateSpendHoldout,
  type CustomerSummary,
  type GammaGammaParams,
  type HoldoutValidation,
  type Issue,
  type Locale,
  type ModelFit,
  type SpendValidation,
} from '@retail-value/core';
import { readTransactions, writeCustomerValues } from '@retail-value/engine';
import { localeOption, type CliContext } from '../context.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

const MODELS = ['bg-nbd', 'pareto-nbd', 'gamma-gamma'] as const;
type ModelName = (typeof MODELS)[number];
const TIME_UNIT_DAYS = { week: 7, day: 1 } as const;

interface FitOptions {
  readonly model: string;
  readonly calibrationEnd: string;
  readonly holdoutEnd?: string;
  readonly timeUnit: string;
  readonly predictions?: string;
  readonly horizon?: string;
  readonly discountRate?: string;
  readonly margin?: string;
  readonly json?: boolean;
}

interface Settings {
  readonly model: ModelName;
  readonly calibrationEnd: string;
  readonly holdoutEnd: string | undefined;
  readonly timeUnitDays: number;
  readonly predictions: string | undefined;
  readonly horizon: number;
  readonly annualDiscountRate: number;
  readonly margin: number;
}

interface FitReport {
  readonly model: ModelName;
  readonly params: Readonly<Record<string, number>>;
  readonly logLikelihood: number;
  readonly customers: number;
  readonly converged: boolean;
  readonly validation?: HoldoutValidation | SpendValidation;
  readonly spendModel?: { readonly params: GammaGammaParams; readonly logLikelihood: number; readonly customers: number };
  readonly predictions?: { readonly file: string; readonly customers: number };
}

/** `retail-value clv fit`: customer lifetime value models on a transaction log. */
export const clvCommand: CommandModule = (program, context) => {
  const clv = program.command('clv').description('customer lifetime value: purchase-count models (BG/NBD, Pareto/NBD) and the Gamma-Gamma spend model');
  clv
    .command('fit')
    .description('fit a model by maximum likelihood; report parameters, holdout accuracy and, optionally, per-customer predictions')
    .argument('<transactions>', 'CSV with a header row and columns customer_id, date (YYYY-MM-DD or YYYYMMDD), amount')
    .requiredOption('--model <model>', 'bg-nbd, pareto-nbd or gamma-gamma')
    .requiredOption('--calibration-end <date>', 'last day of the calibration period the model is fitted on')
    .option('--holdout-end <date>', 'last day of the holdout period after calibration; adds predicted against actual')
    .option('--time-unit <unit>', 'time unit of the model: week or day', 'week')
    .option('--predictions <file>', 'write per-customer predictions (p_alive, expected transactions, expected spend, CLV) to this CSV; needs a count model, Gamma-Gamma is fitted alongside for spend')
    .option('--horizon <units>', 'prediction horizon in time units, e.g. 52 (weeks)')
    .option('--discount-rate <rate>', 'annual discount rate of the CLV, e.g. 0.08 (default 0)')
    .option('--margin <share>', 'share of spend kept as margin in the CLV, from 0 to 1 (default 1)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: FitOptions, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const settings = parseSettings(options);
      const transactions = await readTransactions(file);
      const customers = summarizeTransactions(transactions, {
        calibrationEnd: settings.calibrationEnd,
        holdoutEnd: settings.holdoutEnd,
        timeUnitDays: settings.timeUnitDays,
      });
      if (customers.length === 0) throw new IssuesError([issue('clv.data.no_customers', { params: { calibrationEnd: settings.calibrationEnd } })]);
      const report = await fitAndPredict(settings, customers);
      if (options.json === true) context.json(report);
      else printReport(context, locale, report);
    });
};

function parseSettings(options: FitOptions): Settings {
  const issues: Issue[] = [];
  const model = (MODELS as readonly string[]).includes(options.model) ? (options.model as ModelName) : undefined;
  if (model === undefined) issues.push(issue('clv.option.model', { value: options.model }));
  const date = (option: string, text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    const parsed = parseCalendarDate(text);
    if (parsed === undefined) issues.push(issue('clv.option.date', { value: text, params: { option } }));
    return parsed;
  };
  const calibrationEnd = date('--calibration-end', options.calibrationEnd);
  const holdoutEnd = date('--holdout-end', options.holdoutEnd);
  if (calibrationEnd !== undefined && holdoutEnd !== undefined && holdoutEnd <= calibrationEnd) {
    issues.push(issue('clv.option.holdout_order', { params: { calibrationEnd, holdoutEnd } }));
  }
  const timeUnitDays = options.timeUnit === 'week' || options.timeUnit === 'day' ? TIME_UNIT_DAYS[options.timeUnit] : undefined;
  if (timeUnitDays === undefined) issues.push(issue('clv.option.time_unit', { value: options.timeUnit }));
  const number = (text: string | undefined, fallback: number, valid: (value: number) => boolean, code: string): number => {
    if (text === undefined) return fallback;
    const value = parseDecimalNumber(text);
    if (value === undefined || !valid(value)) issues.push(issue(code, { value: text }));
    return value ?? fallback;
  };
  const horizon = number(options.horizon, 0, (value) => value > 0, 'clv.option.horizon');
  const annualDiscountRate = number(options.discountRate, 0, (value) => value >= 0, 'clv.option.discount_rate');
  const margin = number(options.margin, 1, (value) => value >= 0 && value <= 1, 'clv.option.margin');
  if (options.predictions !== undefined) {
    if (options.horizon === undefined) issues.push(issue('clv.option.horizon_required'));
    if (model === 'gamma-gamma') issues.push(issue('clv.option.predictions_need_count_model'));
  }
  if (issues.length > 0 || model === undefined || calibrationEnd === undefined || timeUnitDays === undefined) throw new IssuesError(issues);
  return { model, calibrationEnd, holdoutEnd, timeUnitDays, predictions: options.predictions, horizon, annualDiscountRate, margin };
}

function fitSpend(customers: readonly CustomerSummary[]): ModelFit<GammaGammaParams> {
  const repeaters = customers.filter((customer) => customer.x > 0);
  if (repeaters.length === 0) throw new IssuesError([issue('clv.data.no_repeat_customers')]);
  return fitGammaGamma(repeaters);
}

async function fitAndPredict(settings: Settings, customers: readonly CustomerSummary[]): Promise<FitReport> {
  const holdoutLength = settings.holdoutEnd === undefined ? undefined : periodLength(settings.calibrationEnd, settings.holdoutEnd, settings.timeUnitDays);
  if (!isCountModelName(settings.model)) {
    const fit = fitSpend(customers);
    return {
      ...modelSummary(settings.model, fit),
      ...(holdoutLength === undefined ? {} : { validation: validateSpendHoldout(customers.map(withHoldout), fit.params) }),
    };
  }
  const fit = fitCountModel(settings.model, groupPatterns(customers));
  const predictor = countPredictor(fit);
  const report: FitReport = {
    ...modelSummary(settings.model, fit),
    ...(holdoutLength === undefined
      ? {}
      : { validation: validateHoldout(customers.map(withHoldout), (history, t) => predictor.conditionalCurve(history)(t), holdoutLength) }),
  };
  if (settings.predictions === undefined) return report;

  const spend = fitSpend(customers);
  if (!(spend.params.q > 1)) throw new IssuesError([issue('clv.data.infinite_mean_spend', { params: { q: spend.params.q.toFixed(4) } })]);
  const values = predictCustomerValues(customers, fit, spend.params, {
    horizon: settings.horizon,
    annualDiscountRate: settings.annualDiscountRate,
    timeUnitDays: settings.timeUnitDays,
    margin: settings.margin,
  });
  await writeCustomerValues(settings.predictions, values);
  return {
    ...report,
    spendModel: { params: spend.params, logLikelihood: spend.logLikelihood, customers: spend.customers },
    predictions: { file: settings.predictions, customers: values.length },
  };
}

function modelSummary(model: ModelName, fit: { readonly params: object; readonly logLikelihood: number; readonly customers: number; readonly converged: boolean }) {
  return { model, params: fit.params as Readonly<Record<string, number>>, logLikelihood: fit.logLikelihood, customers: fit.customers, converged: fit.converged };
}

/** The summary was made with a holdout end, so its holdout fields are present. */
function withHoldout(customer: CustomerSummary) {
  return { ...customer, holdoutTransactions: customer.holdoutTransactions ?? 0, holdoutAmount: customer.holdoutAmount ?? 0 };
}

function printReport(context: CliContext, locale: Locale, report: FitReport): void {
  context.out(t(locale, 'clv.report.model', { model: report.model }));
  context.out(t(locale, 'clv.report.customers', { count: report.customers }));
  context.out(t(locale, 'clv.report.log_likelihood', { value: report.logLikelihood.toFixed(2) }));
  context.out(t(locale, 'clv.report.parameters'));
  const width = Math.max(...Object.keys(report.params).map((name) => name.length));
  for (const [name, value] of Object.entries(report.params)) context.out(`  ${name.padEnd(width)}  ${value.toFixed(4)}`);
  if (!report.converged) context.err(t(locale, 'clv.report.not_converged'));
  const validation = report.validation;
  if (validation !== undefined && 'byFrequency' in validation) printHoldout(context, locale, validation);
  if (validation !== undefined && 'actualMean' in validation) {
    context.out(
      t(locale, 'clv.report.spend_validation', {
        count: validation.customers,
        actual: validation.actualMean.toFixed(2),
        predicted: validation.predictedMean.toFixed(2),
        mae: validation.meanAbsoluteError.toFixed(2),
        percent: validation.totalPercentError.toFixed(1),
      }),
    );
  }
  if (report.predictions !== undefined) {
    context.out(t(locale, 'clv.report.predictions_written', { count: report.predictions.customers, file: report.predictions.file }));
  }
}

function printHoldout(context: CliContext, locale: Locale, validation: HoldoutValidation): void {
  context.out('');
  context.out(t(locale, 'clv.report.validation', { length: Number(validation.holdoutLength.toFixed(2)) }));
  const rows = validation.byFrequency.map((bucket) => [
    bucket.orMore ? `${bucket.frequency}+` : String(bucket.frequency),
    String(bucket.customers),
    bucket.actual.toFixed(3),
    bucket.predicted.toFixed(3),
  ]);
  const headers = ['clv.report.frequency', 'clv.report.bucket_customers', 'clv.report.actual', 'clv.report.predicted'].map((key) => t(locale, key));
  context.out(formatTextTable(headers, rows, [true, true, true, true]));
  context.out(
    t(locale, 'clv.report.totals', {
      actual: validation.actualTotal,
      predicted: validation.predictedTotal.toFixed(1),
      percent: validation.totalPercentError.toFixed(1),
    }),
  );
  context.out(t(locale, 'clv.report.errors', { mae: validation.meanAbsoluteError.toFixed(3), rmse: validation.rootMeanSquaredError.toFixed(3) }));
}
