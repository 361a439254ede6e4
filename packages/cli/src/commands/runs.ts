import type { Command } from 'commander';
import { t } from '@retail-value/core';
import { deleteRun, listRuns } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

/** `retail-value runs list|delete`: the stored evaluation runs. */
export const runsCommand: CommandModule = (program, context) => {
  const runs = program.command('runs').description('list the stored evaluation runs, or delete one');

  runs
    .command('list')
    .description('list every run, newest first: period, as-of date, scheme version, customers, fingerprints')
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--json', 'print the runs as JSON')
    .action(async (flags: { db: string; json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const found = (await withDatabase(flags.db, listRuns)).reverse();
      if (flags.json === true) {
        context.json({ runs: found });
        return;
      }
      if (found.length === 0) {
        context.out(t(locale, 'runs.list.empty'));
        return;
      }
      const label = (key: string): string => t(locale, `runs.label.${key}`);
      const headers = ['run', 'period', 'as_of', 'window_weeks', 'scheme', 'scheme_version', 'customers', 'created_at', 'result_fingerprint'].map(label);
      const rows = found.map((run) => [
        run.runId,
        run.period,
        run.asOf,
        String(run.windowWeeks),
        run.schemeId,
        String(run.schemeVersion),
        String(run.customers),
        run.createdAt,
        run.resultFingerprint.slice(0, 12),
      ]);
      context.out(formatTextTable(headers, rows, headers.map((_, index) => index === 3 || index === 5 || index === 6)));
    });

  runs
    .command('delete')
    .description('delete a run with its results and awards (recorded in the audit log); runs are never changed, only deleted')
    .requiredOption('--db <file>', 'DuckDB database file')
    .requiredOption('--run <id>', 'the run to delete, e.g. 2026Q3-002')
    .option('--json', 'print the deleted run as JSON')
    .action(async (flags: { db: string; run: string; json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const deleted = await withDatabase(flags.db, (db) => deleteRun(db, flags.run, { username: null, via: 'cli' }));
      if (flags.json === true) context.json({ deleted });
      else context.out(t(locale, 'runs.deleted', { run: deleted.runId, customers: deleted.customers }));
    });
};
