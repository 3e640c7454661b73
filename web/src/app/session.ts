import { clearQueryCache } from '../api/useQuery';
import { createStore, useStore } from './store';

export interface Session {
  /** The bearer token the viewer signed in with; undefined: public (anonymous) viewer. */
  token?: string;
  /** What the token says about its holder, for display only (the hub verifies the token). */
  subject?: string;
  scopes: string[];
  purpose?: string;
  expiresAt?: number;
}

const STORAGE_KEY = 'cswb.token';

/** Reads a JWT's claims for display; undefined when it is not a JWT (the hub will refuse it). */
export function describeToken(token: string): Omit<Session, 'token'> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown; scope?: unknown; purpose?: unknown; exp?: unknown };
    return {
      subject: typeof claims.sub === 'string' ? claims.sub : undefined,
      scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
      purpose: typeof claims.purpose === 'string' ? claims.purpose : undefined,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
    };
  } catch {
    return undefined;
  }
}

function sessionOf(token: string | null): Session {
  const described = token ? describeToken(token) : undefined;
  return token && described && (!described.expiresAt || described.expiresAt > Date.now()) ? { token, ...described } : { scopes: [] };
}

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const sessionStore = createStore<Session>(sessionOf(storedToken()));

/** Kept for this browser tab only (sessionStorage): closing the tab signs out. */
export function signIn(token: string): boolean {
  const session = sessionOf(token.trim());
  if (!session.token) return false;
  sessionStorage.setItem(STORAGE_KEY, session.token);
  clearQueryCache();
  sessionStore.set(session);
  return true;
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  clearQueryCache();
  sessionStore.set({ scopes: [] });
}

export function useSession(): Session {
  return useStore(sessionStore);
}
