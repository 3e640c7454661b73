import { ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import { readAuthConfig } from '@cswb/contract/auth';
import { envPrefix, readGatewayConfig, readTrustConfig } from '@cswb/contract/config';
import { freePort } from '@cswb/contract/http';
import { SHARED_STORE_RETRY_MS, startGateway, StartedGateway } from '@cswb/gateway';
import { SUPERGRAPH_FILE } from '@cswb/cli';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken, TEST_JWT_SECRET } from '@cswb/testing/tokens';

/**
 * Opt-in (`npm run test:redis`, which CI runs after installing Debian's redis-server): two
 * gateway replicas count one client's requests in the same Redis; with Redis stopped, a gateway
 * still limits (in memory), and counts in Redis again once it is back.
 */
let redis: ChildProcess;
let stack: TestStack;
let replica: StartedGateway;

let redisPort: number;

/** A redis-server on `port`, resolved once it accepts connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => (Date.now() > deadline ? reject(new Error('redis-server did not start')) : setTimeout(attempt, 100)));
    };
    attempt();
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  redisPort = await freePort();
  const port = redisPort;
  redis = await startRedis(port);
  const env = { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_REDIS_URL: `redis://127.0.0.1:${port}` };
  stack = await startTestStack('redis', env);
  const subgraphUrls: Record<string, string> = Object.fromEntries(stack.subgraphs.map((s) => [`${envPrefix(s.name)}_URL`, s.url]));
  const config = readGatewayConfig({ ...env, ...subgraphUrls, PORT: '0' }, stack.subgraphs.map((s) => s.name), SUPERGRAPH_FILE);
  replica = await startGateway(config, readAuthConfig({ JWT_DEV_SECRET: TEST_JWT_SECRET }), readTrustConfig({ HUB_CERTS_DIR: process.env.CSWB_TEST_CERTS_DIR }, process.cwd()), { quiet: true });
});

afterAll(async () => {
  await replica?.close();
  await stack?.stop();
  if (redis) await stopRedis(redis);
});

describe('rate limiting shared by gateway replicas through Redis', () => {
  it("counts a client's requests on every replica against one limit", async () => {
    const headers = bearer(await signToken({ sub: 'dashboard-7', scope: 'aggregates:read', purpose: 'planning' }));
    const statuses = [];
    for (const url of [stack.gateway.url, stack.gateway.url, replica.url, replica.url, stack.gateway.url]) {
      statuses.push((await graphql(url, '{ __typename }', undefined, headers)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const other = bearer(await signToken({ sub: 'dashboard-8', scope: 'aggregates:read', purpose: 'planning' }));
    expect((await graphql(replica.url, '{ __typename }', undefined, other)).status).toBe(200);
  });

  it('keeps limiting in memory while Redis is down, and counts in Redis again once it is back', async () => {
    await stopRedis(redis);
    const during = bearer(await signToken({ sub: 'dashboard-outage', scope: 'aggregates:read', purpose: 'planning' }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await graphql(stack.gateway.url, '{ __typename }', undefined, during)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    redis = await startRedis(redisPort);
    // The gateway tries Redis again 5 s after it last failed (SHARED_STORE_RETRY_MS).
    await new Promise((resolve) => setTimeout(resolve, SHARED_STORE_RETRY_MS + 500));
    const after = bearer(await signToken({ sub: 'dashboard-after', scope: 'aggregates:read', purpose: 'planning' }));
    const shared = [];
    // Alternating replicas: only a count shared in Redis refuses the fourth.
    for (const url of [stack.gateway.url, replica.url, stack.gateway.url, replica.url]) shared.push((await graphql(url, '{ __typename }', undefined, after)).status);
    expect(shared).toEqual([200, 200, 200, 429]);
  }, 30_000);
});
