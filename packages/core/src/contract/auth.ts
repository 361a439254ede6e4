import { z } from 'zod';
import { defineRoute } from './route.js';
import { userSchema } from './user.js';

/** The HTTP-only cookie that carries the session token. */
export const SESSION_COOKIE = 'rv_session';
/** The header a state-changing request carries the session's CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token';

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

/**
 * The signed-in user and the token every state-changing request must echo
 * in `X-CSRF-Token`. The session itself travels only in an HTTP-only cookie.
 */
export const sessionResponseSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const authRoutes = {
  login: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in; sets the session cookie',
    tag: 'auth',
    public: true,
    body: loginRequestSchema,
    response: sessionResponseSchema,
    errors: {
      401: 'wrong username or password',
      429: 'five failed attempts for this username from this address within 15 minutes; see Retry-After',
    },
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Sign out; ends the session',
    tag: 'auth',
    response: z.object({ ok: z.literal(true) }),
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in user and their CSRF token',
    tag: 'auth',
    response: sessionResponseSchema,
  }),
};
