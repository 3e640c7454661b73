import type { ProtectedRead } from '@cswb/contract/auth';

/** One cached answer: what the subgraph sent and what it read for the audit log, at a data version. */
export interface CachedResponse {
  dataVersion: string;
  /** What Apollo is given to send (`keepAnswerText`'s stand-in for the answer's text, in the subgraphs); frozen, shared by every answer served from it. */
  result: Readonly<Record<string, unknown>>;
  reads: readonly ProtectedRead[];
  bytes: number;
  expiresAt: number;
}

export interface ResponseCacheOptions {
  /** Budget for the answers kept, measured as their JSON length. */
  maxBytes: number;
  /** How long an answer is served at most, even if the data has not changed. */
  ttlMs: number;
  now?: () => number;
}

/**
 * Answers kept in memory by key, least recently used out first once `maxBytes` is reached. An
 * entry is served only at the data version it was computed at and before it expires.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private on = true;
  private readonly now: () => number;

  constructor(private readonly options: ResponseCacheOptions) {
    if (!Number.isInteger(options.maxBytes) || options.maxBytes < 1) throw new TypeError(`maxBytes must be a positive integer, got ${options.maxBytes}`);
    if (!Number.isInteger(options.ttlMs) || options.ttlMs < 1) throw new TypeError(`ttlMs must be a positive integer, got ${options.ttlMs}`);
    this.now = options.now ?? Date.now;
  }

  /** While false nothing is served or kept (a benchmark's cold runs); turning it off empties the cache. */
  get enabled(): boolean {
    return this.on;
  }

  set enabled(value: boolean) {
    this.on = value;
    if (!value) this.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /**
   * The answer kept under `key` whatever data version it was computed at (the caller checks the
   * version, e.g. `writeAuditEntryAtDataVersion`), unless it has expired.
   */
  peek(key: string): CachedResponse | undefined {
    if (!this.on) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The answer kept under `key` if it was computed at `dataVersion` and has not expired. */
  get(key: string, dataVersion: string): CachedResponse | undefined {
    const entry = this.peek(key);
    if (entry && entry.dataVersion !== dataVersion) {
      this.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: { dataVersion: string; result: Record<string, unknown>; reads: readonly ProtectedRead[]; bytes: number }): void {
    if (!this.on || entry.bytes > this.options.maxBytes) return;
    this.delete(key);
    this.entries.set(key, { ...entry, result: deepFreeze(entry.result), reads: deepFreeze([...entry.reads]), expiresAt: this.now() + this.options.ttlMs });
    this.bytes += entry.bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
