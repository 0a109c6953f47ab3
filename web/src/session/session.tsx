// Who is signed in. Loaded once from /api/v1/me; cleared on logout or on any 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as auth from '../services/auth';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../services/http';
import type { Me } from '../services/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; error: ApiError }
  | { status: 'authenticated'; me: Me };

interface SessionApi {
  state: SessionState;
  login: (credentials: auth.Credentials) => Promise<Me>;
  logout: () => Promise<void>;
  reload: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const signOut = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(signOut);
  }, [signOut]);

  useEffect(() => {
    let cancelled = false;
    auth
      .fetchMe()
      .then((me) => {
        if (cancelled) return;
        setCsrfToken(me.csrf_token ?? null);
        setState({ status: 'authenticated', me });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) signOut();
        else setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError(0, {}) });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, signOut]);

  const login = useCallback(async (credentials: auth.Credentials) => {
    const response = await auth.login(credentials);
    setCsrfToken(response.csrf_token ?? response.user.csrf_token ?? null);
    setState({ status: 'authenticated', me: response.user });
    return response.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      // Even if the server call fails, this browser forgets the session.
      signOut();
    }
  }, [signOut]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const api = useMemo(() => ({ state, login, logout, reload }), [state, login, logout, reload]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/// The signed-in user; only for components rendered behind RequireAuth.
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe without a session');
  return state.me;
}
