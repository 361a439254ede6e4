import type { Command } from 'commander';
import { t, VALUE_CELLS, type Locale } from '@retail-value/core';
import { summarizeResults, type BreakdownRow } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

function breakdownTable(title: string, rows: readonly BreakdownRow[], classes: readonly string[], classLabel: (code: string) => string, locale: Locale): string {
  const headers = [title, locale === 'en' ? 'customers' : '客户数', ...VALUE_CELLS.map((cell) => t(locale, `cell.${cell}`)), ...classes.map(classLabel)];
  const body = rows.map((row) => [
    row.group === '' ? '—' : row.group === 'urban' || row.group === 'rural' ? t(locale, `market.${row.group}`) : row.group,
    String(row.customers),
    ...VALUE_CELLS.map((cell) => String(row.valueCells[cell] ?? 0)),
    ...classes.map((code) => String(row.serviceClasses[code] ?? 0)),
  ]);
  return formatTextTable(headers, body, headers.map((_, index) => index > 0));
}

/** `retail-value results`: counts of a run's cells and classes. */
export const resultsCommand: CommandModule = (program, context) => {
  program
    .command('results')
    .description("summarise a run: customers per value cell and service class, by market and district")
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--run <id>', 'run id (default: the latest run)')
    .option('--json', 'print the counts as JSON')
    .action(async (flags: { db: string; run?: string; json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const summary = await withDatabase(flags.db, (db) => summarizeResults(db, flags.run));
      if (flags.json === true) {
        context.json({
          runId: summary.run.runId,
          customers: summary.customers,
          valueCells: summary.valueCells,
          serviceClasses: summary.serviceClasses,
          lifecycleStages: summary.lifecycleStages,
          churnRisk: summary.churnRisk,
          deemedClosed: summary.deemedClosed,
        });
        return;
      }
      const classes = Object.keys(summary.serviceClasses);
      const classLabel = (code: string): string => summary.classNames[code]?.[locale] ?? code;
      const en = locale === 'en';
      context.out(`${en ? 'run' : '评价批次'} ${summary.run.runId}  ${en ? 'period' : '评价期'} ${summary.run.period}  ${en ? 'customers' : '客户数'} ${summary.customers}`);
      context.out(
        `${en ? 'lifecycle' : '生命周期'}: ${Object.entries(summary.lifecycleStages).map(([stage, n]) => `${t(locale, `stage.${stage}`)} ${n}`).join(', ')}; ${en ? 'deemed closed' : '视同歇业'} ${summary.deemedClosed}`,
      );
      context.out(`${en ? 'churn risk' : '流失风险'}: ${Object.entries(summary.churnRisk).map(([risk, n]) => `${t(locale, `churn.${risk}`)} ${n}`).join(', ')}`);
      context.out('');
      context.out(breakdownTable(en ? 'market' : '市场类型', summary.byMarket, classes, classLabel, locale));
      context.out('');
      context.out(breakdownTable(en ? 'district' : '区县', summary.byDistrict, classes, classLabel, locale));
    });
};
