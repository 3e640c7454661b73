import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ConfigError, readTracingConfig } from '@cswb/contract/config';
import { startTracing } from '@cswb/contract/telemetry';
import { PROJECT_ROOT } from '@cswb/cli';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

/** A span as an OTLP/HTTP JSON export carries it, with its service's name. */
interface ReceivedSpan {
  service: string;
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

/** A real OTLP/HTTP traces endpoint on port 0: what the exporters send, decoded. */
interface Receiver {
  endpoint: string;
  requests: number;
  spans: ReceivedSpan[];
  close(): Promise<void>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpAttribute = { key: string; value: OtlpValue };

function attributesOf(list: OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue]));
}

async function startReceiver(port = 0): Promise<Receiver> {
  const receiver: Omit<Receiver, 'close' | 'endpoint'> = { requests: 0, spans: [] };
  const server = http.createServer(async (request, response) => {
    receiver.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || request.url !== '/v1/traces' || !String(request.headers['content-type']).includes('application/json')) {
      response.writeHead(400).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    for (const resourceSpans of body.resourceSpans ?? []) {
      const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
      for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
        for (const span of scopeSpans.spans ?? []) {
          receiver.spans.push({
            service,
            name: span.name,
            kind: span.kind,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            attributes: attributesOf(span.attributes),
          });
        }
      }
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return Object.assign(receiver, {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

/** Polls until `done` holds, for at most `timeoutMs`. */
async function waitFor(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const AREA_PROFILE = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'area-profile.graphql'), 'utf8');
const SECTORS = ['police', 'health', 'education', 'housing', 'social-services', 'situation-table'];
const SPAN_KIND_SERVER = 2;

/** The area profile by name, as a client names its operation (the gateway forwards the name to subgraphs). */
/** The profile through the gateway, with the request id the hub gave the request (its own, not the client's). */
async function areaProfile(url: string, headers: Record<string, string>): Promise<{ data?: unknown; errors?: unknown[]; requestId: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: AREA_PROFILE, operationName: 'AreaProfile' }),
  });
  return { ...((await response.json()) as { data?: unknown; errors?: unknown[] }), requestId: response.headers.get('x-request-id') ?? '' };
}
const SPAN_KIND_CLIENT = 3;

