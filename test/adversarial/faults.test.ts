import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { gracefulClose } from '@cswb/contract/http';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { analystHeaders } from '@cswb/testing/analyst';
import { graphql, GraphQLResponse } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';

/**
 * A TCP relay in front of a subgraph: normally it passes bytes both ways; frozen, it accepts
 * connections and never answers (nor passes on what it was sent), as a hung process would.
 */
class FreezableRelay {
  target = 0;
  frozen = false;
  private readonly sockets = new Set<net.Socket>();
  readonly server = net.createServer((client) => {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    if (this.frozen) return;
    const upstream = net.connect(this.target, '127.0.0.1');
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }
  /** Also the connections already open: whatever was in flight on them never gets an answer. */
  freeze(): void {
    this.frozen = true;
    for (const socket of this.sockets) {
      socket.unpipe();
      socket.pause();
    }
  }
  thaw(): void {
    this.frozen = false;
    for (const socket of this.sockets) socket.destroy();
  }
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const AREA_ID = 'lakeshore-n003';
const INDICATORS = 'indicators(from: "2024-01-01", to: "2024-12-31", granularity: YEAR) { indicator { id } }';
/** Touches health only (besides the area itself): the sector that stays up. */
const HEALTH_QUERY = `query HealthOnly { area(id: "${AREA_ID}") { name health { ${INDICATORS} } } }`;
const POLICE_QUERY = `query PoliceToo { area(id: "${AREA_ID}") { name police { ${INDICATORS} } } }`;
const EDUCATION_QUERY = `query EducationToo { area(id: "${AREA_ID}") { name education { ${INDICATORS} } } }`;

const POLICE_TIMEOUT_MS = 1500;
const BREAKER_FAILURES = 3;
const BREAKER_COOLDOWN_MS = 2000;
/** Shorter than POLICE_TIMEOUT_MS: a close that waited for hung fetches would take longer than the bound. */
const GATEWAY_GRACE_MS = 300;

let stack: TestStack;
let relay: FreezableRelay;
let educationPostgres: EmbeddedPostgres;
let educationDataDir: string;
let educationPort: number;
let headers: Record<string, string>;
let base: string;

beforeAll(async () => {
  relay = new FreezableRelay();
  const relayPort = await relay.listen();
  // Education's database on a PostgreSQL server of its own, which the test stops and starts.
  educationDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-faults-pg-'));
  fs.chmodSync(educationDataDir, 0o777);
  educationPostgres = new EmbeddedPostgres({ dataDir: path.join(educationDataDir, 'postgres'), port: 0 });
  const educationServer = new URL(await educationPostgres.start());
  educationPort = Number(educationServer.port);
  educationServer.pathname = '/cswb_education';
  stack = await startTestStack('faults', {
    POLICE_URL: `https://127.0.0.1:${relayPort}/graphql`,
    POLICE_TIMEOUT_MS: String(POLICE_TIMEOUT_MS),
    CIRCUIT_BREAKER_FAILURES: String(BREAKER_FAILURES),
    CIRCUIT_BREAKER_COOLDOWN_MS: String(BREAKER_COOLDOWN_MS),
    EDUCATION_DATABASE_URL: educationServer.toString(),
    SHUTDOWN_GRACE_MS: String(GATEWAY_GRACE_MS),
  });
  relay.target = stack.subgraphs.find((s) => s.name === 'police')!.port;
  headers = await analystHeaders();
  base = stack.gateway.url.replace(/\/graphql$/, '');
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await relay?.close();
  await educationPostgres?.stop().catch(() => undefined);
  if (educationDataDir) fs.rmSync(educationDataDir, { recursive: true, force: true });
});

interface Timed {
  ms: number;
  response: GraphQLResponse;
}

async function timed(query: string): Promise<Timed> {
  const begin = performance.now();
  const response = await graphql(stack.gateway.url, query, undefined, headers);
  return { ms: performance.now() - begin, response };
}

/** `total` requests of `query`, `concurrency` at a time (a closed loop). */
async function load(query: string, total: number, concurrency: number): Promise<Timed[]> {
  const results: Timed[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        results.push(await timed(query));
      }
    }),
  );
  return results;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function readiness(): Promise<{ status: number; body: { status: string; subgraphs: { name: string; status: string; error?: string; circuit?: string }[] } }> {
  const response = await fetch(`${base}/readiness`);
  return { status: response.status, body: (await response.json()) as never };
}

const subgraphStatus = (body: Awaited<ReturnType<typeof readiness>>['body'], name: string) => body.subgraphs.find((s) => s.name === name);

