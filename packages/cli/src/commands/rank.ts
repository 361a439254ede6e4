import type { Command } from 'commander';
import {
  assertColumnNormalization,
  greyRelational,
  issue,
  IssuesError,
  parseCriterionTypes,
  parseDecimalNumber,
  t,
  topsis,
  weightedSum,
  type ColumnNormalization,
  type Issue,
  type RankingResult,
} from '@retail-value/core';
import { readNumericTable, type NumericTable } from '@retail-value/engine';
import { localeOption, type CliContext } from '../context.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

interface RankOptions {
  readonly weights: string;
  readonly types: string;
  readonly normalization?: string;
  readonly rho?: string;
  readonly json?: boolean;
}

/** `retail-value rank topsis|gra|wsm`: score and rank alternatives on weighted criteria. */
export const rankCommand: CommandModule = (program, context) => {
  const rank = program.command('rank').description('score and rank alternatives by TOPSIS, grey relational analysis or weighted sum');

  const method = (name: string, description: string): Command =>
    rank
      .command(name)
      .description(description)
      .argument('<data>', 'CSV: a header row of criterion names; each row an alternative name and one number per criterion')
      .requiredOption('--weights <list>', 'criterion weights, comma-separated, in column order (rescaled to sum 1)')
      .requiredOption('--types <list>', 'criterion directions, comma-separated: + benefit (higher is better), - cost (lower is better)')
      .option('--json', 'print the result as JSON');

  method('topsis', 'TOPSIS (Hwang & Yoon 1981): relative closeness to the ideal solution')
    .option('--normalization <method>', 'vector (default) or minmax')
    .action(async (file: string, options: RankOptions, command: Command) => {
      const table = await readNumericTable(file);
      const normalization = normalizationOption(options.normalization, 'vector');
      const result = topsis(table.values, parseWeights(options.weights), parseCriterionTypes(options.types), { normalization, source: table.source });
      printRanking(context, command, options, table, result);
    });

  method('gra', 'grey relational analysis: weighted grey relational grade against the ideal series')
    .option('--rho <number>', 'distinguishing coefficient ρ in (0, 1]', '0.5')
    .action(async (file: string, options: RankOptions, command: Command) => {
      const table = await readNumericTable(file);
      const rho = parseNumber(options.rho ?? '0.5', '--rho');
      const result = greyRelational(table.values, parseWeights(options.weights), parseCriterionTypes(options.types), { rho, source: table.source });
      printRanking(context, command, options, table, result);
    });

  method('wsm', 'weighted sum model: weighted sum of normalised values')
    .option('--normalization <method>', 'minmax (default) or vector')
    .action(async (file: string, options: RankOptions, command: Command) => {
      const table = await readNumericTable(file);
      const normalization = normalizationOption(options.normalization, 'minmax');
      const result = weightedSum(table.values, parseWeights(options.weights), parseCriterionTypes(options.types), { normalization, source: table.source });
      printRanking(context, command, options, table, result);
    });
};

function normalizationOption(value: string | undefined, fallback: ColumnNormalization): ColumnNormalization {
  const normalization = value ?? fallback;
  assertColumnNormalization(normalization);
  return normalization;
}

function parseNumber(text: string, option: string): number {
  const value = parseDecimalNumber(text);
  if (value !== undefined) return value;
  throw new IssuesError([issue('methods.option.number', { params: { option, value: text } })]);
}

function parseWeights(list: string): number[] {
  const issues: Issue[] = [];
  const weights = list.split(',').map((item) => {
    try {
      return parseNumber(item, '--weights');
    } catch (error) {
      if (!(error instanceof IssuesError)) throw error;
      issues.push(...error.issues);
      return Number.NaN;
    }
  });
  if (issues.length > 0) throw new IssuesError(issues);
  return weights;
}

function printRanking(context: CliContext, command: Command, options: RankOptions, table: NumericTable, result: RankingResult): void {
  const alternatives = table.names;
  if (options.json === true) {
    context.json({ alternatives, scores: result.scores, ranks: result.ranks });
    return;
  }
  const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
  const order = alternatives.map((_, index) => index).sort((a, b) => (result.ranks[a] ?? 0) - (result.ranks[b] ?? 0) || a - b);
  const rows = order.map((index) => [String(result.ranks[index]), alternatives[index] ?? '', (result.scores[index] ?? 0).toFixed(4)]);
  const headers = [t(locale, 'methods.label.rank'), t(locale, 'methods.label.alternative'), t(locale, 'methods.label.score')];
  context.out(formatTextTable(headers, rows, [true, false, true]));
}