describe('tracing configuration', () => {
  it('is off unless an OTLP endpoint is set, and off when OTEL_SDK_DISABLED=true', () => {
    expect(readTracingConfig({}, 'cswb-gateway')).toBeUndefined();
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'TRUE' }, 'cswb-gateway')).toBeUndefined();
  });

  it('reads the standard variables, with each service its own name unless OTEL_SERVICE_NAME is set', () => {
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, 'cswb-police')).toEqual({
      endpoint: 'http://collector:4318/v1/traces',
      serviceName: 'cswb-police',
      sampleRatio: 1,
      batchDelayMs: 5000,
      exportTimeoutMs: 10000,
    });
    expect(
      readTracingConfig(
        {
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo.example/otlp/v1/traces',
          OTEL_SERVICE_NAME: 'cswb-hub',
          OTEL_TRACES_SAMPLER_ARG: '0.25',
          OTEL_BSP_SCHEDULE_DELAY: '200',
          OTEL_EXPORTER_OTLP_TIMEOUT: '3000',
        },
        'cswb-gateway',
      ),
    ).toEqual({ endpoint: 'https://tempo.example/otlp/v1/traces', serviceName: 'cswb-hub', sampleRatio: 0.25, batchDelayMs: 200, exportTimeoutMs: 3000 });
  });

  it('fails fast on bad values, naming the variable and quoting the value', () => {
    const bad = (env: Record<string, string>) => () => readTracingConfig(env, 'cswb-gateway');
    expect(bad({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(ConfigError);
    expect(bad({ OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost 4318' })).toThrow('OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s):// URL, got "localhost 4318"');
    expect(bad({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://collector:4317' })).toThrow(
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be an http(s):// URL, got protocol "grpc:"',
    );
    expect(bad({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(
      'OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1, got "1.5"',
    );
    expect(bad({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_BSP_SCHEDULE_DELAY: '1s' })).toThrow(
      'OTEL_BSP_SCHEDULE_DELAY: must be a positive whole number, got "1s"',
    );
    expect(bad({ OTEL_SDK_DISABLED: 'yes' })).toThrow('OTEL_SDK_DISABLED: must be true or false, got "yes"');
  });
});

describe('a tracer provider', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('sends what it buffered when it shuts down, long before its batch delay', async () => {
    const tracing = startTracing({ endpoint: `${receiver.endpoint}/v1/traces`, serviceName: 'flush-test', sampleRatio: 1, batchDelayMs: 60_000, exportTimeoutMs: 5000 });
    tracing.tracer.startSpan('buffered').end();
    await tracing.shutdown();
    expect(receiver.spans.filter((s) => s.service === 'flush-test').map((s) => s.name)).toEqual(['buffered']);
  });

  it('shuts down within its export timeout when the collector never answers', async () => {
    const silent = http.createServer(() => {}); // accepts, never responds
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const tracing = startTracing({ endpoint: `http://127.0.0.1:${port}/v1/traces`, serviceName: 'hang-test', sampleRatio: 1, batchDelayMs: 60_000, exportTimeoutMs: 300 });
      tracing.tracer.startSpan('lost').end();
      const began = Date.now();
      await tracing.shutdown();
      expect(Date.now() - began).toBeLessThan(2000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('traces across gateway and subgraphs', () => {
  let receiver: Receiver;
  let stack: TestStack;
  let planner: Record<string, string>;

  beforeAll(async () => {
    receiver = await startReceiver();
    planner = bearer(await signToken({ scope: 'aggregates:read plans:write', purpose: 'planning' }));
    stack = await startTestStack('tracing', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '50' });
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  /** The spans of one trace, once every queried subgraph's server span is in. */
  async function traceOfRequest(requestId: string): Promise<ReceivedSpan[]> {
    const serverSpans = () => receiver.spans.filter((s) => s.kind === SPAN_KIND_SERVER && s.attributes['cswb.request_id'] === requestId);
    await waitFor(() => SECTORS.every((sector) => serverSpans().some((s) => s.attributes['cswb.subgraph'] === sector)));
    const traceId = serverSpans()[0].traceId;
    // The gateway ends its request span after the subgraphs answered: wait for it too.
    await waitFor(() => receiver.spans.some((s) => s.traceId === traceId && s.service === 'cswb-gateway' && s.name === 'POST /graphql'));
    return receiver.spans.filter((s) => s.traceId === traceId);
  }

  it('follows one request from the gateway into every subgraph it calls, down to the SQL', async () => {
    const response = await areaProfile(stack.gateway.url, { ...planner, 'x-request-id': 'trace-area-profile-1' });
    expect(response.errors).toBeUndefined();
    const { requestId } = response;
    expect(requestId).not.toBe('trace-area-profile-1');
    const spans = await traceOfRequest(requestId);
    const byId = new Map(spans.map((s) => [s.spanId, s]));

    const gatewaySpans = spans.filter((s) => s.service === 'cswb-gateway');
    const root = gatewaySpans.find((s) => !s.parentSpanId);
    expect(root).toMatchObject({ kind: SPAN_KIND_SERVER, name: 'POST /graphql' });
    const names = gatewaySpans.map((s) => s.name);
    for (const phase of ['graphql.operation AreaProfile', 'graphql.parse', 'graphql.validate', 'graphql.execute']) expect(names).toContain(phase);
    const fetchedSubgraphs = new Set(gatewaySpans.filter((s) => s.name.startsWith('subgraph.execute')).map((s) => s.attributes['hive.gateway.upstream.subgraph.name']));
    for (const sector of SECTORS) expect(fetchedSubgraphs).toContain(sector);

    const subgraphServers = spans.filter((s) => s.kind === SPAN_KIND_SERVER && s.service !== 'cswb-gateway');
    expect(new Set(subgraphServers.map((s) => s.attributes['cswb.subgraph']))).toEqual(fetchedSubgraphs);
    for (const server of subgraphServers) {
      expect(server.service).toBe(`cswb-${server.attributes['cswb.subgraph']}`);
      expect(server.name).toBe('graphql AreaProfile');
      expect(server.attributes).toMatchObject({ 'graphql.operation.name': 'AreaProfile', 'graphql.operation.type': 'query', 'cswb.request_id': requestId });
      // Its parent is the gateway's fetch of it: the traceparent went over the wire.
      expect(byId.get(server.parentSpanId!)?.service).toBe('cswb-gateway');
    }

    const sqlSpans = spans.filter((s) => s.attributes['db.system'] === 'postgresql');
    for (const sector of SECTORS) {
      const server = subgraphServers.find((s) => s.attributes['cswb.subgraph'] === sector)!;
      expect(sqlSpans.filter((s) => s.parentSpanId === server.spanId).length).toBeGreaterThan(0);
    }
    for (const sql of sqlSpans) {
      expect(sql.kind).toBe(SPAN_KIND_CLIENT);
      expect(byId.get(sql.parentSpanId!)?.kind).toBe(SPAN_KIND_SERVER);
      expect(byId.get(sql.parentSpanId!)?.service).toBe(sql.service);
      expect(typeof sql.attributes['db.statement']).toBe('string');
      // The query's values go to PostgreSQL as parameters, never into the span.
      for (const literal of ['lakeshore-w02', '2021-01-01', '2024-12-31']) expect(sql.attributes['db.statement']).not.toContain(literal);
    }
  });

  it('continues a trace the client started (traceparent)', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    const response = await areaProfile(stack.gateway.url, {
      ...planner,
      traceparent: `00-${traceId}-${parentId}-01`,
    });
    expect(response.errors).toBeUndefined();
    const spans = await traceOfRequest(response.requestId);
    expect(spans[0].traceId).toBe(traceId);
    const root = spans.find((s) => s.service === 'cswb-gateway' && s.parentSpanId === parentId);
    expect(root?.name).toBe('POST /graphql');
  });

  it('follows a question answered again from the gateway answer cache into every subgraph that confirms it', async () => {
    await areaProfile(stack.gateway.url, planner);
    const response = await areaProfile(stack.gateway.url, planner);
    expect(response.errors).toBeUndefined();
    const spans = await traceOfRequest(response.requestId);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const confirmations = spans.filter((s) => s.kind === SPAN_KIND_SERVER && s.service !== 'cswb-gateway');
    for (const sector of SECTORS) expect(confirmations.map((s) => s.attributes['cswb.subgraph'])).toContain(sector);
    for (const server of confirmations) {
      expect(server.name).toBe('confirm AreaProfile');
      expect(server.attributes).toMatchObject({ 'cswb.request_id': response.requestId, 'cswb.confirmed': true });
      const parent = byId.get(server.parentSpanId!);
      expect(parent).toMatchObject({ service: 'cswb-gateway', kind: SPAN_KIND_CLIENT, name: `answer cache confirm ${server.attributes['cswb.subgraph']}` });
      // Its audit statement is in the trace, under the confirmation.
      expect(spans.some((s) => s.parentSpanId === server.spanId && s.attributes['db.system'] === 'postgresql')).toBe(true);
    }
    expect(spans.some((s) => s.service === 'cswb-gateway' && s.name.startsWith('subgraph.execute'))).toBe(false);
  });

  it("keeps planning's own call to the gateway (risk analysis) in the client's trace", async () => {
    const answer = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...planner },
      body: JSON.stringify({
        query: 'query RiskTrace { riskAnalysis(indicators: [{ indicatorId: "police.violent_crime_rate", weight: 1 }], from: "2023-01-01", to: "2024-12-31") { rank areaId composite } }',
      }),
    });
    const requestId = answer.headers.get('x-request-id');
    const response = await answer.json();
    expect(response.errors).toBeUndefined();
    const planningServer = () => receiver.spans.find((s) => s.kind === SPAN_KIND_SERVER && s.attributes['cswb.subgraph'] === 'planning' && s.attributes['cswb.request_id'] === requestId);
    await waitFor(() => planningServer() !== undefined);
    const traceId = planningServer()!.traceId;
    // The nested gateway request (RiskAnalysisValues) and the police fetch it makes share the trace.
    await waitFor(() => receiver.spans.some((s) => s.traceId === traceId && s.attributes['cswb.subgraph'] === 'police' && s.kind === SPAN_KIND_SERVER));
    const gatewayRequests = () => receiver.spans.filter((s) => s.traceId === traceId && s.service === 'cswb-gateway' && s.name === 'POST /graphql');
    // The client's request ends last: wait for both.
    await waitFor(() => gatewayRequests().length >= 2);
    const [outer, inner] = [...gatewayRequests()].sort((a, b) => (a.parentSpanId ? 1 : 0) - (b.parentSpanId ? 1 : 0));
    expect(outer.parentSpanId).toBeUndefined();
    // The nested request's parent is a span of planning (its operation), not a new root.
    expect(receiver.spans.find((s) => s.spanId === inner.parentSpanId)?.service).toBe('cswb-planning');
  });
});

describe('without tracing configured', () => {
  it('sends nothing anywhere, not even to the default OTLP port', async () => {
    // 4318 is where an exporter sends when no endpoint is configured.
    const receiver = await startReceiver(4318).catch(() => startReceiver());
    const stack = await startTestStack('untraced', { OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '' });
    try {
      const token = bearer(await signToken({ scope: 'aggregates:read plans:write', purpose: 'planning' }));
      const response = await areaProfile(stack.gateway.url, { ...token, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
      expect(response.errors).toBeUndefined();
    } finally {
      await stack.stop();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toBe(0);
    await receiver.close();
  });
});
