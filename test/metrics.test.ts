import * as fs from 'node:fs';
import * as path from 'node:path';
import { envPrefix, readSubgraphMetricsPort } from '@cswb/contract/config';
import { ASSERTION_HEADER, postJson } from '@cswb/contract/trust';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { graphql, GraphQLResponse } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';
import { gatewayAgent } from '@cswb/testing/trust';
import { MetricFamily, parsePrometheusText, sampleNames, valueOf } from './support/prometheusText';

/**
 * /metrics of the gateway and of every subgraph (docs/operations.md, "Metrics"), scraped after
 * real requests through the real hub: Hive Gateway's Prometheus plugin's metric names, each hub
 * metric moving when its event happens, the Grafana dashboard's names and labels against real
 * scrapes, and the text format itself.
 */

const SUBGRAPH_NAMES = discoverSubgraphs().map((s) => s.definition.name);
const ENV = {
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${envPrefix(name)}_METRICS_PORT`, '0'])),
  MAX_DEPTH: '8',
  PERSISTED_DOCUMENTS: 'only-anonymous',
  RATE_LIMIT_PER_MINUTE: '30',
  CIRCUIT_BREAKER_FAILURES: '2',
  CIRCUIT_BREAKER_COOLDOWN_MS: '600000',
  // Every request here is executed by its subgraph: a cached answer would not run disclosure control again.
  RESPONSE_CACHE_MB: '0',
};

const NEIGHBOURHOOD = 'lakeshore-n003';
const observationsQuery = (granularity: string, from: string, to: string) =>
  `query Observations { area(id: "${NEIGHBOURHOOD}") { police { indicators(from: "${from}", to: "${to}", granularity: ${granularity}) { observations { value perturbed suppressed } } } } }`;

let stack: TestStack;
let gatewayMetricsUrl: string;
let planner: Record<string, string>;

beforeAll(async () => {
  stack = await startTestStack('metrics', ENV);
  gatewayMetricsUrl = stack.gateway.url.replace(/\/graphql$/, '/metrics');
  planner = bearer(await signToken({ sub: 'metrics-planner', scope: 'aggregates:read', purpose: 'planning' }));
});
afterAll(async () => {
  await stack?.stop();
});

async function scrape(url: string): Promise<{ text: string; families: Map<string, MetricFamily> }> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return { text, families: parsePrometheusText(text) };
}
const gatewayScrape = () => scrape(gatewayMetricsUrl);
const subgraphScrape = (name: string) => scrape(stack.subgraphs.find((s) => s.name === name)!.metricsUrl!);

/** The metrics Hive Gateway's Prometheus plugin turns on by default, read from the installed plugin's own source. */
function hivePluginDefaultMetrics(): string[] {
  const entry = require.resolve('@graphql-mesh/plugin-prometheus', { paths: [path.join(PROJECT_ROOT, 'gateway')] });
  const source = fs.readFileSync(entry, 'utf8');
  const block = /const DEFAULT_METRICS_CONFIG = \{([^}]*)\}/.exec(source)?.[1];
  if (!block) throw new Error(`no DEFAULT_METRICS_CONFIG in ${entry}: the plugin changed, read its defaults again`);
  return [...block.matchAll(/(\w+): true/g)].map((m) => m[1]);
}

/** Values in a response marked `key: true`. */
function countMarked(value: unknown, key: string): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countMarked(item, key), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((n, [k, v]) => n + (k === key && v === true ? 1 : countMarked(v, key)), 0);
}

describe('the gateway /metrics', () => {
  it("has every metric Hive Gateway's Prometheus plugin enables by default, under its name, and they move with real requests", async () => {
    const defaults = hivePluginDefaultMetrics();
    expect(defaults).toContain('graphql_gateway_fetch_duration');
    const response = await graphql(stack.gateway.url, observationsQuery('YEAR', '2023-01-01', '2023-12-31'), undefined, planner);
    expect(response.errors).toBeUndefined();
    const { families } = await gatewayScrape();
    // Off for its cost (a walk of every document): it would count deprecated fields, and the schema has none.
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'gateway', 'generated', 'supergraph.graphql'), 'utf8')).not.toContain('@deprecated');
    expect(families.has('graphql_envelop_deprecated_field')).toBe(false);
    expect(defaults.filter((name) => name !== 'graphql_envelop_deprecated_field' && !families.has(name))).toEqual([]);
    // What a federated query goes through; subscriptions are not served, deprecated fields not asked.
    const observed = ['graphql_yoga_http_duration', 'graphql_envelop_request_duration', 'graphql_envelop_phase_parse', 'graphql_envelop_phase_validate', 'graphql_envelop_phase_execute', 'graphql_gateway_fetch_duration', 'graphql_gateway_subgraph_execute_duration'];
    expect(observed.filter((name) => !defaults.includes(name))).toEqual([]);
    expect(observed.filter((name) => !(valueOf(families, `${name}_count`) > 0))).toEqual([]);
    expect(valueOf(families, 'graphql_envelop_request')).toBeGreaterThan(0);
    expect(valueOf(families, 'graphql_gateway_subgraph_execute_duration_count', { subgraphName: 'police' })).toBeGreaterThan(0);
  });

  it('puts nothing a client chooses in a label: no operation name, no request URL', async () => {
    const name = `Probe${Date.now()}`;
    const marker = `marker${Date.now()}`;
    await graphql(stack.gateway.url, `query ${name} { indicatorCatalogue { id } }`, undefined, planner);
    await fetch(`${stack.gateway.url}?query=${encodeURIComponent(`query ${marker} { __typename }`)}`, { headers: { ...planner, 'graphql-preflight': '1' } });
    const { text, families } = await gatewayScrape();
    expect(text).not.toContain(name);
    expect(text).not.toContain(marker);
    const labelNames = new Set([...families.values()].flatMap((f) => f.samples.flatMap((s) => Object.keys(s.labels))));
    expect(labelNames.has('operationName')).toBe(false);
    expect(labelNames.has('path')).toBe(false);
    for (const family of families.values()) for (const sample of family.samples) if (sample.labels.url !== undefined) expect(SUBGRAPH_URLS()).toContain(sample.labels.url);
  });

  it('counts refusals by rule and code: access rule, operation limit, persisted document, rate limit', async () => {
    const noAggregates = bearer(await signToken({ sub: 'metrics-public', scope: '', purpose: 'public-reporting' }));
    const greedy = bearer(await signToken({ sub: 'metrics-greedy', scope: 'aggregates:read', purpose: 'planning' }));
    const refusal = (families: Map<string, MetricFamily>, rule: string, code: string) => valueOf(families, 'cswb_gateway_refusals_total', { rule, code });
    const before = (await gatewayScrape()).families;

    const denied = await graphql(stack.gateway.url, '{ situationTableAnalytics(from: "2024-01-01", to: "2024-12-31") { exact } }', undefined, noAggregates);
    expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    const deep = await graphql(stack.gateway.url, '{ plans { strategies { outcomes { strategy { outcomes { strategy { outcomes { strategy { id } } } } } } } } }', undefined, planner);
    expect(deep.errors?.map((e) => e.extensions?.code)).toContain('OPERATION_TOO_DEEP');
    const anonymous = await graphql(stack.gateway.url, '{ indicatorCatalogue { id } }');
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_ONLY']);
    let limited: GraphQLResponse | undefined;
    for (let i = 0; i < 31 && !limited; i++) {
      const response = await graphql(stack.gateway.url, '{ __typename }', undefined, greedy);
      if (response.status === 429) limited = response;
    }
    expect(limited?.errors?.[0].extensions?.code).toBe('RATE_LIMITED');

    const after = (await gatewayScrape()).families;
    expect(refusal(after, 'access_rule', 'UNAUTHORIZED_FIELD_OR_TYPE') - refusal(before, 'access_rule', 'UNAUTHORIZED_FIELD_OR_TYPE')).toBe(1);
    expect(refusal(after, 'operation_limit', 'OPERATION_TOO_DEEP') - refusal(before, 'operation_limit', 'OPERATION_TOO_DEEP')).toBe(1);
    expect(refusal(after, 'persisted_document', 'PERSISTED_QUERY_ONLY') - refusal(before, 'persisted_document', 'PERSISTED_QUERY_ONLY')).toBe(1);
    expect(refusal(after, 'rate_limit', 'RATE_LIMITED') - refusal(before, 'rate_limit', 'RATE_LIMITED')).toBe(1);
    expect(valueOf(after, 'cswb_gateway_rate_limited_total') - valueOf(before, 'cswb_gateway_rate_limited_total')).toBe(1);
    expect(valueOf(after, 'cswb_gateway_errors_total', { code: 'RATE_LIMITED' }) - valueOf(before, 'cswb_gateway_errors_total', { code: 'RATE_LIMITED' })).toBe(1);
  });
});

describe('disclosure control, audit writes and requests, at the gateway and in the subgraph', () => {
  it('counts the perturbed values a planner receives, in the gateway (as marked) and in police (as published), with the audit write and the SQL it ran', async () => {
    const gatewayBefore = (await gatewayScrape()).families;
    const policeBefore = (await subgraphScrape('police')).families;
    const response = await graphql(stack.gateway.url, observationsQuery('YEAR', '2022-01-01', '2024-12-31'), undefined, planner);
    expect(response.errors).toBeUndefined();
    const perturbed = countMarked(response.data, 'perturbed');
    const observations = (response.data as any).area.police.indicators.flatMap((i: { observations: unknown[] }) => i.observations).length;
    expect({ perturbed, observations, response: perturbed > 0 ? 'ok' : response }).toEqual({ perturbed: observations, observations, response: 'ok' });
    const gatewayAfter = (await gatewayScrape()).families;
    const policeAfter = (await subgraphScrape('police')).families;
    const delta = (after: Map<string, MetricFamily>, before: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);

    expect(delta(gatewayAfter, gatewayBefore, 'cswb_gateway_disclosure_controlled_values_total', { outcome: 'perturbed' })).toBe(perturbed);
    expect(delta(policeAfter, policeBefore, 'cswb_subgraph_disclosure_controlled_values_total', { outcome: 'perturbed', subgraph: 'police' })).toBe(observations);
    expect(delta(policeAfter, policeBefore, 'cswb_subgraph_disclosure_controlled_values_total', { outcome: 'exact' })).toBe(0);
    // A neighbourhood's indicators are audited, public or not (docs/audit.md).
    expect(delta(policeAfter, policeBefore, 'cswb_subgraph_audit_writes_total', { outcome: 'written', subgraph: 'police' })).toBe(1);
    expect(delta(policeAfter, policeBefore, 'cswb_subgraph_requests_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(delta(policeAfter, policeBefore, 'cswb_subgraph_request_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(delta(policeAfter, policeBefore, 'cswb_subgraph_sql_duration_seconds_count')).toBeGreaterThan(0);
    expect(delta(policeAfter, policeBefore, 'cswb_subgraph_sql_rows_total')).toBeGreaterThan(0);
    expect(delta(gatewayAfter, gatewayBefore, 'cswb_gateway_subgraph_fetches_total', { subgraph: 'police', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('counts withheld values for a caller without aggregates:read, and exact ones for an analyst of the police service', async () => {
    const noAggregates = bearer(await signToken({ sub: 'metrics-public-2', scope: '', purpose: 'public-reporting' }));
    const analyst = bearer(await signToken({ sub: 'metrics-analyst', scope: 'aggregates:read records:read:police', agency: 'lakeshore-police', purpose: 'evaluation' }));
    const before = (await subgraphScrape('police')).families;
    const gatewayBefore = (await gatewayScrape()).families;
    const withheld = await graphql(stack.gateway.url, observationsQuery('YEAR', '2021-01-01', '2021-12-31'), undefined, noAggregates);
    expect(withheld.errors).toBeUndefined();
    const suppressed = countMarked(withheld.data, 'suppressed');
    expect(suppressed > 0 ? 'some withheld' : withheld).toBe('some withheld');
    // A year the police data covers: a year without data publishes nothing, exact or not.
    const exact = await graphql(stack.gateway.url, observationsQuery('YEAR', '2022-01-01', '2022-12-31'), undefined, analyst);
    expect(exact.errors).toBeUndefined();
    const exactValues = (exact.data as any).area.police.indicators.flatMap((i: { observations: unknown[] }) => i.observations).length;
    expect(countMarked(exact.data, 'perturbed') + countMarked(exact.data, 'suppressed')).toBe(0);
    const after = (await subgraphScrape('police')).families;
    const gatewayAfter = (await gatewayScrape()).families;
    const delta = (outcome: string) => valueOf(after, 'cswb_subgraph_disclosure_controlled_values_total', { outcome }) - valueOf(before, 'cswb_subgraph_disclosure_controlled_values_total', { outcome });
    expect(delta('withheld')).toBe(suppressed);
    expect(delta('exact')).toBe(exactValues);
    expect(delta('perturbed')).toBe(0);
    expect(valueOf(gatewayAfter, 'cswb_gateway_disclosure_controlled_values_total', { outcome: 'withheld' }) - valueOf(gatewayBefore, 'cswb_gateway_disclosure_controlled_values_total', { outcome: 'withheld' })).toBe(suppressed);
  });

  it('counts a request that reaches a subgraph without the gateway assertion as refused, by its code', async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const before = (await subgraphScrape('police')).families;
    const response = await postJson(police.url, '{"query":"{ __typename }"}', { agent: gatewayAgent(), headers: { [ASSERTION_HEADER]: 'not-an-assertion' }, timeoutMs: 5000 });
    expect(response.status).toBe(401);
    const after = (await subgraphScrape('police')).families;
    expect(valueOf(after, 'cswb_subgraph_refusals_total', { code: 'INVALID_ASSERTION' }) - valueOf(before, 'cswb_subgraph_refusals_total', { code: 'INVALID_ASSERTION' })).toBe(1);
    expect(valueOf(after, 'cswb_subgraph_requests_total', { outcome: 'refused' }) - valueOf(before, 'cswb_subgraph_requests_total', { outcome: 'refused' })).toBe(1);
  });

  it('serves every subgraph its own metrics, with the process metrics, on a plain-HTTP port that answers nothing else', async () => {
    for (const subgraph of stack.subgraphs) {
      expect(subgraph.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const { families } = await scrape(subgraph.metricsUrl!);
      expect(valueOf(families, 'process_resident_memory_bytes', { subgraph: subgraph.name })).toBeGreaterThan(0);
      expect(families.get('cswb_subgraph_requests_total')?.type).toBe('counter');
      const base = subgraph.metricsUrl!.replace(/\/metrics$/, '');
      expect((await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
    }
  });
});

/** Every subgraph URL the gateway fetches from. */
const SUBGRAPH_URLS = () => stack.gateway.subgraphs.map((s) => s.url);

describe('deploy/grafana/cswb-hub.json', () => {
  const dashboard = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'deploy', 'grafana', 'cswb-hub.json'), 'utf8'));
  const panels: any[] = dashboard.panels.filter((p: any) => p.type !== 'row');
  const expressions: string[] = panels.flatMap((p) => p.targets.map((t: { expr: string }) => t.expr));

  /** Metric names and label names an expression uses (PromQL functions and aggregations are followed by "("). */
  function namesIn(expr: string): { metrics: string[]; labels: string[] } {
    const labels: string[] = [];
    const bare = expr
      .replace(/"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/\{([^}]*)\}/g, (_, matchers: string) => {
        for (const m of matchers.matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)) labels.push(m[1]);
        return ' ';
      })
      .replace(/\b(?:by|without)\s*\(([^)]*)\)/g, (_, names: string) => {
        labels.push(...names.split(',').map((n) => n.trim()).filter(Boolean));
        return ' ';
      })
      .replace(/\[[^\]]*\]/g, ' ');
    const metrics = [...bare.matchAll(/([a-zA-Z_:][\w:]*)\s*(\()?/g)].filter((m) => !m[2]).map((m) => m[1]);
    return { metrics, labels };
  }

  it('is a Grafana dashboard (schema 39) on a Prometheus datasource variable, every panel through it', () => {
    expect(dashboard.schemaVersion).toBe(39);
    const datasource = dashboard.templating.list.find((v: any) => v.type === 'datasource');
    expect(datasource).toMatchObject({ name: 'datasource', query: 'prometheus' });
    for (const panel of panels) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets.length).toBeGreaterThan(0);
    }
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
  });

  it('uses only metric and label names that real scrapes of the gateway and the subgraphs have', async () => {
    // The events its panels count, so their series exist whichever tests ran before.
    expect((await graphql(stack.gateway.url, observationsQuery('YEAR', '2019-01-01', '2019-12-31'), undefined, planner)).errors).toBeUndefined();
    expect((await graphql(stack.gateway.url, '{ indicatorCatalogue { id } }')).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect((await postJson(stack.subgraphs.find((s) => s.name === 'police')!.url, '{"query":"{ __typename }"}', { agent: gatewayAgent(), timeoutMs: 5000 })).status).toBe(401);
    const scrapes = [await gatewayScrape(), ...(await Promise.all(SUBGRAPH_NAMES.map(subgraphScrape)))].map((s) => s.families);
    const available = new Set(scrapes.flatMap((families) => [...sampleNames(families)]));
    // Prometheus adds job and instance to every series it scrapes.
    const labelsAvailable = new Set(['job', 'instance', ...scrapes.flatMap((families) => [...families.values()].flatMap((f) => f.samples.flatMap((s) => Object.keys(s.labels))))]);
    const variableQueries: string[] = dashboard.templating.list.filter((v: any) => v.type === 'query').map((v: any) => v.definition);
    const used = [...expressions, ...variableQueries.map((q) => q.replace(/^label_values\(([^,]+),\s*(\w+)\)$/, '$1{$2=""}'))].map(namesIn);
    const metrics = [...new Set(used.flatMap((u) => u.metrics))];
    const labels = [...new Set(used.flatMap((u) => u.labels))];
    expect(metrics.length).toBeGreaterThan(10);
    expect(metrics.filter((name) => !available.has(name))).toEqual([]);
    expect(labels.filter((name) => !labelsAvailable.has(name))).toEqual([]);
    // What the issue asks the dashboard to show.
    for (const name of ['cswb_gateway_subgraph_fetches_total', 'cswb_gateway_refusals_total', 'cswb_subgraph_disclosure_controlled_values_total', 'cswb_subgraph_audit_writes_total', 'cswb_gateway_circuit_state']) {
      expect(metrics).toContain(name);
    }
  });
});

describe('the Prometheus text format', () => {
  it('the gateway and every subgraph serve scrapes that parse strictly', async () => {
    const gateway = await gatewayScrape();
    expect(gateway.families.size).toBeGreaterThan(20);
    for (const name of SUBGRAPH_NAMES) expect((await subgraphScrape(name)).families.size).toBeGreaterThan(10);
  });

  it('the reader used here rejects what Prometheus would reject', () => {
    expect(() => parsePrometheusText('# TYPE a counter\na 1\n')).not.toThrow();
    expect(() => parsePrometheusText('# TYPE a counter\na 1')).toThrow('does not end with a line feed');
    expect(() => parsePrometheusText('a{b="c} 1\n')).toThrow('unterminated label value');
    expect(() => parsePrometheusText('a{b="\\x"} 1\n')).toThrow('bad escape');
    expect(() => parsePrometheusText('a 1\nb 1\na{c="d"} 2\n')).toThrow('not together');
    expect(() => parsePrometheusText('a 1\na 2\n')).toThrow('twice');
    expect(() => parsePrometheusText('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\n')).toThrow('not cumulative');
    expect(() => parsePrometheusText('# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 1\n')).toThrow('is not _count');
    expect(() => parsePrometheusText('a one\n')).toThrow('not a sample value');
    expect([...parsePrometheusText('a Nan\nb +Inf\n').values()].map((f) => f.samples[0].value)).toEqual([NaN, Infinity]);
  });
});

describe('METRICS_PORT, <NAME>_METRICS_PORT', () => {
  it('are read once, typed, and a bad value stops the subgraph with the variable named', () => {
    expect(readSubgraphMetricsPort('police', {}, { alone: true })).toBeUndefined();
    expect(readSubgraphMetricsPort('police', { METRICS_PORT: '9464' }, { alone: true })).toBe(9464);
    expect(readSubgraphMetricsPort('police', { METRICS_PORT: '9464' }, { alone: false })).toBeUndefined();
    expect(readSubgraphMetricsPort('social-services', { SOCIAL_SERVICES_METRICS_PORT: '9470', METRICS_PORT: '9464' }, { alone: true })).toBe(9470);
    expect(() => readSubgraphMetricsPort('police', { POLICE_METRICS_PORT: 'metrics' }, { alone: false })).toThrow('POLICE_METRICS_PORT: must be a port number from 0 to 65535, got "metrics"');
    expect(() => readSubgraphMetricsPort('police', { METRICS_PORT: '70000' }, { alone: true })).toThrow('METRICS_PORT: must be a port number from 0 to 65535, got "70000"');
  });
});

// Last: it stops a subgraph.
describe('circuit breakers', () => {
  it('reports each subgraph closed, then police open once it failed CIRCUIT_BREAKER_FAILURES times', async () => {
    const closed = (await gatewayScrape()).families;
    for (const name of stack.gateway.subgraphs.map((s) => s.name)) expect({ name, state: valueOf(closed, 'cswb_gateway_circuit_state', { subgraph: name }) }).toEqual({ name, state: 0 });
    expect(closed.get('cswb_gateway_circuit_state')?.samples.length).toBe(stack.gateway.subgraphs.length);
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    await police.close();
    for (let i = 0; i < 2; i++) {
      const response = await graphql(stack.gateway.url, observationsQuery('YEAR', '2024-01-01', '2024-12-31'), undefined, planner);
      expect(response.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    }
    const open = (await gatewayScrape()).families;
    expect(valueOf(open, 'cswb_gateway_circuit_state', { subgraph: 'police' })).toBe(2);
    expect(valueOf(open, 'cswb_gateway_circuit_state', { subgraph: 'health' })).toBe(0);
  });
});
