import type { Command } from 'commander';
import {
  ahpWeights,
  combineExpertMatrices,
  criticWeights,
  entropyWeights,
  issue,
  IssuesError,
  parseCriterionTypes,
  t,
  type CriterionType,
  type Issue,
  type Locale,
} from '@retail-value/core';
import { readNumericTable, type NumericTable } from '@retail-value/engine';
import { localeOption, type CliContext } from '../context.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

interface JsonOption {
  readonly json?: boolean;
}

/** `retail-value weights ahp|entropy|critic`: criterion weights for an evaluation scheme. */
export const weightsCommand: CommandModule = (program, context) => {
  const weights = program.command('weights').description('derive criterion weights by AHP, entropy or CRITIC');

  weights
    .command('ahp')
    .description('AHP weights from pairwise comparison matrices; several files are several experts, combined by geometric mean')
    .argument('<matrix...>', 'CSV pairwise comparison matrix: a header row of criterion names, a first column with the same names, judgments such as 3, 0.5 or 1/3')
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], options: JsonOption, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const tables = await readTables(files, 'pairwise');
      assertComparisonMatrices(tables);
      const first = tables[0] as NumericTable;
      const matrix =
        tables.length === 1
          ? first.values
          : combineExpertMatrices(
              tables.map((table) => table.values),
              tables.map((table) => table.source),
            );
      const result = ahpWeights(matrix, { source: tables.length === 1 ? first.source : undefined });
      const criteria = first.criteria;
      if (options.json === true) {
        context.json({ criteria, weights: result.weights, lambdaMax: result.lambdaMax, ci: result.ci, cr: result.cr, consistent: result.consistent });
      } else {
        printWeights(context, locale, criteria, result.weights);
        if (tables.length > 1) context.out(t(locale, 'methods.label.experts', { count: tables.length }));
        context.out(t(locale, 'methods.label.consistency', { lambdaMax: result.lambdaMax.toFixed(4), ci: result.ci.toFixed(4), cr: result.cr.toFixed(4) }));
        if (result.consistent) context.out(t(locale, 'methods.label.consistent'));
      }
      if (!result.consistent) {
        context.err(t(locale, 'methods.ahp.inconsistent', { cr: result.cr.toFixed(4) }));
        context.exitCode = 1;
      }
    });

  weights
    .command('entropy')
    .description('entropy weights from data: rows are alternatives, columns criteria (values of 0 or more)')
    .argument('<data>', 'CSV: a header row of criterion names; each row an alternative name and one number per criterion')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: JsonOption, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const table = await readNumericTable(file);
      const result = entropyWeights(table.values, { source: table.source });
      printCriteriaWeights(context, locale, options, table.criteria, result.weights);
    });

  weights
    .command('critic')
    .description('CRITIC weights from data (Diakoulaki et al. 1995): contrast and conflict of the criteria')
    .argument('<data>', 'CSV: a header row of criterion names; each row an alternative name and one number per criterion')
    .option('--types <list>', 'criterion directions, comma-separated: + benefit, - cost (default: all +)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: JsonOption & { readonly types?: string }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const table = await readNumericTable(file);
      const types: CriterionType[] = options.types === undefined ? table.criteria.map(() => '+') : parseCriterionTypes(options.types);
      const result = criticWeights(table.values, types, { source: table.source });
      printCriteriaWeights(context, locale, options, table.criteria, result.weights);
    });
};

/** Reads every file, collecting the issues of all of them before stopping. */
async function readTables(files: readonly string[], cells: 'decimal' | 'pairwise'): Promise<NumericTable[]> {
  const tables: NumericTable[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    try {
      tables.push(await readNumericTable(file, { cells }));
    } catch (error) {
      if (!(error instanceof IssuesError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new IssuesError(issues);
  return tables;
}

/**
 * A comparison matrix names each criterion twice, in the header and in the
 * first column; a mismatch there usually means a row or column was moved.
 * Several experts must compare the same criteria in the same order.
 */
function assertComparisonMatrices(tables: readonly NumericTable[]): void {
  const issues: Issue[] = [];
  const expected = tables[0]?.criteria ?? [];
  for (const table of tables) {
    table.names.forEach((name, index) => {
      const criterion = table.criteria[index];
      if (criterion !== undefined && criterion !== name) {
        issues.push(
          issue('methods.matrix.names_mismatch', {
            file: table.file,
            row: table.source.rows?.[index],
            column: table.nameHeader === '' ? undefined : table.nameHeader,
            value: name,
            params: { expected: criterion },
          }),
        );
      }
    });
    table.criteria.forEach((criterion, index) => {
      const wanted = expected[index];
      if (wanted !== undefined && wanted !== criterion) {
        issues.push(issue('methods.matrix.criteria_mismatch', { file: table.file, row: table.headerRow, column: criterion, params: { expected: wanted } }));
      }
    });
  }
  if (issues.length > 0) throw new IssuesError(issues);
}

function printCriteriaWeights(context: CliContext, locale: Locale, options: JsonOption, criteria: readonly string[], weights: readonly number[]): void {
  if (options.json === true) context.json({ criteria, weights });
  else printWeights(context, locale, criteria, weights);
}

function printWeights(context: CliContext, locale: Locale, criteria: readonly string[], weights: readonly number[]): void {
  const rows = criteria.map((criterion, index) => [criterion, (weights[index] ?? 0).toFixed(4)]);
  context.out(formatTextTable([t(locale, 'methods.label.criterion'), t(locale, 'methods.label.weight')], rows, [false, true]));
}
