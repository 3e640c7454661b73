/**
 * Rate limiting that holds when it matters: requests whose token does not verify are counted by
 * address (guessing tokens is limited too), and when the shared Redis store cannot be reached
 * each gateway counts in its own memory, says so in its log, and is never silently unlimited.
 * Redis is "down" for real here: its URL names a port nothing listens on.
 */
import { freePort } from '@cswb/contract/http';
import { FallbackRateLimitStore, RateLimiter, RedisRateLimitStore } from '@cswb/gateway';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

let stack: TestStack;
let closedRedisUrl: string;
beforeAll(async () => {
  closedRedisUrl = `redis://127.0.0.1:${await freePort()}`;
  stack = await startTestStack('ratefallback', { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_REDIS_URL: closedRedisUrl });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('rate limiting', () => {
  it('counts requests whose token fails verification by address: 401 until the limit, then 429', async () => {
    const forged = bearer(await signToken({ sub: 'guess' }, 'a-guessed-secret-that-is-32-characters-long'));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await graphql(stack.gateway.url, '{ __typename }', undefined, forged)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // The same address without a token shares that count.
    expect((await graphql(stack.gateway.url, '{ __typename }')).status).toBe(429);
  });

  it('still limits a verified caller while Redis is unreachable (in-memory fallback)', async () => {
    const headers = bearer(await signToken({ sub: 'dashboard-fallback', scope: 'aggregates:read', purpose: 'planning' }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await graphql(stack.gateway.url, '{ __typename }', undefined, headers)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('the fallback store logs the outage once, counts in memory, and never lets a request through uncounted', async () => {
    const logged: string[] = [];
    const store = new FallbackRateLimitStore(new RedisRateLimitStore(closedRedisUrl), new RateLimiter(), (line) => logged.push(line));
    try {
      const waits = [];
      for (let i = 0; i < 4; i++) waits.push(await store.take('subject:x', 2));
      expect(waits.map((w) => w > 0)).toEqual([false, false, true, true]);
      expect(store.degraded).toBe(true);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/rate limit store unavailable .*counting in this process's memory/);
    } finally {
      await store.close();
    }
  });
});
