import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../packages/cli/bin/retail-value.js', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url));
export const BUILT_WEB = fileURLToPath(new URL('../packages/web/dist/index.html', import.meta.url));

export interface CliServer {
  readonly url: string;
  /** Output so far, for failure messages. */
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs the built `retail-value serve` on a free port, as a user would, and
 * waits for the address it prints. The built CLI and web UI must exist
 * (`npm test` builds them first).
 */
export async function startCliServer(dbPath: string): Promise<CliServer> {
  for (const built of [BUILT_CLI, BUILT_WEB]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  }
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--db', dbPath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/[\d.]+:\d+/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
