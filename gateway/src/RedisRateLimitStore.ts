import { createClient } from '@redis/client';
import { RATE_LIMIT_WINDOW_MS, RateLimitStore, retryAfterSeconds } from './RateLimitStore';

/** Milliseconds a request waits for Redis before the store counts as down. */
const REDIS_TAKE_TIMEOUT_MS = 500;
/** How long the gateway waits for Redis when it starts before serving with the in-memory fallback. */
const REDIS_CONNECT_AT_START_MS = 3_000;

function connectClient(url: string) {
  const client = createClient({
    url,
    // Fail commands at once while disconnected instead of queueing them (and the requests behind them).
    disableOfflineQueue: true,
    socket: { connectTimeout: REDIS_TAKE_TIMEOUT_MS, reconnectStrategy: false },
  });
  // Errors surface as rejected commands (and `FallbackRateLimitStore` logs them); an unhandled 'error' would crash the process.
  client.on('error', () => undefined);
  return client.connect();
}

type Client = Awaited<ReturnType<typeof connectClient>>;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Rate-limit windows in Redis, shared by every gateway replica that points at it: one key per
 * client and minute, incremented atomically and expiring with its window. Throws when Redis
 * cannot be reached in time: wrap it in `FallbackRateLimitStore`, which then counts in memory.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private client?: Promise<Client>;

  constructor(
    private readonly url: string,
    private readonly now: () => number = Date.now,
  ) {}

  private connect(): Promise<Client> {
    this.client ??= connectClient(this.url);
    return this.client;
  }

  /**
   * Connects now rather than on the first request (at gateway start-up): a first request must not
   * pay for the connection within its short budget and, under load, miss it and count in memory
   * for a while. False when Redis cannot be reached within `ms`; requests then fall back as usual.
   */
  async connectNow(ms = REDIS_CONNECT_AT_START_MS): Promise<boolean> {
    try {
      await withTimeout(this.connect(), ms);
      return true;
    } catch {
      const stale = this.client;
      this.client = undefined;
      void stale?.then((redis) => redis.destroy()).catch(() => undefined);
      return false;
    }
  }

  async take(client: string, perMinute: number): Promise<number> {
    const now = this.now();
    const windowStart = now - (now % RATE_LIMIT_WINDOW_MS);
    const key = `cswb:rate:${client}:${windowStart}`;
    const reused = this.client !== undefined;
    let count: number;
    try {
      count = await this.increment(key);
    } catch (error) {
      // A kept connection may have dropped while idle (Redis restarted): one more try on a new one.
      if (!reused) throw error;
      count = await this.increment(key);
    }
    return count > perMinute ? retryAfterSeconds(windowStart, now) : 0;
  }

  /** Counts one request in the key's window; drops the connection when that fails. */
  private async increment(key: string): Promise<number> {
    try {
      return await withTimeout(
        this.connect().then(async (redis) => {
          const [incremented] = (await redis.multi().incr(key).pExpire(key, RATE_LIMIT_WINDOW_MS).exec()) as unknown as [number, number];
          return Number(incremented);
        }),
        REDIS_TAKE_TIMEOUT_MS,
      );
    } catch (error) {
      const stale = this.client;
      this.client = undefined;
      void stale?.then((redis) => redis.destroy()).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await (await client.catch(() => undefined))?.close().catch(() => undefined);
  }
}
