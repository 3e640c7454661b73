import type { RateLimitStore } from './RateLimitStore';

/** Milliseconds between two attempts to reach a shared store that failed. */
export const SHARED_STORE_RETRY_MS = 5_000;

/**
 * A shared store (Redis) with this process's memory behind it: while the shared store fails,
 * windows are counted in memory (each replica then limits on its own, never unlimited), the
 * outage and the recovery are logged once each, and the shared store is tried again every
 * `SHARED_STORE_RETRY_MS`.
 */
export class FallbackRateLimitStore implements RateLimitStore {
  private downSince: number | null = null;
  private retryAt = 0;

  constructor(
    private readonly shared: RateLimitStore,
    private readonly local: RateLimitStore,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while requests are counted in this process only. */
  get degraded(): boolean {
    return this.downSince !== null;
  }

  async take(client: string, perMinute: number): Promise<number> {
    if (this.downSince !== null && this.now() < this.retryAt) return this.local.take(client, perMinute);
    try {
      const retryAfter = await this.shared.take(client, perMinute);
      if (this.downSince !== null) {
        this.log(`rate limit store reachable again after ${Math.round((this.now() - this.downSince) / 1000)} s: counting in the shared store`);
        this.downSince = null;
      }
      return retryAfter;
    } catch (error) {
      if (this.downSince === null) {
        this.downSince = this.now();
        this.log(`rate limit store unavailable (${(error as Error).message}): counting in this process's memory until it is back`);
      }
      this.retryAt = this.now() + SHARED_STORE_RETRY_MS;
      return this.local.take(client, perMinute);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.shared.close(), this.local.close()]);
  }
}
