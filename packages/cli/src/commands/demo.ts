import type { Command } from 'commander';
import { t } from '@retail-value/core';
import { DEFAULT_DEMO_OPTIONS, DEMO_TABLES, generateDemo, writeDemoCsv, type WrittenFile } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

interface DemoFlags {
  readonly db: string;
  readonly customers: string;
  readonly weeks: string;
  readonly seed: string;
  readonly end: string;
  readonly linesPerOrder: string;
  readonly csv?: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

/** `retail-value demo`: fills a database with a seeded, reproducible demo company. */
export const demoCommand: CommandModule = (program, context) => {
  const defaults = DEFAULT_DEMO_OPTIONS;
  program
    .command('demo')
    .description('generate a seeded demo company (customers, products, weekly orders, visits, feedback, credit, surveys); same options, same data')
    .requiredOption('--db <file>', 'DuckDB database file (created if absent)')
    .option('--customers <n>', 'number of retail customers', String(defaults.customers))
    .option('--weeks <n>', 'length of the order history in weeks', String(defaults.weeks))
    .option('--seed <n>', 'random seed (0 to 2147483647)', String(defaults.seed))
    .option('--end <date>', 'last day of the order history (YYYY-MM-DD)', defaults.end)
    .option('--lines-per-order <k>', 'mean SKU lines per order (real orders carry 10-40)', String(defaults.linesPerOrder))
    .option('--csv <dir>', 'also write one CSV per import kind into this directory')
    .option('--force', 'replace all business data if the database already holds customers')
    .option('--json', 'print the counts as JSON')
    .action(async (flags: DemoFlags, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const json = flags.json === true;
      const progress = !json && context.io.stderrIsTty;
      const { result, files } = await withDatabase(flags.db, async (db) => {
        const generated = await generateDemo(db, {
          customers: flags.customers,
          weeks: flags.weeks,
          seed: flags.seed,
          end: flags.end,
          linesPerOrder: flags.linesPerOrder,
          replace: flags.force === true,
          ...(progress ? { onProgress: (table: string) => context.err(t(locale, 'demo.progress', { table: t(locale, `demo.table.${table}`) })) } : {}),
        });
        const written: WrittenFile[] = flags.csv === undefined ? [] : await writeDemoCsv(db, flags.csv);
        return { result: generated, files: written };
      });
      if (json) {
        context.json({ ...result, ...(flags.csv === undefined ? {} : { csv: files }) });
        return;
      }
      const { options } = result;
      context.out(
        t(locale, 'demo.done', {
          customers: options.customers,
          weeks: options.weeks,
          start: result.start,
          end: options.end,
          seed: options.seed,
          seconds: result.seconds.toFixed(1),
        }),
      );
      const rows = DEMO_TABLES.map((table) => [t(locale, `demo.table.${table}`), table, String(result.counts[table])]);
      const headers = [t(locale, 'demo.column.data'), t(locale, 'demo.column.table'), t(locale, 'demo.column.rows')];
      context.out(formatTextTable(headers, rows, [false, false, true]));
      if (flags.csv !== undefined) context.out(t(locale, 'demo.csv_written', { files: files.length, dir: flags.csv }));
    });
};
