/**
 * Who is signed in. A person signs in with e-mail and password (POST /v1/session: an HttpOnly
 * cookie, and a CSRF token sent back on every write); in development an API key may stand in
 * (kept for this browser tab only, in sessionStorage).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCredentials, whenSessionEnds } from '../api/client';
import { endSession, fetchMe, proveKey, startSession, type Me } from './api';

interface SessionState {
  ready: boolean;
  signedIn: boolean;
  me: Me | null;
  /** The server ended the session while this screen was open: sign in again in place (SessionExpiredModal). */
  expired: boolean;
  /**
   * Signs in and answers who that is; with the second factor when the account has one on: a
   * code from the app, or a recovery code.
   */
  signInWithPassword(email: string, password: string, second?: SecondFactor): Promise<Me | null>;
  signInWithKey(key: string): Promise<void>;
  signOut(): Promise<void>;
}

export type SecondFactor = { totp: string } | { recoveryCode: string };

const SessionContext = createContext<SessionState | null>(null);
const KEY_STORAGE = 'zairyu.apiKey';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [signedIn, setSignedIn] = useState(false);
  const [me, setMe] = useState<Me | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    whenSessionEnds(() => setExpired(true));
    return () => whenSessionEnds(null);
  }, []);

  const adoptKey = useCallback(async (key: string) => {
    setCredentials({ kind: 'key', key });
    // Any organisation read proves the key; /v1/me tells its role where the server has it.
    await proveKey();
    sessionStorage.setItem(KEY_STORAGE, key);
    setMe(await fetchMe().catch(() => null));
    setSignedIn(true);
  }, []);

  useEffect(() => {
    void (async () => {
      try {
        const stored = sessionStorage.getItem(KEY_STORAGE);
        if (stored) {
          await adoptKey(stored);
          return;
        }
        const current = await fetchMe();
        if (current?.csrfToken) {
          setCredentials({ kind: 'session', csrfToken: current.csrfToken });
          setMe(current);
          setSignedIn(true);
        }
      } catch {
        sessionStorage.removeItem(KEY_STORAGE);
        setCredentials(null);
      } finally {
        setReady(true);
      }
    })();
  }, [adoptKey]);

  const value = useMemo<SessionState>(
    () => ({
      ready,
      signedIn,
      me,
      expired,
      async signInWithPassword(email, password, second) {
        const body = { email, password, ...second };
        const { csrfToken } = await startSession(body);
        setCredentials({ kind: 'session', csrfToken });
        const current = await fetchMe();
        setMe(current);
        setSignedIn(true);
        setExpired(false);
        return current;
      },
      async signInWithKey(key) {
        try {
          await adoptKey(key.trim());
        } catch (error) {
          setCredentials(null);
          throw error;
        }
      },
      async signOut() {
        sessionStorage.removeItem(KEY_STORAGE);
        await endSession().catch(() => undefined);
        setCredentials(null);
        setMe(null);
        setSignedIn(false);
        setExpired(false);
      },
    }),
    [ready, signedIn, me, expired, adoptKey],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
