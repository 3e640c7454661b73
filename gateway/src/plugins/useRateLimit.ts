import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode, type TokenVerifier } from '@cswb/shared';
import type { IncomingMessage } from 'node:http';
import type { GatewayMetrics } from '../metrics';

const WINDOW_MS = 60_000;

/** Fixed one-minute windows per client, in this process's memory. */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private sweptAt = 0;
  constructor(
    readonly perMinute: number,
    private now: () => number = Date.now,
  ) {}

  /** Seconds to wait when over the limit; 0 when the request may proceed. */
  take(client: string): number {
    const now = this.now();
    if (now - this.sweptAt > WINDOW_MS) {
      for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
      this.sweptAt = now;
    }
    let window = this.windows.get(client);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count += 1;
    return window.count > this.perMinute ? Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) : 0;
  }
}

/**
 * Refuses a client's requests past `perMinute` in a minute with HTTP 429 and RATE_LIMITED. A client
 * is the token's subject, or the address for anonymous callers; a token that does not verify is
 * left to the auth plugin (401).
 */
export function useRateLimit(perMinute: number, verifyToken: TokenVerifier, metrics?: GatewayMetrics): GatewayPlugin {
  const limiter = new RateLimiter(perMinute);
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS' || !new URL(request.url).pathname.endsWith('/graphql')) return;
      let client: string;
      try {
        const caller = await verifyToken(request.headers.get('authorization'));
        const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
        client = caller.anonymous ? `address:${req?.socket?.remoteAddress ?? 'unknown'}` : `subject:${caller.subject}`;
      } catch {
        return;
      }
      const retryAfter = limiter.take(client);
      if (!retryAfter) return;
      metrics?.rateLimited.inc();
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
