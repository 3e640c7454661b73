import type { Caller } from './Caller';

interface CachedToken {
  caller: Caller;
  expiresAtMs: number;
  /** For a key set that can change (JWKS): the key the token verified with, checked again on each hit. */
  key?: unknown;
  header?: Record<string, unknown>;
}

/**
 * Tokens that verified, by their exact text, until their `exp`: a token seen again is not
 * decoded or its signature checked again. Only successes are kept (a refused token is verified
 * anew every time), nothing past its `exp` is served, and at most `maxEntries` tokens are kept
 * (the oldest goes first).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, CachedToken>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The entry for `token`, when it is held and `nowMs` is before its `exp`; an expired entry is dropped. */
  get(token: string, nowMs = Date.now()): CachedToken | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  /** A copy of the caller held for `token` (each request gets its own), or undefined as `get`. */
  callerFor(token: string, nowMs = Date.now()): Caller | undefined {
    const entry = this.get(token, nowMs);
    return entry && copyOf(entry.caller);
  }

  set(token: string, entry: CachedToken, nowMs = Date.now()): void {
    if (this.maxEntries <= 0 || nowMs >= entry.expiresAtMs) return;
    this.entries.delete(token);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.set(token, { ...entry, caller: copyOf(entry.caller) });
  }

  delete(token: string): void {
    this.entries.delete(token);
  }
}

function copyOf(caller: Caller): Caller {
  return { ...caller, scopes: [...caller.scopes] };
}
