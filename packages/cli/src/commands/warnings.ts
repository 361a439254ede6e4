import { Option, type Command } from 'commander';
import { t } from '@retail-value/core';
import { listWarnings } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

/** `retail-value warnings`: churn warnings of a run, worst first, with their reasons. */
export const warningsCommand: CommandModule = (program, context) => {
  program
    .command('warnings')
    .description('list churn warnings of a run, worst first, with their reasons')
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--run <id>', 'run id (default: the latest run)')
    .option('--manager <id>', "only this customer manager's customers")
    .addOption(new Option('--level <level>', 'only this risk level or worse').choices(['high', 'medium', 'low']).default('medium'))
    .option('--limit <n>', 'at most this many rows', '100')
    .option('--include-terminated', 'also list customers already in the termination stage')
    .option('--json', 'print as JSON')
    .action(async (flags: { db: string; run?: string; manager?: string; level: 'high' | 'medium' | 'low'; limit: string; includeTerminated?: boolean; json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const limit = Number.parseInt(flags.limit, 10);
      const found = await withDatabase(flags.db, (db) =>
        listWarnings(db, { runId: flags.run, managerId: flags.manager, level: flags.level, includeTerminated: flags.includeTerminated, limit: Number.isFinite(limit) && limit > 0 ? limit : 100 }),
      );
      if (flags.json === true) {
        context.json(found);
        return;
      }
      const en = locale === 'en';
      context.out(`${en ? 'run' : '评价批次'} ${found.runId}: ${found.total} ${en ? 'warnings' : '条预警'}`);
      context.out(
        formatTextTable(
          en ? ['customer', 'name', 'manager', 'risk', 'score', 'stage', 'reasons'] : ['客户编码', '客户名称', '客户经理', '风险', '分值', '生命周期', '原因'],
          found.items.map((item) => [
            item.customerId,
            item.name ?? '',
            item.managerId ?? '',
            t(locale, `churn.${item.churnRisk}`),
            item.churnScore.toFixed(0),
            t(locale, `stage.${item.lifecycleStage}`),
            item.reasons.map((reason) => t(locale, `reason.${reason}`)).join(en ? '; ' : '；'),
          ]),
          [false, false, false, false, true, false, false],
        ),
      );
    });
};
