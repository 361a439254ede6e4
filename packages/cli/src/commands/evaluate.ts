import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { evaluate } from '@retail-value/engine';
import { withDatabase } from '../db-option.js';
import { readSchemeFile } from '../read-scheme-file.js';
import type { CommandModule } from './index.js';

interface EvaluateFlags {
  readonly db: string;
  readonly scheme?: string;
  readonly period: string;
  readonly asOf?: string;
  readonly windowWeeks?: string;
  readonly json?: boolean;
}

/** `retail-value evaluate`: one evaluation run, stored immutably. */
export const evaluateCommand: CommandModule = (program, context) => {
  program
    .command('evaluate')
    .description('evaluate every customer with a scheme and store the run (values, scores, cells, classes)')
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--scheme <file>', 'scheme JSON file or preset id (default: the latest stored default scheme)')
    .requiredOption('--period <period>', 'evaluation period, e.g. 2026Q3, 2026M07 or 2026')
    .option('--as-of <date>', 'last day of the evaluation window (default: the last day of the period)')
    .option('--window-weeks <n>', "length of the evaluation window in weeks (default: the scheme's windowWeeks)")
    .option('--json', 'print {runId, customers, resultFingerprint} as JSON')
    .action(async (flags: EvaluateFlags, _command: Command) => {
      const scheme = flags.scheme === undefined ? undefined : await readSchemeFile(flags.scheme);
      const bar = context.io.stderrIsTty ? new cliProgress.SingleBar({ format: 'evaluate [{bar}] {percentage}% {step}', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
      bar?.start(100, 0, { step: '' });
      try {
        const result = await withDatabase(flags.db, (db) =>
          evaluate(db, {
            period: flags.period,
            scheme,
            asOf: flags.asOf,
            windowWeeks: flags.windowWeeks === undefined ? undefined : Number(flags.windowWeeks),
            onProgress: (step, done) => bar?.update(Math.round(done * 100), { step }),
          }),
        );
        bar?.stop();
        if (flags.json === true) {
          context.json({ runId: result.runId, customers: result.customers, resultFingerprint: result.resultFingerprint, inputFingerprint: result.inputFingerprint, seconds: result.seconds });
          return;
        }
        context.out(`run ${result.runId}: ${result.customers} customers in ${result.seconds.toFixed(2)} s`);
        for (const step of result.steps) context.out(`  ${step.step.padEnd(12)} ${step.seconds.toFixed(3)} s`);
        context.out(`result fingerprint ${result.resultFingerprint}`);
      } finally {
        bar?.stop();
      }
    });
};
