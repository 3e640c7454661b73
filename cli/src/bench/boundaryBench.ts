import { randomUUID, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTokenVerifier, readAuthConfig } from '@cswb/contract/auth';
import { readTrustConfig } from '@cswb/contract/config';
import { certificateThumbprint, createAssertionSigner, createAssertionVerifier, ensureDeploymentCertificates, GATEWAY_MEMBER } from '@cswb/contract/trust';
import { PROJECT_ROOT } from '../projectRoot';
import { discoverSubgraphs } from '../discoverSubgraphs';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { benchChildEnv, plannerCredentials } from './benchHelpers';
import { BenchChild, benchChildren, ProcessStats, settle } from './gateways/ipc';
import { describeMachine } from './machine';
import { LoadResult, postGraphQL, runLoad } from './measure';
import { formatRatio, formatSpread, Spread, spreadOf } from './repeatedRuns';

const QUERIES = path.join(PROJECT_ROOT, 'docs', 'queries');
const GATEWAY_SCRIPT = path.join(__dirname, 'gatewayProcess.js');
const SUBGRAPHS_SCRIPT = path.join(__dirname, 'gateways', 'subgraphsProcess.js');

/** The two ways a subgraph can be reached across the boundary; the assertion is in both. */
const TRANSPORTS = [
  { id: 'off', label: 'baseline: plain HTTP, assertion only (`SUBGRAPH_TLS=off`)' },
  { id: 'mutual', label: 'mutual TLS + assertion (`SUBGRAPH_TLS=mutual`, the default)' },
] as const;
type TransportId = (typeof TRANSPORTS)[number]['id'];

interface Stack {
  subgraphs: BenchChild;
  gateway: BenchChild;
}

interface Scenario {
  id: string;
  label: string;
  query: string;
  variables: () => Record<string, unknown>;
  concurrency: number;
  /** Subgraph fetches per gateway request, counted where they arrive. */
  fetches?: number;
}

interface Run {
  load: LoadResult;
  gatewayCpuMs: number;
  subgraphsCpuMs: number;
  connectionsPerThousand: number;
}

interface Measured {
  runs: Run[];
  perSecond: Spread;
  p50: Spread;
  p99: Spread;
  gatewayCpu: Spread;
  subgraphsCpu: Spread;
  /** Gateway + subgraph processes, CPU ms per request. */
  cpu: Spread;
  connections: Spread;
  errors: number;
}

function summarise(runs: Run[]): Measured {
  return {
    runs,
    perSecond: spreadOf(runs.map((r) => r.load.perSecond)),
    p50: spreadOf(runs.map((r) => r.load.p50)),
    p99: spreadOf(runs.map((r) => r.load.p99)),
    gatewayCpu: spreadOf(runs.map((r) => r.gatewayCpuMs)),
    subgraphsCpu: spreadOf(runs.map((r) => r.subgraphsCpuMs)),
    cpu: spreadOf(runs.map((r) => r.gatewayCpuMs + r.subgraphsCpuMs)),
    connections: spreadOf(runs.map((r) => r.connectionsPerThousand)),
    errors: runs.reduce((sum, r) => sum + r.load.errors, 0),
  };
}

/** Microseconds per operation of each step of the assertion, over `count` operations per round. */
interface MicroResult {
  tokenVerify: Spread;
  sign: Spread;
  verify: Spread;
  both: Spread;
  bodyBytes: number;
  count: number;
}

/**
 * The assertion alone, in this process: the gateway signing one (`createAssertionSigner`, ES256)
 * and a subgraph verifying it (`createAssertionVerifier().verifyRequest`: signature, issuer,
 * audience, age, body hash, certificate binding, replay cache), one after the other, against the
 * gateway verifying a client's bearer token (what it does once per request anyway).
 */
