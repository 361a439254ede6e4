import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authRoutes, type User } from '@retail-value/core';
import { createApiClient, type ApiCall } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import { useI18n } from '../i18n/i18n-context.js';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

interface Session {
  readonly status: SessionStatus;
  /** Signed out on purpose (not expired): the next sign-in starts afresh rather than returning to the last page. */
  readonly signedOutByUser: boolean;
  readonly user: User | undefined;
  readonly api: ApiCall;
  readonly login: (username: string, password: string) => Promise<void>;
  readonly logout: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/**
 * Holds who is signed in. The session cookie is HTTP-only, so the page asks
 * /api/auth/me on load; the CSRF token lives only in memory.
 */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const { locale, t } = useI18n();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<User | undefined>(undefined);
  const [signedOutByUser, setSignedOutByUser] = useState(false);
  const csrfToken = useRef<string | undefined>(undefined);
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const networkError = useRef(t('error.network'));
  networkError.current = t('error.network');

  const signedOut = useCallback(() => {
    csrfToken.current = undefined;
    setUser(undefined);
    setStatus('signed-out');
  }, []);

  const api = useMemo(
    () =>
      createApiClient({
        locale: () => localeRef.current,
        csrfToken: () => csrfToken.current,
        onUnauthorized: signedOut,
        networkError: () => networkError.current,
      }),
    [signedOut],
  );

  useEffect(() => {
    api(authRoutes.me).then(
      (session) => {
        csrfToken.current = session.csrfToken;
        setUser(session.user);
        setStatus('signed-in');
      },
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        signedOut();
      },
    );
  }, [api, signedOut]);

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await api(authRoutes.login, { body: { username, password } });
      csrfToken.current = session.csrfToken;
      setUser(session.user);
      setSignedOutByUser(false);
      setStatus('signed-in');
    },
    [api],
  );

  const logout = useCallback(async () => {
    try {
      await api(authRoutes.logout);
    } finally {
      setSignedOutByUser(true);
      signedOut();
    }
  }, [api, signedOut]);

  const value = useMemo<Session>(
    () => ({ status, signedOutByUser, user, api, login, logout }),
    [status, signedOutByUser, user, api, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages behind the sign-in gate. */
export function useUser(): User {
  const { user } = useSession();
  if (user === undefined) throw new Error('useUser without a signed-in user');
  return user;
}
