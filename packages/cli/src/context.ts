import { formatIssue, IssuesError, parseLocale, type Locale } from '@retail-value/core';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  readonly stderrIsTty: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
};

/** Shared state of one CLI invocation. Commands set `exitCode` on failure. */
export class CliContext {
  readonly io: CliIo;
  exitCode = 0;
  constructor(io: CliIo) {
    this.io = io;
  }

  out(text: string): void {
    this.io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }

  err(text: string): void {
    this.io.stderr(text.endsWith('\n') ? text : `${text}\n`);
  }

  json(value: unknown): void {
    this.out(JSON.stringify(value, null, 2));
  }

  /** Reports user-input issues in the chosen language and marks the run failed. */
  reportIssues(error: IssuesError, locale: Locale): void {
    for (const item of error.issues) this.err(formatIssue(item, locale));
    this.exitCode = 1;
  }
}

export function localeOption(value: string | undefined): Locale {
  return parseLocale(value ?? process.env.RETAIL_VALUE_LANG);
}
