import { Option } from 'commander';
import { exportResults } from '@retail-value/engine';
import { withDatabase } from '../db-option.js';
import type { CommandModule } from './index.js';

/** `retail-value export`: one row per customer with archive fields and all results. */
export const exportCommand: CommandModule = (program, context) => {
  program
    .command('export')
    .description("export a run's results, one row per customer, as XLSX (with a summary sheet) or CSV (UTF-8 with BOM)")
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--run <id>', 'run id (default: the latest run)')
    .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv']).default('xlsx'))
    .addOption(new Option('--headers <language>', 'column headers and names: zh, or en with codes such as value, sub_value').choices(['zh', 'en']).default('zh'))
    .requiredOption('--out <file>', 'output file')
    .action(async (flags: { db: string; run?: string; format: string; headers: string; out: string }) => {
      const result = await withDatabase(flags.db, (db) =>
        exportResults(db, { runId: flags.run, format: flags.format as 'csv', headers: flags.headers as 'zh', out: flags.out }),
      );
      context.out(`${result.rows} rows of run ${result.runId} written to ${flags.out}`);
    });
};
