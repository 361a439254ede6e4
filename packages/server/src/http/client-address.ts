import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * The peer's address as the socket reports it. Forwarded-for headers are
 * ignored on purpose: anyone can send them, and the sign-in throttle keys on
 * this address.
 */
export function clientAddress(c: Context<AppEnv>): string {
  return (c.env as AppEnv['Bindings'] | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
}
