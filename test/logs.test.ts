import { ChildProcess, spawn } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Client } from 'pg';
import { createLogger } from '@cswb/contract/logging';
import { createSubgraphServer, listen } from '@cswb/subgraph-kit/server';
import { createDataSource } from '@cswb/subgraph-kit/db';
import { testServerUrl } from '@cswb/testing/database';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { envPrefix } from '@cswb/contract/config';
import { freePort } from '@cswb/contract/http';
import { CLI_MAIN, subgraphDefinition } from '@cswb/testing/cli';
import { dropDatabase, freshDatabaseUrl } from '@cswb/testing/database';
import { signToken, TEST_JWT_SECRET } from '@cswb/testing/tokens';

/**
 * The logs of a real gateway (`node gateway/dist/main.js`) and a real subgraph (`cswb
 * serve-subgraph planning`), their stdout a pipe as in a container: every line one JSON object,
 * the request's ids on its lines, the levels asked for, and never a token or a record value.
 */
const GATEWAY_MAIN = path.join(PROJECT_ROOT, 'gateway', 'dist', 'main.js');
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
/** Sent in the variables: must never reach a log. */
const MARKER = 'MARKER-5d1c0e9b7a';
const ANSI = /\u001b\[|\\u001b/;

interface LogLine {
  timestamp: string;
  level: string;
  msg?: string;
  service: string;
  requestId?: string;
  traceId?: string;
  [field: string]: unknown;
}

interface Spawned {
  child: ChildProcess;
  /** Everything written on stdout and stderr, in order. */
  output: () => string;
}

const children: ChildProcess[] = [];
const databases: string[] = [];

function spawnNode(args: string[], env: Record<string, string>): Spawned {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, JWT_DEV_SECRET: TEST_JWT_SECRET, HUB_CERTS_DIR: process.env.CSWB_TEST_CERTS_DIR, ...env };
  // As deployed: no NODE_ENV=test from jest, no database or log settings of the shell running the tests.
  for (const variable of ['NODE_ENV', 'DATABASE_URL', 'PORT', 'HOST', 'LOG_LEVEL', 'LOG_FORMAT', 'NO_COLOR', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
    if (!(variable in env)) delete childEnv[variable];
  }
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return { child, output: () => output };
}

/** Every line parsed as JSON: free text or a colour code fails the test, naming the line. */
function parseLines(output: string): LogLine[] {
  expect(output).not.toMatch(ANSI);
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

/** Waits for a log line `matches` accepts; fails if the process exits first. */
function waitForLine(spawned: Spawned, matches: (line: LogLine) => boolean, ms = 40_000): Promise<LogLine> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const complete = spawned.output().slice(0, spawned.output().lastIndexOf('\n') + 1);
      const found = parseLines(complete).find(matches);
      if (found) finish(undefined, found);
      else if (Date.now() > deadline) finish(new Error(`no such line within ${ms} ms:\n${spawned.output()}`));
    }, 50);
    const deadline = Date.now() + ms;
    const exited = (code: number | null) => finish(new Error(`exited with ${code}:\n${spawned.output()}`));
    const finish = (error?: Error, line?: LogLine) => {
      clearInterval(timer);
      spawned.child.off('exit', exited);
      if (error) reject(error);
      else resolve(line!);
    };
    spawned.child.once('exit', exited);
  });
}

function exitOf(spawned: Spawned): Promise<number | null> {
  if (spawned.child.exitCode !== null) return Promise.resolve(spawned.child.exitCode);
  return new Promise((resolve) => spawned.child.once('exit', (code) => resolve(code)));
}

/** `cswb serve-subgraph planning` on a fresh database, seeded small. */
async function startPlanning(logLevel: string): Promise<{ spawned: Spawned; url: string }> {
  const databaseUrl = freshDatabaseUrl('logs_planning');
  databases.push(databaseUrl);
  const spawned = spawnNode([CLI_MAIN, 'serve-subgraph', 'planning'], { PLANNING_DATABASE_URL: databaseUrl, PLANNING_PORT: '0', SEED_SIZE: 'small', LOG_LEVEL: logLevel });
  const listening = await waitForLine(spawned, (line) => /^subgraph planning listening on /.test(line.msg ?? ''));
  return { spawned, url: listening.url as string };
}

