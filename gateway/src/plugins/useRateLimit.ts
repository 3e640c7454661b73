import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Caller } from '@cswb/contract/auth';
import { ErrorCode } from '@cswb/contract/errors';
import type { IncomingMessage } from 'node:http';
import type { GatewayMetrics } from '../metrics';
import { RATE_LIMIT_WINDOW_MS, RateLimitStore, retryAfterSeconds } from '../RateLimitStore';

/** Fixed one-minute windows per client, in this process's memory (the default store). */
export class RateLimiter implements RateLimitStore {
  private windows = new Map<string, { start: number; count: number }>();
  private sweptAt = 0;
  constructor(private now: () => number = Date.now) {}

  async take(client: string, perMinute: number): Promise<number> {
    const now = this.now();
    if (now - this.sweptAt > RATE_LIMIT_WINDOW_MS) {
      for (const [key, window] of this.windows) if (now - window.start >= RATE_LIMIT_WINDOW_MS) this.windows.delete(key);
      this.sweptAt = now;
    }
    let window = this.windows.get(client);
    if (!window || now - window.start >= RATE_LIMIT_WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count += 1;
    return window.count > perMinute ? retryAfterSeconds(window.start, now) : 0;
  }

  async close(): Promise<void> {}
}

/**
 * Refuses a client's requests past `perMinute` in a minute with HTTP 429 and RATE_LIMITED. A client
 * is the token's subject, or the address for anonymous callers and for requests whose token does
 * not verify (counted before the auth plugin refuses them with 401, so guessing tokens is limited too).
 */
export function useRateLimit(perMinute: number, callerOf: (request: Request) => Promise<Caller>, store: RateLimitStore, metrics?: GatewayMetrics): GatewayPlugin {
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS' || !new URL(request.url).pathname.endsWith('/graphql')) return;
      const address = `address:${(serverContext as { req?: IncomingMessage } | undefined)?.req?.socket?.remoteAddress ?? 'unknown'}`;
      const caller = await callerOf(request).catch(() => null);
      const client = caller && !caller.anonymous ? `subject:${caller.subject}` : address;
      const retryAfter = await store.take(client, perMinute);
      if (!retryAfter) return;
      metrics?.rateLimited.inc();
      // Answered here, before the runtime: its result hooks never see this error.
      metrics?.countError(ErrorCode.RATE_LIMITED);
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message: `Too many requests: at most ${perMinute} a minute; retry in ${retryAfter} s`,
                extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter },
              },
            ],
          }),
          { status: 429, headers: { 'content-type': 'application/json', 'retry-after': String(retryAfter) } },
        ),
      );
    },
  };
}
