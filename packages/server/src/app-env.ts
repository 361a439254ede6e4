import type { IncomingMessage } from 'node:http';
import type { Locale, User } from '@retail-value/core';
import type { Database } from '@retail-value/engine';

/** The signed-in session a request carries. */
export interface SessionState {
  readonly user: User;
  readonly csrfToken: string;
  /** The cookie token, kept to end the session on logout. */
  readonly token: string;
}

export type AppEnv = {
  /** Set by @hono/node-server; absent when tests call `app.request()` without it. */
  Bindings: { readonly incoming?: IncomingMessage };
  Variables: {
    session: SessionState | undefined;
    locale: Locale;
  };
};

/** What route modules need from the application. */
export interface AppDeps {
  readonly db: Database;
  /** The clock for sessions and sign-in throttling; tests move it. */
  readonly now: () => Date;
}
