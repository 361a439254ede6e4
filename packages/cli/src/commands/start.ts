import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { t } from '@retail-value/core';
import { createDemoUsers, evaluate, generateDemo, listRuns, openDatabase, summarizeResults } from '@retail-value/engine';
import { defaultWebRoot, hasBuiltWeb, startServer } from '@retail-value/server';
import { localeOption } from '../context.js';
import type { CommandModule } from './index.js';

interface StartFlags {
  readonly db: string;
  readonly period: string;
  readonly port: string;
  readonly serve: boolean;
}

/**
 * `retail-value start`: the one-line first run. Creates the demo database if
 * it is absent, evaluates it once, prints a summary and the demo logins, then
 * serves the web application.
 */
export const startCommand: CommandModule = (program, context) => {
  program
    .command('start')
    .description('create the demo database if absent, evaluate it, print a summary and serve the web UI')
    .option('--db <file>', 'DuckDB database file', 'data/demo.duckdb')
    .option('--period <period>', 'period to evaluate', '2026Q3')
    .option('--port <n>', 'TCP port of the web UI', '3000')
    .option('--no-serve', 'stop after the summary instead of serving the web UI')
    .action(async (flags: StartFlags, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const en = locale === 'en';
      const fresh = !existsSync(flags.db);
      if (fresh) mkdirSync(dirname(flags.db), { recursive: true });
      const db = await openDatabase(flags.db);
      try {
        if (fresh) {
          context.out(en ? `creating the demo company in ${flags.db} …` : `正在 ${flags.db} 中生成演示数据……`);
          const demo = await generateDemo(db, {});
          context.out(`${demo.counts.customers} customers, ${demo.counts.order_lines} order lines (${demo.seconds.toFixed(1)} s)`);
        }
        const logins = await createDemoUsers(db);
        if ((await listRuns(db)).length === 0) {
          const run = await evaluate(db, { period: flags.period });
          context.out(en ? `evaluated ${run.customers} customers as run ${run.runId} in ${run.seconds.toFixed(2)} s` : `已评价 ${run.customers} 户，评价批次 ${run.runId}，用时 ${run.seconds.toFixed(2)} 秒`);
        }
        const summary = await summarizeResults(db);
        context.out('');
        context.out(`${en ? 'run' : '评价批次'} ${summary.run.runId} · ${summary.customers} ${en ? 'customers' : '户'}`);
        for (const [cell, n] of Object.entries(summary.valueCells)) context.out(`  ${t(locale, `cell.${cell}`)}: ${n}`);
        for (const [code, n] of Object.entries(summary.serviceClasses)) context.out(`  ${summary.classNames[code]?.[locale] ?? code}: ${n}`);
        context.out('');
        context.out(en ? 'demo logins:' : '演示账号：');
        for (const login of logins) context.out(`  ${login.username} / ${login.password} (${login.role}${login.district === null ? '' : ` ${login.district}`}${login.managerId === null ? '' : ` ${login.managerId}`})`);
        if (!flags.serve) return;
        const webRoot = defaultWebRoot();
        const server = await startServer({ db, port: Number(flags.port), hostname: '127.0.0.1', ...(hasBuiltWeb(webRoot) ? { webRoot } : {}) });
        context.out('');
        context.out(t(locale, 'serve.listening', { url: server.url }));
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
      } finally {
        await db.close();
      }
    });
};
