import type { ProtectedRead } from '@cswb/contract/auth';
import { BudgetedCache, type BudgetedCacheOptions } from '@cswb/contract/cache';

/** One cached answer: what the subgraph sent and what it read for the audit log, at a data version. */
export interface CachedResponse {
  dataVersion: string;
  /** What Apollo is given to send (`keepAnswerText`'s stand-in for the answer's text, in the subgraphs); frozen, shared by every answer served from it. */
  result: Readonly<Record<string, unknown>>;
  reads: readonly ProtectedRead[];
  /** What it counts against the budget: the answer's text length. */
  bytes: number;
}

/** `maxBytes`: budget for the answers kept, as their text length; `ttlMs`: how long an answer is served at most, even if the data has not changed. */
export type ResponseCacheOptions = BudgetedCacheOptions;

/**
 * Answers kept in memory by key, least recently used out first once `maxBytes` is reached. An
 * entry is served only at the data version it was computed at and before it expires. `peek`
 * gives it whatever its version (the caller checks it, e.g. `writeAuditEntryAtDataVersion`).
 */
export class ResponseCache extends BudgetedCache<CachedResponse> {
  /** The answer kept under `key` if it was computed at `dataVersion` and has not expired. */
  get(key: string, dataVersion: string): CachedResponse | undefined {
    const entry = this.peek(key);
    if (entry && entry.dataVersion !== dataVersion) {
      this.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Keeps `entry` under `key`; false when it is not kept (the cache is off, or the entry alone is over budget). */
  set(key: string, entry: CachedResponse): boolean {
    return this.keep(key, { ...entry, result: deepFreeze(entry.result), reads: deepFreeze([...entry.reads]) }, entry.bytes);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
