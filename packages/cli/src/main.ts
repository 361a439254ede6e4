import { Command, CommanderError } from 'commander';
import { IssuesError } from '@retail-value/core';
import { CliContext, localeOption, processIo, type CliIo } from './context.js';
import { COMMANDS } from './commands/index.js';

export function buildProgram(context: CliContext): Command {
  const program = new Command('retail-value')
    .description('Retail customer value management — 零售客户价值管理系统')
    .option('--lang <lang>', 'message language: zh-CN (default) or en')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    });
  for (const register of COMMANDS) register(program, context);
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const context = new CliContext(io);
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode;
    }
    if (error instanceof IssuesError) {
      const lang = argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined;
      context.reportIssues(error, localeOption(lang));
      return 1;
    }
    context.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 2;
  }
  return context.exitCode;
}

export async function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, processIo);
}