async function measureAssertions(env: NodeJS.ProcessEnv, authorization: string, count: number, repeats: number): Promise<MicroResult> {
  const trust = readTrustConfig(env, PROJECT_ROOT);
  const certificates = await ensureDeploymentCertificates(trust.certsDir, discoverSubgraphs().map((s) => s.definition.name), trust.certificateHosts);
  const gateway = certificates.member(GATEWAY_MEMBER);
  const sign = createAssertionSigner(gateway, trust.assertionTtlSeconds);
  const thumbprint = certificateThumbprint(new X509Certificate(gateway.certificatePem));
  const verifyToken = createTokenVerifier(readAuthConfig(env));
  const caller = await verifyToken(authorization);
  // The shape of one sector's fetch of an area profile (the planner's query, planned by the gateway).
  const body = JSON.stringify({
    query:
      'query AreaProfile__police__1($representations:[_Any!]!$from:LocalDate!$to:LocalDate!$granularity:Granularity!){_entities(representations:$representations){...on Area{police{indicators(from:$from to:$to granularity:$granularity){indicator{id name sector frameworkArea unit betterWhen}observations{period{label}value numerator denominator}}}}}}',
    operationName: 'AreaProfile__police__1',
    variables: { representations: [{ __typename: 'Area', id: 'lakeshore-w02' }], from: '2015-01-01', to: '2024-12-31', granularity: 'YEAR' },
  });
  const round = async (n: number) => {
    // A subgraph's verifier lives as long as its process: one per round, its replay cache filling.
    const verifier = createAssertionVerifier({ audience: 'police', gatewayCertificatePem: gateway.certificatePem, caPem: certificates.caPem, ttlSeconds: trust.assertionTtlSeconds });
    let t0 = performance.now();
    for (let i = 0; i < n; i++) await verifyToken(authorization);
    const tokenVerify = performance.now() - t0;
    const tokens: string[] = [];
    t0 = performance.now();
    for (let i = 0; i < n; i++) tokens.push(await sign('police', { caller, requestId: randomUUID(), operationName: 'AreaProfile' }, body));
    const signing = performance.now() - t0;
    t0 = performance.now();
    for (const token of tokens) await verifier.verifyRequest(token, body, thumbprint);
    const verifying = performance.now() - t0;
    const us = (ms: number) => (ms * 1000) / n;
    return { tokenVerify: us(tokenVerify), sign: us(signing), verify: us(verifying) };
  };
  await round(Math.max(20, Math.floor(count / 4))); // warm-up: JIT, key objects
  const rounds: Awaited<ReturnType<typeof round>>[] = [];
  for (let i = 0; i < repeats; i++) rounds.push(await round(count));
  return {
    tokenVerify: spreadOf(rounds.map((r) => r.tokenVerify)),
    sign: spreadOf(rounds.map((r) => r.sign)),
    verify: spreadOf(rounds.map((r) => r.verify)),
    both: spreadOf(rounds.map((r) => r.sign + r.verify)),
    bodyBytes: Buffer.byteLength(body),
    count,
  };
}

/**
 * What the gateway–subgraph trust boundary (issue 12) costs per request: the signed assertion on
 * its own (sign + verify, per subgraph fetch), and mutual TLS with kept-alive connections against
 * plain HTTP with the assertion only, as deployed (the production gateway in front of the
 * subgraphs, one process each), the two set-ups side by side and measured in turns.
 */