let healthyMedianMs: number;

describe('a healthy hub', () => {
  it('answers /health on the gateway and every subgraph, and /readiness ready with each subgraph up and its circuit closed', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    for (const subgraph of stack.subgraphs) {
      const health = await graphqlHealth(subgraph.url);
      expect(health).toBe(200);
    }
    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.subgraphs).toHaveLength(stack.subgraphs.length);
    for (const subgraph of ready.body.subgraphs) expect(subgraph).toMatchObject({ status: 'up', circuit: 'closed' });
  });

  it('measures the baseline: the health-only query under concurrent load, police and education asked alongside', async () => {
    await load(HEALTH_QUERY, 20, 4); // warm-up
    healthyMedianMs = await healthyRound();
    process.stdout.write(`faults: healthy health-only median ${healthyMedianMs.toFixed(1)} ms\n`);
  });
});

/** The health-only query's median with every sector up, under the faults' shape of load: two more clients on the sectors that will fail. */
async function healthyRound(): Promise<number> {
  const [runs] = await Promise.all([load(HEALTH_QUERY, 80, 4), load(POLICE_QUERY, 20, 1), load(EDUCATION_QUERY, 20, 1)]);
  for (const run of runs) expect(run.response.errors).toBeUndefined();
  return median(runs.map((r) => r.ms));
}

/** 1.5× the healthy median; a 5 ms floor keeps a few-millisecond baseline from failing on scheduler noise. */
const keptLatency = (healthyMs: number) => Math.max(healthyMs * 1.5, healthyMs + 5);

/** A subgraph's GET /health (no client certificate needed). */
function graphqlHealth(graphqlUrl: string): Promise<number> {
  const url = graphqlUrl.replace(/\/graphql$/, '/health');
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? require('node:https') : http).get(url, { rejectUnauthorized: false }, (response: http.IncomingMessage) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

/** One round of police and health requests at once while police is frozen; every police answer is checked. */
async function faultRound(): Promise<{ healthMedianMs: number; policeMedianMs: number }> {
  const loadBegan = performance.now();
  const [police, health] = await Promise.all([load(POLICE_QUERY, 40, 2), load(HEALTH_QUERY, 80, 4)]);
  const loadMs = performance.now() - loadBegan;
  let probes = 0;
  for (const { response, ms } of police) {
    expect(response.status).toBe(200);
    expect((response.data as { area: { name: string } }).area.name).toBeTruthy();
    const error = response.errors?.find((e) => e.extensions?.serviceName === 'police');
    expect(error?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'police' });
    // On a slow machine the load outlasts the cool-down: each expiry lets exactly one probe through, which times out.
    if (error?.extensions?.reason === 'timeout') {
      probes += 1;
      continue;
    }
    expect(error?.extensions?.reason).toBe('circuit open');
    expect(ms).toBeLessThan(POLICE_TIMEOUT_MS / 2);
  }
  // One probe per expired cool-down, and at most one more for a cool-down that ran out just before the round.
  expect(probes).toBeLessThanOrEqual(Math.floor(loadMs / BREAKER_COOLDOWN_MS) + 1);
  expect(police.length - probes).toBeGreaterThan(police.length / 2);
  for (const { response } of health) expect(response.errors).toBeUndefined();
  return { healthMedianMs: median(health.map((r) => r.ms)), policeMedianMs: median(police.map((r) => r.ms)) };
}