/** The gateway with planning at `planningUrl` and every other subgraph at a port nothing listens on. */
async function startGateway(planningUrl: string, env: Record<string, string>): Promise<{ spawned: Spawned; url: string }> {
  const dead = `https://127.0.0.1:${await freePort()}/graphql`;
  const urls = Object.fromEntries(discoverSubgraphs().map(({ definition }) => [`${envPrefix(definition.name)}_URL`, definition.name === 'planning' ? planningUrl : dead]));
  // A port of its own, so that it is found at any level (its "listening on" line is info).
  const port = await freePort();
  const spawned = spawnNode([GATEWAY_MAIN], { PORT: String(port), WEB_APP: 'off', CIRCUIT_BREAKER_FAILURES: '0', ...urls, ...env });
  const deadline = Date.now() + 40_000;
  for (;;) {
    if (spawned.child.exitCode !== null) throw new Error(`the gateway exited with ${spawned.child.exitCode}:\n${spawned.output()}`);
    const health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    if (health?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`the gateway did not answer within 40 s:\n${spawned.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { spawned, url: `http://127.0.0.1:${port}/graphql` };
}

/** Planning answers the area (record values); police, unreachable, fails: the error path in the same request. */
const QUERY = `query AreaAndPolice($id: ID!, $missing: ID!) {
  area(id: $id) { id name population police { indicators(from: "2024-01-01", to: "2024-12-31") { observations { value } } } }
  other: area(id: $missing) { id }
}`;

async function ask(url: string, token: string): Promise<{ requestId: string; body: { data?: any; errors?: any[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: TRACEPARENT },
    body: JSON.stringify({ query: QUERY, variables: { id: 'lakeshore-w02', missing: MARKER } }),
  });
  return { requestId: response.headers.get('x-request-id')!, body: await response.json() };
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
});

afterAll(async () => {
  await Promise.all(databases.splice(0).map(dropDatabase));
});

