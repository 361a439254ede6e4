import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { issue, IssuesError, t } from '@retail-value/core';
import { databaseStatus, KIND_SPECS } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

/** `retail-value status`: what the database holds. */
export const statusCommand: CommandModule = (program, context) => {
  program
    .command('status')
    .description('show the rows of every fact table, their date ranges, the number of imports and the order summary')
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--json', 'print the status as JSON')
    .action(async (flags: { db: string; json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      if (flags.db !== ':memory:' && !existsSync(flags.db)) throw new IssuesError([issue('error.not_found', { params: { what: flags.db } })]);
      const status = await withDatabase(flags.db, (db) => databaseStatus(db));
      if (flags.json === true) {
        context.json(status);
        return;
      }
      const kinds = new Map(Object.values(KIND_SPECS).map((spec) => [spec.table, spec.kind]));
      const rows = Object.entries(status.tables).map(([table, count]) => {
        const kind = kinds.get(table);
        const range = status.dateRange[table];
        return [table, kind === undefined ? '' : t(locale, `import.kind.${kind}`), String(count), range?.from ?? '', range?.to ?? ''];
      });
      const headers = [t(locale, 'status.table'), '', t(locale, 'status.rows'), t(locale, 'status.from'), t(locale, 'status.to')];
      context.out(formatTextTable(headers, rows, [false, false, true, false, false]));
      context.out(t(locale, 'status.loads', { loads: status.loads }));
      const summary = status.orderSummary;
      if (summary !== null) {
        const lines = status.tables.order_lines ?? 0;
        context.out(
          summary.orderLines === lines
            ? t(locale, 'status.summary', { days: summary.days, lines, builtAt: summary.builtAt })
            : t(locale, 'status.summary_stale', { summarised: summary.orderLines, lines }),
        );
      }
    });
};
