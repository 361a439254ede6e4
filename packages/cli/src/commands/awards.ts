import type { Command } from 'commander';
import { t } from '@retail-value/core';
import { listAwards } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

/** `retail-value awards`: the customers a run awarded (评优) and the rewards they receive. */
export const awardsCommand: CommandModule = (program, context) => {
  program
    .command('awards')
    .description("list a run's awarded customers (e.g. star customers) with their rewards")
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--run <id>', 'run id (default: the latest run)')
    .option('--json', 'print the awards as JSON')
    .action(async (flags: { db: string; run?: string; json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const listing = await withDatabase(flags.db, (db) => listAwards(db, flags.run));
      if (flags.json === true) {
        const { run, ...rest } = listing;
        context.json({ runId: run.runId, schemeId: run.schemeId, schemeVersion: run.schemeVersion, ...rest });
        return;
      }
      const { run, rules, customers } = listing;
      context.out(t(locale, 'dynamics.awards.title', { run: run.runId, schemeId: run.schemeId, schemeVersion: run.schemeVersion }));
      if (rules.length === 0) {
        context.out(t(locale, 'dynamics.awards.no_rules'));
        return;
      }
      const separator = locale === 'en' ? '; ' : '；';
      for (const rule of rules) {
        const params = { name: rule.name[locale], periods: rule.periods, found: rule.runsFound, count: rule.customers, rewards: rule.rewards.map((reward) => reward[locale]).join(separator) };
        context.out(t(locale, rule.runsFound < rule.periods ? 'dynamics.awards.history' : 'dynamics.awards.rule', params));
      }
      context.out('');
      if (customers.length === 0) {
        context.out(t(locale, 'dynamics.awards.none'));
        return;
      }
      const label = (key: string): string => t(locale, `dynamics.label.${key}`);
      const headers = [label('award'), label('customer'), label('customer_name'), label('district'), label('manager'), label('cell'), label('credit_grade'), label('composite'), label('rank')];
      const rows = customers.map((customer) => [
        customer.awardName[locale],
        customer.customerId,
        customer.name ?? '—',
        customer.district ?? '—',
        customer.managerId ?? '—',
        t(locale, `cell.${customer.valueCell}`),
        customer.creditGrade ?? '—',
        customer.compositeScore.toFixed(2),
        String(customer.rank),
      ]);
      context.out(formatTextTable(headers, rows, headers.map((_, index) => index >= 7)));
    });
};
