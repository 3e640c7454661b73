/** Counts a client's requests in fixed one-minute windows, in this process or shared by replicas. */
export interface RateLimitStore {
  /** Counts one request; the seconds to wait when over the limit, 0 when it may proceed. */
  take(client: string, perMinute: number): Promise<number>;
  close(): Promise<void>;
}

export const RATE_LIMIT_WINDOW_MS = 60_000;

export function retryAfterSeconds(windowStart: number, now: number): number {
  return Math.max(1, Math.ceil((windowStart + RATE_LIMIT_WINDOW_MS - now) / 1000));
}
