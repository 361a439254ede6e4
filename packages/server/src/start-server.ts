import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Database } from '@retail-value/engine';
import { createApp } from './app.js';

export interface ServerOptions {
  readonly db: Database;
  readonly port: number;
  readonly hostname: string;
  readonly webRoot?: string;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 (the real port when 0 was asked for). */
  readonly url: string;
  close(): Promise<void>;
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp({ db: options.db, ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
