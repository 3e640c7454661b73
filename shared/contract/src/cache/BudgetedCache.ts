export interface BudgetedCacheOptions {
  /** Budget for what is kept, as the sizes given with each entry. */
  maxBytes: number;
  /** How long an entry is kept at most. */
  ttlMs: number;
  now?: () => number;
}

interface Kept<T> {
  value: T;
  bytes: number;
  expiresAt: number;
}

/**
 * Entries by key within a size budget, least recently used out first once it is reached, each for
 * `ttlMs` at most; can be turned off (emptied) and on. What a subgraph's response cache and the
 * gateway's answer cache share: what an entry is and when it may be served is theirs.
 */
export class BudgetedCache<T> {
  private readonly entries = new Map<string, Kept<T>>();
  private bytes = 0;
  private on = true;
  private readonly now: () => number;

  constructor(private readonly options: BudgetedCacheOptions) {
    if (!Number.isInteger(options.maxBytes) || options.maxBytes < 1) throw new TypeError(`maxBytes must be a positive integer, got ${options.maxBytes}`);
    if (!Number.isInteger(options.ttlMs) || options.ttlMs < 1) throw new TypeError(`ttlMs must be a positive integer, got ${options.ttlMs}`);
    this.now = options.now ?? Date.now;
  }

  /** While false nothing is kept or given (a benchmark's cold runs); turning it off empties the cache. */
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

  /** The entry kept under `key` unless it has expired (the most recently used from now on). */
  peek(key: string): T | undefined {
    if (!this.on) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` of `bytes` under `key`; false when it is not kept (the cache is off, or the entry alone is over budget). */
  protected keep(key: string, value: T, bytes: number): boolean {
    if (!this.on || bytes > this.options.maxBytes) return false;
    this.delete(key);
    this.entries.set(key, { value, bytes, expiresAt: this.now() + this.options.ttlMs });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
