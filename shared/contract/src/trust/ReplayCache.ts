/**
 * The assertion ids (`jti`) seen within their lifetime: a second request with the same id is a
 * replay. Entries leave once their assertion has expired; when full, nothing new is admitted
 * (fail closed) until old entries expire.
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries = 500_000) {}

  /** True the first time `id` is offered before `expiresAtMs`; false for a replay or when full. */
  admit(id: string, expiresAtMs: number, nowMs = Date.now()): boolean {
    if (this.seen.has(id)) return false;
    if (this.seen.size >= this.maxEntries) this.evictExpired(nowMs);
    if (this.seen.size >= this.maxEntries) return false;
    this.seen.set(id, expiresAtMs);
    // Insertion order is nearly expiry order: drop a few expired entries from the front as we go.
    let dropped = 0;
    for (const [key, expires] of this.seen) {
      if (expires > nowMs || dropped >= 8) break;
      this.seen.delete(key);
      dropped += 1;
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private evictExpired(nowMs: number): void {
    for (const [key, expires] of this.seen) if (expires <= nowMs) this.seen.delete(key);
  }
}