describe('a subgraph that accepts connections and never answers', () => {
  /** Freezes police and sends enough police requests at once to open the circuit; each waits out POLICE_TIMEOUT_MS. */
  async function freezePoliceAndOpenCircuit(): Promise<void> {
    relay.freeze();
    const opening = await Promise.all(Array.from({ length: BREAKER_FAILURES }, () => timed(POLICE_QUERY)));
    for (const { response } of opening) {
      const error = response.errors?.find((e) => e.extensions?.serviceName === 'police');
      expect(error?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'police', reason: 'timeout' });
    }
  }

  async function thawPoliceAndCloseCircuit(): Promise<void> {
    relay.thaw();
    await new Promise((resolve) => setTimeout(resolve, BREAKER_COOLDOWN_MS + 100));
    expect((await timed(POLICE_QUERY)).response.errors).toBeUndefined();
  }

  it('times out the first fetches, then the open circuit answers at once with a typed error; the other sectors keep their latency', async () => {
    await freezePoliceAndOpenCircuit();

    // Police and health requests mixed, concurrently, with the circuit open; twice, and the better
    // round counts. Against the healthy baseline, then, if that misses, against a healthy round
    // measured just before freezing police again: another test file runs beside this one, and a
    // baseline can fall on a quieter moment than the fault. A hub that let police's fault slow
    // health down would be slow in every attempt.
    const attempts: { healthyMs: number; faultMs: number }[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      let healthyMs = healthyMedianMs;
      if (attempt > 0) {
        await thawPoliceAndCloseCircuit();
        healthyMs = await healthyRound();
        await freezePoliceAndOpenCircuit();
      }
      const rounds = [await faultRound(), await faultRound()];
      attempts.push({ healthyMs, faultMs: Math.min(...rounds.map((r) => r.healthMedianMs)) });
      process.stdout.write(
        `faults: police frozen, circuit open: health-only median ${rounds.map((r) => r.healthMedianMs.toFixed(1)).join(' / ')} ms (healthy ${healthyMs.toFixed(1)} ms), police median ${rounds.map((r) => r.policeMedianMs.toFixed(1)).join(' / ')} ms\n`,
      );
      if (attempts.some((a) => a.faultMs <= keptLatency(a.healthyMs))) break;
    }
    expect(attempts.some((a) => a.faultMs <= keptLatency(a.healthyMs))).toBe(true);

    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    // Open, or half-open when the cool-down has run out since the last probe.
    expect(subgraphStatus(ready.body, 'police')).toMatchObject({ status: 'down', circuit: expect.stringMatching(/^(open|half-open)$/) });
    expect(subgraphStatus(ready.body, 'health')).toMatchObject({ status: 'up', circuit: 'closed' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/cswb_gateway_circuit_state\{subgraph="police"\} [12]\n/);
  });

  it('after the cool-down, one probe goes through and closes the circuit once the subgraph answers again', async () => {
    relay.thaw();
    await new Promise((resolve) => setTimeout(resolve, BREAKER_COOLDOWN_MS + 100));
    const probe = await timed(POLICE_QUERY);
    expect(probe.response.errors).toBeUndefined();
    expect((probe.response.data as { area: { police: { indicators: unknown[] } } }).area.police.indicators.length).toBeGreaterThan(0);
    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(subgraphStatus(ready.body, 'police')).toMatchObject({ status: 'up', circuit: 'closed' });
  });

  it('while half-open, lets one probe through and refuses the rest at once; a failed probe opens it again', async () => {
    relay.freeze();
    await Promise.all(Array.from({ length: BREAKER_FAILURES }, () => timed(POLICE_QUERY)));
    await new Promise((resolve) => setTimeout(resolve, BREAKER_COOLDOWN_MS + 100));
    const [probe, ...others] = await Promise.all([timed(POLICE_QUERY), ...Array.from({ length: 4 }, () => new Promise<Timed>((r) => setTimeout(() => r(timed(POLICE_QUERY)), 50)))]);
    expect(probe.response.errors?.[0].extensions).toMatchObject({ reason: 'timeout' });
    for (const other of others) {
      expect(other.response.errors?.[0].extensions).toMatchObject({ reason: 'circuit open' });
      expect(other.ms).toBeLessThan(POLICE_TIMEOUT_MS / 2);
    }
    expect((await timed(POLICE_QUERY)).response.errors?.[0].extensions).toMatchObject({ reason: 'circuit open' });
    relay.thaw();
    await new Promise((resolve) => setTimeout(resolve, BREAKER_COOLDOWN_MS + 100));
    expect((await timed(POLICE_QUERY)).response.errors).toBeUndefined();
  });
});