export async function boundaryBench(options: BenchOptions): Promise<string> {
  const began = performance.now();
  const loadBefore = os.loadavg()[0];
  const log = (line: string) => options.log(`${line} [${((performance.now() - began) / 1000).toFixed(1)} s]`);
  const { secret, headers } = await plannerCredentials();
  const env = benchChildEnv(options.size, secret);

  log('boundary: sign + verify of the assertion, in this process');
  const micro = await measureAssertions(env, headers.authorization, options.smoke ? 200 : 2000, options.repeats);
  log(`boundary: sign ${formatSpread(micro.sign)} µs, verify ${formatSpread(micro.verify)} µs, bearer token ${formatSpread(micro.tokenVerify)} µs`);

  const children = benchChildren(env, log);
  const { fork, stop } = children;
  // One set-up at a time: both would serve the same data directory, whose embedded PostgreSQL
  // (and the application roles' passwords, new at every start) belongs to one process.
  const startStack = async (id: TransportId): Promise<Stack & { seconds: number }> => {
    const started = performance.now();
    const subgraphs = await fork(SUBGRAPHS_SCRIPT, `subgraphs (SUBGRAPH_TLS=${id})`, [], { SUBGRAPH_TLS: id }, 60 * 60_000, true);
    const urls = Object.fromEntries((subgraphs.ready.subgraphs ?? []).map((s) => [s.name, s.url]));
    const wrong = Object.entries(urls).find(([, url]) => !url.startsWith(id === 'mutual' ? 'https:' : 'http:'));
    if (wrong) throw new Error(`SUBGRAPH_TLS=${id}: ${wrong[0]} serves ${wrong[1]}`);
    const gateway = await fork(GATEWAY_SCRIPT, `gateway (SUBGRAPH_TLS=${id})`, ['secure'], { SUBGRAPH_TLS: id, CSWB_BENCH_SUBGRAPH_URLS: JSON.stringify(urls) }, 120_000);
    return { subgraphs, gateway, seconds: (performance.now() - started) / 1000 };
  };
  const stopStack = async (stack: Stack) => {
    await stop(stack.gateway);
    await stop(stack.subgraphs);
  };

  try {
    const range = options.size === 'city' ? { from: '2015-01-01', to: '2024-12-31' } : { from: '2021-01-01', to: '2024-12-31' };
    const oneArea = fs.readFileSync(path.join(QUERIES, 'area-profile.graphql'), 'utf8');
    const nameOnly = 'query Baseline($id: ID!) { area(id: $id) { id name population } }';
    let areaIds: string[] = [];
    let next = 0;
    const nextArea = () => areaIds[next++ % areaIds.length];
    const scenarios: Scenario[] = [
      { id: 'name-1', label: 'one area, name only, 1 client', query: nameOnly, variables: () => ({ id: nextArea() }), concurrency: 1 },
      { id: 'name-n', label: `one area, name only, ${options.concurrency} clients`, query: nameOnly, variables: () => ({ id: nextArea() }), concurrency: options.concurrency },
      {
        id: 'profile-n',
        label: `one area, all sectors, yearly, ${options.concurrency} clients`,
        query: oneArea,
        variables: () => ({ id: nextArea(), ...range, granularity: 'YEAR' }),
        concurrency: options.concurrency,
      },
    ];

    const measure = async (stack: Stack, scenario: Scenario, seconds: number): Promise<Run> => {
      const processes = [stack.gateway, stack.subgraphs];
      await settle(processes);
      const cpu = async () => Promise.all(processes.map(async (child) => (await child.request<ProcessStats>('stats')).cpuMicros));
      const [gatewayBefore, subgraphsBefore] = await cpu();
      const connectionsBefore = await stack.subgraphs.request<number>('connections');
      const load = await runLoad({ url: stack.gateway.ready.url!, query: scenario.query, variables: scenario.variables, headers, concurrency: scenario.concurrency, seconds });
      await settle(processes);
      const [gatewayAfter, subgraphsAfter] = await cpu();
      const connections = (await stack.subgraphs.request<number>('connections')) - connectionsBefore;
      const served = Math.max(1, load.requests + load.errors);
      return {
        load,
        gatewayCpuMs: (gatewayAfter - gatewayBefore) / 1000 / served,
        subgraphsCpuMs: (subgraphsAfter - subgraphsBefore) / 1000 / served,
        connectionsPerThousand: (connections * 1000) / served,
      };
    };

    /** Before the first runs of a set-up: it answers as the other does, with the same subgraph fetches. */
    const answers = new Map<string, string>();
    const check = async (id: TransportId, stack: Stack) => {
      const url = stack.gateway.ready.url!;
      if (areaIds.length === 0) {
        const areas = await postGraphQL(url, '{ areas(kind: NEIGHBOURHOOD) { id } }', {}, headers);
        if (!areas.ok) throw new Error(`SUBGRAPH_TLS=${id}: the areas query failed: ${JSON.stringify(areas.body.errors ?? areas.body).slice(0, 500)}`);
        areaIds = areas.body.data.areas.map((a: { id: string }) => a.id);
      }
      for (const scenario of scenarios) {
        const variables = { ...scenario.variables(), id: areaIds[0] };
        await settle([stack.gateway, stack.subgraphs]);
        const count = async () => Object.values(await stack.subgraphs.request<Record<string, number>>('counts')).reduce((a, b) => a + b, 0);
        const before = await count();
        const answer = await postGraphQL(url, scenario.query, variables, headers);
        if (!answer.ok) throw new Error(`${scenario.label} / SUBGRAPH_TLS=${id}: ${JSON.stringify(answer.body.errors ?? answer.body).slice(0, 500)}`);
        const fetches = (await count()) - before;
        if (scenario.fetches !== undefined && scenario.fetches !== fetches) throw new Error(`${scenario.label}: ${fetches} subgraph fetches with SUBGRAPH_TLS=${id}, ${scenario.fetches} with the other`);
        scenario.fetches = fetches;
        const data = JSON.stringify(answer.body.data);
        if (answers.has(scenario.id) && answers.get(scenario.id) !== data) throw new Error(`${scenario.label}: SUBGRAPH_TLS=${id} answers differently from the other set-up`);
        answers.set(scenario.id, data);
      }
    };

    const runs = new Map(scenarios.map((scenario) => [scenario.id, { off: [] as Run[], mutual: [] as Run[] }]));
    const startSeconds: number[] = [];
    const checked = new Set<TransportId>();
    const warmup = options.smoke ? 0 : Math.min(options.seconds, 3);
    // Set-up after set-up, each started afresh per repeat, the order swapped every repeat: drift
    // on the machine falls on both alike.
    for (let i = 0; i < options.repeats; i++) {
      for (const id of i % 2 === 0 ? (['off', 'mutual'] as const) : (['mutual', 'off'] as const)) {
        log(`boundary: repeat ${i + 1}/${options.repeats}: starting the subgraphs and the gateway with SUBGRAPH_TLS=${id} (${options.size} data, seeded on first use)`);
        const stack = await startStack(id);
        try {
          startSeconds.push(stack.seconds);
          if (!checked.has(id)) {
            await check(id, stack);
            checked.add(id);
          }
          for (const scenario of scenarios) {
            if (warmup > 0) await measure(stack, scenario, warmup);
            const run = await measure(stack, scenario, options.seconds);
            runs.get(scenario.id)![id].push(run);
            log(`boundary: ${scenario.label}, SUBGRAPH_TLS=${id}: p50 ${run.load.p50.toFixed(2)} ms, CPU ${(run.gatewayCpuMs + run.subgraphsCpuMs).toFixed(2)} ms/request`);
          }
        } finally {
          await stopStack(stack);
        }
      }
    }
    const results = new Map(scenarios.map((scenario) => [scenario.id, { off: summarise(runs.get(scenario.id)!.off), mutual: summarise(runs.get(scenario.id)!.mutual) }]));
    const loadAverage = `load average (1 min) ${loadBefore.toFixed(2)} before the suite started anything, ${os.loadavg()[0].toFixed(2)} as it ended (its own processes included)`;
    return report(options, { micro, scenarios, results, neighbourhoods: areaIds.length, range, startSeconds: spreadOf(startSeconds), loadAverage });
  } finally {
    await children.stopAll();
  }
}