describe('logs', () => {
  it('at debug: every line JSON, the request ids on every line of the request, no token, variable or record value anywhere', async () => {
    const planning = await startPlanning('debug');
    const gateway = await startGateway(planning.url, { LOG_LEVEL: 'debug' });
    const token = await signToken({ sub: 'analyst-7', scope: 'police:read planning:read', agency: 'police-service', purpose: 'planning' });
    const gatewayBefore = gateway.spawned.output().length;
    const planningBefore = planning.spawned.output().length;

    const { requestId, body } = await ask(gateway.url, token);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The request reached planning (record values in the answer) and failed at police.
    const recordValue = body.data?.area?.name as string;
    expect(recordValue).toEqual(expect.any(String));
    expect(body.data?.area?.police).toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);

    const requestLine = await waitForLine(gateway.spawned, (line) => line.msg === 'graphql request' && line.requestId === requestId);
    await waitForLine(planning.spawned, (line) => line.msg === 'graphql request' && line.requestId === requestId);
    expect(requestLine).toMatchObject({ level: 'info', service: 'cswb-gateway', traceId: TRACE_ID, subject: 'analyst-7', status: 200, errors: expect.any(Number) });

    const gatewayLines = parseLines(gateway.spawned.output());
    const planningLines = parseLines(planning.spawned.output());
    // Nothing else was in flight: every line the gateway wrote for this request names it and its trace.
    const duringRequest = parseLines(gateway.spawned.output().slice(gatewayBefore));
    expect(duringRequest.length).toBeGreaterThan(3);
    for (const line of duringRequest) expect({ msg: line.msg, requestId: line.requestId, traceId: line.traceId }).toEqual({ msg: line.msg, requestId, traceId: TRACE_ID });
    // The subgraph's lines for it name the same request (its id comes in the gateway's assertion).
    const planningDuring = parseLines(planning.spawned.output().slice(planningBefore));
    expect(planningDuring.length).toBeGreaterThan(0);
    for (const line of planningDuring) expect({ msg: line.msg, requestId: line.requestId }).toEqual({ msg: line.msg, requestId });
    // The failing subgraph is logged on the request's lines.
    expect(duringRequest.some((line) => line.level === 'error' || line.level === 'warn')).toBe(true);

    for (const line of [...gatewayLines, ...planningLines]) {
      expect(line).toEqual(expect.objectContaining({ timestamp: expect.any(String), level: expect.stringMatching(/^(trace|debug|info|warn|error)$/), service: expect.any(String) }));
    }
    const everything = gateway.spawned.output() + planning.spawned.output();
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.split('.')[2]);
    expect(everything).not.toContain(MARKER);
    expect(everything).not.toContain(`"${recordValue}"`);
    // Nor the assertions the gateway signs for the subgraphs (JWTs all start alike).
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
  }, 120_000);

  it("with tracing on: the request's span's trace id on the gateway's lines and on the subgraph's", async () => {
    // An OTLP receiver: the trace ids the gateway exported.
    const exported: string[] = [];
    const receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        for (const match of body.matchAll(/"traceId":"([0-9a-f]{32})"/g)) exported.push(match[1]);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;
      const planning = await startPlanning('debug');
      const gateway = await startGateway(planning.url, { LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' });
      // No traceparent from the client: the gateway's span begins the trace.
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ areas(kind: WARD) { id } }' }) });
      const requestId = response.headers.get('x-request-id');
      const line = await waitForLine(gateway.spawned, (candidate) => candidate.msg === 'graphql request' && candidate.requestId === requestId);
      expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);
      const subgraphLine = await waitForLine(planning.spawned, (candidate) => candidate.msg === 'graphql request' && candidate.requestId === requestId);
      expect(subgraphLine.traceId).toBe(line.traceId);
      const deadline = Date.now() + 20_000;
      while (!exported.includes(line.traceId!) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(exported).toContain(line.traceId);
    } finally {
      receiver.close();
    }
  }, 120_000);

  it('writes only the levels LOG_LEVEL asks for', async () => {
    const planning = await startPlanning('info');
    const atWarn = await startGateway(planning.url, { LOG_LEVEL: 'warn' });
    const atInfo = await startGateway(planning.url, { LOG_LEVEL: 'info' });
    const token = await signToken({ scope: 'planning:read' });
    await ask(atWarn.url, token);
    const { requestId } = await ask(atInfo.url, token);
    await waitForLine(atInfo.spawned, (line) => line.msg === 'graphql request' && line.requestId === requestId);
    // The unreachable police subgraph is a warning: written at warn too.
    await waitForLine(atWarn.spawned, (line) => line.level === 'warn' && line.subgraph === 'police');

    const warnLines = parseLines(atWarn.spawned.output());
    expect(warnLines.filter((line) => line.level !== 'warn' && line.level !== 'error')).toEqual([]);
    const infoLines = [...parseLines(atInfo.spawned.output()), ...parseLines(planning.spawned.output())];
    expect(infoLines.filter((line) => line.level === 'debug' || line.level === 'trace')).toEqual([]);
    expect(infoLines.filter((line) => line.level === 'info').length).toBeGreaterThan(1);
  }, 120_000);

  it("a subgraph's unexpected error is logged by class, SQLSTATE and stack with the request id, never its message quoting the caller's input", async () => {
    // A real subgraph server over a field that hands its argument to PostgreSQL unchecked:
    // PostgreSQL's message quotes it (invalid input syntax for type uuid: "<marker>").
    const database = new Client({ connectionString: testServerUrl() });
    await database.connect();
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          lookup: {
            type: GraphQLString,
            args: { id: { type: new GraphQLNonNull(GraphQLString) } },
            resolve: async (_root, { id }) => (await database.query('SELECT $1::uuid AS id', [id])).rows[0].id,
          },
        },
      }),
    });
    const out = new PassThrough();
    let written = '';
    out.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
    const log = createLogger({ service: 'cswb-test', level: 'debug', format: 'json', out });
    const server = await listen(createSubgraphServer(schema, { log }), {
      port: 0,
      log,
      admit: async () => ({ requestId: 'request-of-the-test' }),
      requestIdOf: (admission) => admission.requestId,
      context: () => ({}) as any,
    });
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: TRACEPARENT },
        body: JSON.stringify({ query: 'query ($id: String!) { lookup(id: $id) }', variables: { id: MARKER } }),
      });
      const body = (await response.json()) as { errors: { message: string }[] };
      expect(body.errors[0].message).toBe('Internal server error');
    } finally {
      await server.close();
      await database.end();
    }
    const lines = parseLines(written);
    const failure = lines.find((line) => line.msg === 'unexpected error while serving a request');
    expect(failure).toMatchObject({ level: 'error', requestId: 'request-of-the-test', traceId: TRACE_ID, path: 'lookup', error: { name: 'DatabaseError', code: '22P02', stack: expect.stringMatching(/^at /) } });
    expect(written).not.toContain(MARKER);
    expect(written).not.toContain('invalid input syntax');
  }, 60_000);

  it('a failing SQL statement is logged with its text and SQLSTATE, never its parameters', async () => {
    const out = new PassThrough();
    let written = '';
    out.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
    const db = createDataSource(subgraphDefinition('planning'), { url: testServerUrl(), poolSize: 1, log: createLogger({ service: 'cswb-planning', level: 'info', format: 'json', out }) });
    await db.initialize();
    try {
      await expect(db.query('SELECT $1::uuid AS id', [MARKER])).rejects.toThrow();
    } finally {
      await db.destroy();
    }
    const [line] = parseLines(written);
    expect(line).toMatchObject({ level: 'error', msg: 'SQL error', service: 'cswb-planning', statement: 'SELECT $1::uuid AS id', error: { name: 'DatabaseError', code: '22P02' } });
    expect(written).not.toContain(MARKER);
  }, 60_000);

  it('pretty when asked, without colours on a pipe', async () => {
    const dead = `https://127.0.0.1:${await freePort()}/graphql`;
    const urls = Object.fromEntries(discoverSubgraphs().map(({ definition }) => [`${envPrefix(definition.name)}_URL`, dead]));
    const spawned = spawnNode([GATEWAY_MAIN], { PORT: '0', WEB_APP: 'off', LOG_FORMAT: 'pretty', ...urls });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(spawned.output())), 40_000);
      spawned.child.stdout!.on('data', () => /INF cswb gateway listening on http/.test(spawned.output()) && (clearTimeout(timer), resolve()));
    });
    expect(spawned.output()).not.toMatch(ANSI);
    expect(spawned.output()).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INF cswb gateway listening on http:\/\/127\.0\.0\.1:\d+\/graphql/m);
  }, 60_000);

  it.each([
    ['gateway', [GATEWAY_MAIN], { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: must be one of trace, debug, info, warn, error, got "verbose"\n'],
    ['gateway', [GATEWAY_MAIN], { LOG_FORMAT: 'xml' }, 'LOG_FORMAT: must be one of json, pretty, got "xml"\n'],
    ['cswb serve-subgraph', [CLI_MAIN, 'serve-subgraph', 'planning'], { LOG_FORMAT: 'logfmt' }, 'cswb serve-subgraph: LOG_FORMAT: must be one of json, pretty, got "logfmt"\n'],
    ['cswb start', [CLI_MAIN, 'start'], { LOG_LEVEL: 'silent' }, 'cswb start: LOG_LEVEL: must be one of trace, debug, info, warn, error, got "silent"\n'],
  ])('%s refuses a bad log setting at start: %j', async (_name, args, env, message) => {
    const spawned = spawnNode(args, { PORT: '0', PLANNING_PORT: '0', ...env });
    expect(await exitOf(spawned)).toBe(1);
    expect(spawned.output()).toBe(message);
  }, 60_000);
});