describe("a subgraph whose PostgreSQL stops", () => {
  async function stopEducationPostgres(): Promise<Awaited<ReturnType<typeof readiness>>> {
    await educationPostgres.stop();
    // The server may take a moment after stop() returns to drop its connections.
    let ready = await readiness();
    for (let tries = 0; tries < 50 && subgraphStatus(ready.body, 'education')?.status === 'up'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await readiness();
    }
    return ready;
  }

  async function startEducationPostgres(): Promise<GraphQLResponse | undefined> {
    educationPostgres = new EmbeddedPostgres({ dataDir: path.join(educationDataDir, 'postgres'), port: educationPort });
    await educationPostgres.start();
    const deadline = Date.now() + 15_000;
    let recovered: GraphQLResponse | undefined;
    while (Date.now() < deadline) {
      recovered = (await timed(EDUCATION_QUERY)).response;
      if (!recovered.errors) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return recovered;
  }

  /** Education asked by two clients (each answer an error, none waiting out a timeout) beside four asking health only: health's median. */
  async function educationDownRound(): Promise<number> {
    const [educationRuns, health] = await Promise.all([load(EDUCATION_QUERY, 20, 2), load(HEALTH_QUERY, 80, 4)]);
    for (const { response, ms } of educationRuns) {
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(POLICE_TIMEOUT_MS);
    }
    for (const { response } of health) expect(response.errors).toBeUndefined();
    return median(health.map((r) => r.ms));
  }

  it('is reported down by its own and the gateway readiness, while the other sectors keep their latency; it recovers when PostgreSQL is back', async () => {
    const ready = await stopEducationPostgres();
    process.stdout.write(`faults: education after its PostgreSQL stopped: ${JSON.stringify(subgraphStatus(ready.body, 'education'))}\n`);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect(subgraphStatus(ready.body, 'education')?.status).toBe('down');
    expect(subgraphStatus(ready.body, 'education')?.error).toMatch(/readiness: HTTP 503 \(database: /);
    expect(subgraphStatus(ready.body, 'health')?.status).toBe('up');

    // Health's latency with education down, against healthy rounds measured just before and just
    // after it: another test file runs beside this one, and a baseline taken a minute earlier can
    // fall on a quieter moment than the fault. A fault that slowed health down does so in every
    // attempt; a busy neighbour does not last through three.
    const attempts: { healthyMs: number; faultMs: number }[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) {
        const before = await healthyRound();
        expect(subgraphStatus((await stopEducationPostgres()).body, 'education')?.status).toBe('down');
        const faultMs = Math.min(await educationDownRound(), await educationDownRound());
        expect((await startEducationPostgres())?.errors).toBeUndefined();
        attempts.push({ healthyMs: Math.max(before, await healthyRound()), faultMs });
      } else {
        const faultMs = Math.min(await educationDownRound(), await educationDownRound());
        const recovered = await startEducationPostgres();
        expect(recovered?.errors).toBeUndefined();
        expect((await readiness()).body.status).toBe('ready');
        attempts.push({ healthyMs: Math.max(healthyMedianMs, await healthyRound()), faultMs });
      }
      process.stdout.write(`faults: education's PostgreSQL stopped: health-only median ${attempts.at(-1)!.faultMs.toFixed(1)} ms (healthy around it ${attempts.at(-1)!.healthyMs.toFixed(1)} ms)\n`);
      if (attempts.some((a) => a.faultMs <= keptLatency(a.healthyMs))) break;
    }
    expect(attempts.some((a) => a.faultMs <= keptLatency(a.healthyMs))).toBe(true);
    expect((await readiness()).body.status).toBe('ready');
  });
});

describe('shutdown under load', () => {
  it('stops accepting, lets in-flight requests finish within the grace period, then closes the rest: bounded', async () => {
    const GRACE_MS = 500;
    const server = http.createServer((request, response) => {
      // Some requests finish inside the grace period, some never would.
      if (request.url === '/quick') setTimeout(() => response.end('done'), 100);
    });
    server.keepAliveTimeout = 65_000;
    const close = gracefulClose(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true });
    const get = (p: string) =>
      new Promise<string>((resolve) => {
        http
          .get({ port, host: '127.0.0.1', path: p, agent }, (response) => {
            let text = '';
            response.on('data', (c) => (text += c));
            response.on('end', () => resolve(`${response.statusCode} ${text}`));
          })
          .on('error', (error) => resolve(`error ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      });
    const quick = Array.from({ length: 10 }, () => get('/quick'));
    const hung = Array.from({ length: 10 }, () => get('/hung'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const begin = performance.now();
    await close(GRACE_MS);
    const tookMs = performance.now() - begin;
    expect(tookMs).toBeLessThan(GRACE_MS + 300);
    expect(await Promise.all(quick)).toEqual(Array(10).fill('200 done'));
    for (const result of await Promise.all(hung)) expect(result).toMatch(/^error/);
    expect(await get('/quick')).toMatch(/^error ECONNREFUSED/);
    agent.destroy();
  });

  it('the gateway closes within its grace period with requests hung on a frozen subgraph', async () => {
    relay.freeze();
    const inFlight = Array.from({ length: 10 }, () => timed(POLICE_QUERY).catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const begin = performance.now();
    await stack.gateway.close();
    const tookMs = performance.now() - begin;
    process.stdout.write(`faults: gateway close with 10 hung requests: ${tookMs.toFixed(0)} ms\n`);
    expect(tookMs).toBeLessThan(GATEWAY_GRACE_MS + 700);
    await Promise.all(inFlight);
    relay.thaw();
  });
});
