import type { Command } from 'commander';
import { issue, IssuesError, t } from '@retail-value/core';
import { openDatabase } from '@retail-value/engine';
import { defaultWebRoot, hasBuiltWeb, startServer } from '@retail-value/server';
import { localeOption } from '../context.js';
import type { CommandModule } from './index.js';

interface ServeFlags {
  readonly db: string;
  readonly port: string;
  readonly host: string;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (/^\d+$/.test(text) && port <= 65_535) return port;
  throw new IssuesError([issue('serve.port_invalid', { value: text })]);
}

/** Resolves on the first SIGINT or SIGTERM, so the server can close the database cleanly. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** `retail-value serve`: the HTTP API and the web UI. */
export const serveCommand: CommandModule = (program, context) => {
  program
    .command('serve')
    .description('start the HTTP API and the web UI; stops on Ctrl+C')
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--port <n>', 'TCP port (0 picks a free one)', '3000')
    .option('--host <address>', 'address to listen on; 0.0.0.0 for every interface', '127.0.0.1')
    .action(async (flags: ServeFlags, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const port = parsePort(flags.port);
      const webRoot = defaultWebRoot();
      const builtWeb = hasBuiltWeb(webRoot);
      if (!builtWeb) context.err(t(locale, 'serve.web_missing', { path: webRoot }));
      const db = await openDatabase(flags.db);
      try {
        const server = await startServer({ db, port, hostname: flags.host, ...(builtWeb ? { webRoot } : {}) });
        context.out(t(locale, 'serve.listening', { url: server.url }));
        await untilStopped();
        context.err(t(locale, 'serve.stopping'));
        await server.close();
      } finally {
        await db.close();
      }
    });
};
