import { createClient } from '@redis/client';
import { RATE_LIMIT_WINDOW_MS, RateLimitStore, retryAfterSeconds } from './RateLimitStore';

function connectClient(url: string, log: (message: string) => void) {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(retries * 200, 2000) } });
  client.on('error', (error: Error) => log(`rate limit store: ${error.message}`));
  return client.connect();
}

type Client = Awaited<ReturnType<typeof connectClient>>;

/**
 * Rate-limit windows in Redis, shared by every gateway replica that points at it: one key per
 * client and minute, incremented atomically and expiring with its window. When Redis cannot be
 * reached the request is let through and the failure logged: limiting is protection, not a
 * reason to take the hub down.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private client?: Promise<Client>;

  constructor(
    private readonly url: string,
    private readonly log: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
    private readonly now: () => number = Date.now,
  ) {}

  private connect(): Promise<Client> {
    this.client ??= connectClient(this.url, this.log);
    return this.client;
  }

  async take(client: string, perMinute: number): Promise<number> {
    const now = this.now();
    const windowStart = now - (now % RATE_LIMIT_WINDOW_MS);
    const key = `cswb:rate:${client}:${windowStart}`;
    try {
      const redis = await this.connect();
      const [count] = (await redis.multi().incr(key).pExpire(key, RATE_LIMIT_WINDOW_MS).exec()) as unknown as [number, number];
      return Number(count) > perMinute ? retryAfterSeconds(windowStart, now) : 0;
    } catch (error) {
      this.log(`rate limit store unavailable, request let through: ${(error as Error).message}`);
      this.client = undefined;
      return 0;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await (await client.catch(() => undefined))?.quit().catch(() => undefined);
  }
}