function report(
  options: BenchOptions,
  run: { micro: MicroResult; scenarios: Scenario[]; results: Map<string, Record<TransportId, Measured>>; neighbourhoods: number; range: { from: string; to: string }; startSeconds: Spread; loadAverage: string },
): string {
  const { micro } = run;
  const us = (spread: Spread) => formatSpread(spread, 0);
  const perSecond = (spread: Spread) => Math.round(1e6 / spread.median).toLocaleString('en');
  const lines = [
    `### The gateway–subgraph trust boundary on \`${options.size}\` data (${run.neighbourhoods} neighbourhoods)`,
    '',
    `Machine: ${describeMachine()}; ${run.loadAverage}.${options.smoke ? ' **Smoke run** (0.5 s runs, one each): the figures only prove the suite runs.' : ''}`,
    '',
    `What every subgraph asks of a request (issue 12, docs/security.md): the gateway's client certificate (mutual TLS, \`SUBGRAPH_TLS=mutual\`, the default) and, always, an ES256 assertion the gateway signs per subgraph fetch (audience, caller, request id, body hash, certificate thumbprint, single-use id). Neither can be turned off with the other left on in a way that would let a subgraph answer, so the cost is measured in two parts.`,
    '',
    `**The assertion**, in the bench process, one operation after another (${micro.count} per round; one warm-up round, then ${options.repeats} round(s): medians, (min–max)): the gateway signing one (\`createAssertionSigner\`) and a subgraph verifying it (\`createAssertionVerifier().verifyRequest\`: signature, issuer, audience, age, body hash of a ${micro.bodyBytes}-byte \`_entities\` body, certificate binding, replay cache). Baseline: the gateway verifying the client's bearer token (HS256 development key), which it does once per request with or without the boundary.`,
    '',
    '| operation | µs per operation | per second, one core | vs baseline |',
    '| --- | --- | --- | --- |',
    `| baseline: verify the client's bearer token (gateway, once per request) | ${us(micro.tokenVerify)} | ${perSecond(micro.tokenVerify)} | 1.00× |`,
    `| sign one assertion (gateway, per subgraph fetch) | ${us(micro.sign)} | ${perSecond(micro.sign)} | ${formatRatio(micro.sign.median, micro.tokenVerify.median)} |`,
    `| verify one assertion (subgraph, per request) | ${us(micro.verify)} | ${perSecond(micro.verify)} | ${formatRatio(micro.verify.median, micro.tokenVerify.median)} |`,
    `| sign + verify: one subgraph fetch | ${us(micro.both)} | ${perSecond(micro.both)} | ${formatRatio(micro.both.median, micro.tokenVerify.median)} |`,
    '',
    `**Mutual TLS against plain HTTP**, both with the assertion, as deployed: the ${discoverSubgraphs().length} subgraphs and their embedded PostgreSQL in one process (\`${options.size}\` data), serving HTTPS with mutual TLS or plain HTTP, behind the production gateway in another (\`startGateway\`: over TLS one kept-alive HTTPS agent with the gateway's certificate). One set-up at a time (they would share a data directory), started afresh for every repeat, the order swapped every repeat. Load: the in-repo closed-loop generator (\`runLoad\`, Node's fetch, keep-alive) with a planner token, each request for the next neighbourhood, ${options.smoke ? 'no warm-up' : `a ${Math.min(options.seconds, 3)} s warm-up per start and scenario`}, then ${options.repeats} run(s) of ${options.seconds} s per set-up and scenario: medians, (min–max). CPU per request: user + system time of the gateway and of the subgraph process from before a run until both are idle after it, divided by the requests. Connections: TCP connections the subgraph process accepted during the run (over mutual TLS each is a full handshake), per 1,000 requests. Start-up of a set-up (subgraphs with PostgreSQL, then the gateway; seeding on first use): ${formatSpread(run.startSeconds)} s.`,
    '',
  ];
  const summary: string[] = [];
  for (const scenario of run.scenarios) {
    const { off, mutual } = run.results.get(scenario.id)!;
    lines.push(
      `#### ${scenario.label}: ${scenario.fetches} subgraph fetch${scenario.fetches === 1 ? '' : 'es'} per request`,
      '',
      '| subgraphs reached over | req/s | p50 ms | p99 ms | gateway CPU ms/request | subgraphs CPU ms/request | connections per 1,000 requests | p50 vs baseline | CPU vs baseline | errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...TRANSPORTS.map(({ id, label }) => {
        const m = id === 'off' ? off : mutual;
        return `| ${label} | ${formatSpread(m.perSecond)} | ${formatSpread(m.p50, 2)} | ${formatSpread(m.p99, 2)} | ${formatSpread(m.gatewayCpu, 2)} | ${formatSpread(m.subgraphsCpu, 2)} | ${formatSpread(m.connections, 1)} | ${formatRatio(m.p50.median, off.p50.median)} | ${formatRatio(m.cpu.median, off.cpu.median)} | ${m.errors} |`;
      }),
      '',
    );
    // Paired by repeat: each mutual run against the plain run next to it in time.
    const pairs = mutual.runs.map((m, i) => ({ p50: m.load.p50 - off.runs[i].load.p50, cpu: m.gatewayCpuMs + m.subgraphsCpuMs - (off.runs[i].gatewayCpuMs + off.runs[i].subgraphsCpuMs) }));
    const tlsP50 = spreadOf(pairs.map((p) => p.p50));
    const tlsCpu = spreadOf(pairs.map((p) => p.cpu));
    const fetches = scenario.fetches ?? 0;
    const assertionMs = (fetches * micro.both.median) / 1000;
    const pct = (part: number, whole: number) => `${part < 0 ? '−' : ''}${Math.abs((part / whole) * 100).toFixed(1)}%`;
    summary.push(
      `- ${scenario.label} (${fetches} fetch${fetches === 1 ? '' : 'es'}, p50 ${mutual.p50.median.toFixed(2)} ms and ${mutual.cpu.median.toFixed(2)} ms of gateway + subgraph CPU per request with the boundary): ` +
        `mutual TLS with keep-alive ${signed(tlsP50.median)} ms p50${range(tlsP50, ' per repeat')}, ${pct(tlsP50.median, mutual.p50.median)} of the request time, and ${signed(tlsCpu.median)} ms CPU${range(tlsCpu)}, ${pct(tlsCpu.median, mutual.cpu.median)} of its CPU; ` +
        `the assertion ${fetches} × ${micro.both.median.toFixed(0)} µs = ${assertionMs.toFixed(2)} ms CPU per request (${((fetches * micro.sign.median) / 1000).toFixed(2)} ms in the gateway, ${((fetches * micro.verify.median) / 1000).toFixed(2)} ms in the subgraphs), ${pct(assertionMs, mutual.cpu.median)} of its CPU` +
        (scenario.concurrency === 1 ? ` and ${pct(assertionMs, mutual.p50.median)} of its time (one client: no queueing)` : '') +
        '.',
    );
  }
  lines.push(
    `Cost of the boundary per gateway request, on this run (differences of medians are within noise when their per-repeat range spans zero; with ${options.concurrency} clients in a closed loop on ${os.cpus().length} cores, latency is mostly queueing, so CPU per request is the steadier measure):`,
    '',
    ...summary,
    '',
  );
  return lines.join('\n');
}

/** ` (−0.20 to +0.50: within noise)`: the range of paired differences, when there were several. */
function range(spread: Spread, prefix = ''): string {
  const noise = spread.min < 0 && spread.max > 0 ? ': within noise' : '';
  return spread.runs > 1 ? ` (${prefix ? `${prefix.trim()} ` : ''}${signed(spread.min)} to ${signed(spread.max)}${noise})` : '';
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

export const boundarySuite: BenchSuite = {
  id: 'boundary',
  title: 'what the gateway–subgraph trust boundary costs per request: assertion sign + verify, mutual TLS against plain HTTP',
  run: boundaryBench,
};
