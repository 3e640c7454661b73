import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../projectRoot';
import type { BenchOptions, BenchSuite } from '../BenchSuite';
import type { GatewayVariant } from '../gatewayProcess';
import { describeMachine } from '../machine';
import { LoadResult, postGraphQL, runTaskLoad } from '../measure';
import { formatRatio, formatSpread, Spread, spreadOf } from '../repeatedRuns';
import { runAutocannon } from './autocannonLoad';
import { canonicalJson, firstDifference } from './canonical';
import { benchTrust, BenchTrust } from './benchTrust';
import { describeWaves, RecordedCall, replay, replaySender, startRecordingProxies, wavesOf } from './direct';
import { BenchChild, benchChildren, ProcessStats, settle } from './ipc';
import { benchChildEnv, plannerCredentials } from '../benchHelpers';

const GATEWAY_SCRIPT = path.join(__dirname, '..', 'gatewayProcess.js');
const SUBGRAPHS_SCRIPT = path.join(__dirname, 'subgraphsProcess.js');
/** The deep planning query lives beside this suite's sources (docs/queries is checked by other tests). */
const PLAN_DEEP = path.join(PROJECT_ROOT, 'cli', 'src', 'bench', 'gateways', 'plan-deep.graphql');
const ALL_AREAS = path.join(PROJECT_ROOT, 'docs', 'queries', 'all-areas-profile.graphql');

interface Variant {
  id: GatewayVariant | 'direct';
  label: string;
}

const VARIANTS: readonly Variant[] = [
  { id: 'secure', label: 'cswb gateway, security on' },
  { id: 'hive-bare', label: 'same runtime, bare' },
  { id: 'apollo', label: '@apollo/gateway' },
  { id: 'direct', label: 'direct subgraph calls (no gateway)' },
];

interface Query {
  id: string;
  title: string;
  text: string;
  variables: Record<string, unknown>;
  /** Filled by the recording: the subgraph calls of one request, in waves. */
  waves?: RecordedCall[][];
  responseBytes?: number;
  /** The answer every variant must give (canonical JSON of `data`). */
  reference?: { variant: string; data: unknown };
}

interface Run {
  load: LoadResult;
  cpuMsPerRequest?: number;
  peakRssMiB?: number;
  subgraphCpuMsPerRequest: number;
}

interface Measured {
  variant: Variant;
  query: Query;
  runs: Run[];
  perSecond: Spread;
  p50: Spread;
  p99: Spread;
  cpu?: Spread;
  rss?: Spread;
  subgraphCpu: Spread;
  /** Subgraph calls per request, counted by the subgraph process over 4 concurrent requests. */
  calls: number;
  errors: number;
}

function sumCounts(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Gateway throughput and latency on two federated questions, one gateway process at a time in
 * front of the same subgraph process: the cswb gateway with its security on, the same runtime
 * bare, `@apollo/gateway`, and the subgraph calls made directly as the floor.
 */
export async function gatewaysBench(options: BenchOptions): Promise<string> {
  const began = performance.now();
  const loadBefore = os.loadavg()[0];
  const log = (line: string) => options.log(`${line} [${((performance.now() - began) / 1000).toFixed(1)} s]`);
  const { secret, headers } = await plannerCredentials();
  const env = benchChildEnv(options.size, secret);

  const children = benchChildren(env, log);
  const { fork, stop } = children;
  let trust: BenchTrust | undefined;

  try {
    log(`bench: starting the subgraphs (${options.size} data, seeded on first use) in their own process`);
    const subgraphs = await fork(SUBGRAPHS_SCRIPT, 'subgraphs', [], {}, 60 * 60_000, true);
    const subgraphList = subgraphs.ready.subgraphs ?? [];
    const subgraphUrls = Object.fromEntries(subgraphList.map((s) => [s.name, s.url]));
    log(`bench: ${subgraphList.length} subgraphs ready in ${subgraphs.ready.seconds.toFixed(1)} s`);
    const subgraphCalls = async () => sumCounts(await subgraphs.request<Record<string, number>>('counts'));

    // Record the subgraph calls a gateway makes per question (the same runtime bare, through proxies).
    const queries: Query[] = [
      { id: 'profile', title: 'Area profile: every neighbourhood, every sector, one period range', text: fs.readFileSync(ALL_AREAS, 'utf8'), variables: {} },
      { id: 'plan', title: 'Deep planning: plan → priority risks, measures → readings from every sector', text: fs.readFileSync(PLAN_DEEP, 'utf8'), variables: {} },
    ];
    const profile = queries[0];
    let range = options.size === 'city' ? { from: '2015-01-01', to: '2024-12-31' } : { from: '2021-01-01', to: '2024-12-31' };
    const notes: string[] = [];
    let neighbourhoods = 0;
    // This process calls the subgraphs too (recording proxies, the direct floor): as the gateway does.
    trust = benchTrust(env);
    const send = replaySender(trust, await trust.callerOf(headers.authorization));
    const proxies = await startRecordingProxies(subgraphList, trust);
    try {
      const recorder = await fork(GATEWAY_SCRIPT, 'recording gateway', ['hive-bare'], { CSWB_BENCH_SUBGRAPH_URLS: JSON.stringify(proxies.urls) }, 120_000);
      try {
        const areas = await postGraphQL(recorder.ready.url!, '{ areas(kind: NEIGHBOURHOOD) { id } }', {}, headers);
        if (!areas.ok) throw new Error(`areas query failed: ${JSON.stringify(areas.body.errors)}`);
        neighbourhoods = areas.body.data.areas.length;
        // Smoke runs only prove the suite runs: the profile of the wards is enough for that.
        const kind = options.smoke ? 'WARD' : 'NEIGHBOURHOOD';
        if (options.smoke) notes.push('Smoke run: the area profile covers the wards, not every neighbourhood.');
        profile.variables = { kind, ...range, granularity: 'YEAR' };
        await postGraphQL(recorder.ready.url!, profile.text, profile.variables, headers); // warm
        const t0 = performance.now();
        await postGraphQL(recorder.ready.url!, profile.text, profile.variables, headers);
        const single = performance.now() - t0;
        if (single > 1000) {
          const shorter = { from: '2022-01-01', to: '2024-12-31' };
          notes.push(
            `One area-profile request over ${range.from}..${range.to} took ${(single / 1000).toFixed(1)} s on this data: the profile runs over ${shorter.from}..${shorter.to} instead.`,
          );
          range = shorter;
          profile.variables = { kind, ...range, granularity: 'YEAR' };
        }
        for (const query of queries) {
          await postGraphQL(recorder.ready.url!, query.text, query.variables, headers); // warm
          proxies.calls.length = 0;
          const one = await postGraphQL(recorder.ready.url!, query.text, query.variables, headers);
          if (!one.ok) throw new Error(`${query.id}: the recording request failed: ${JSON.stringify(one.body.errors ?? one.body).slice(0, 500)}`);
          const calls = [...proxies.calls];
          // A data directory seeded before plans existed answers the deep question with nothing.
          const subgraphsReached = new Set(calls.map((call) => call.subgraph)).size;
          if (subgraphsReached < 2) {
            throw new Error(
              `${query.id}: the answer reaches only ${subgraphsReached} subgraph(s), so there is nothing to federate (no published plan in this data?); delete ${env.CSWB_DATA_DIR} to seed it again`,
            );
          }
          query.waves = wavesOf(calls);
          query.responseBytes = JSON.stringify(one.body).length;
          log(`bench: ${query.id}: ${calls.length} subgraph calls per request: ${describeWaves(query.waves)}; ${(query.responseBytes / 1024).toFixed(0)} KB answer`);
        }
      } finally {
        await stop(recorder);
      }
    } finally {
      await proxies.close();
    }

    const results: Measured[] = [];
    // Smoke runs skip the warm-up: the checks before the runs have warmed each gateway a little.
    const warmupSeconds = options.smoke ? 0 : Math.min(options.seconds, 5);
    const subgraphCpu = async () => (await subgraphs.request<ProcessStats>('stats')).cpuMicros;
    const summarise = (variant: Variant, query: Query, runs: Run[], calls: number): Measured => {
      const measured: Measured = {
        variant,
        query,
        runs,
        perSecond: spreadOf(runs.map((r) => r.load.perSecond)),
        p50: spreadOf(runs.map((r) => r.load.p50)),
        p99: spreadOf(runs.map((r) => r.load.p99)),
        cpu: runs[0].cpuMsPerRequest === undefined ? undefined : spreadOf(runs.map((r) => r.cpuMsPerRequest!)),
        rss: runs[0].peakRssMiB === undefined ? undefined : spreadOf(runs.map((r) => r.peakRssMiB!)),
        subgraphCpu: spreadOf(runs.map((r) => r.subgraphCpuMsPerRequest)),
        calls,
        errors: runs.reduce((sum, r) => sum + r.load.errors, 0),
      };
      log(
        `bench: ${query.id} / ${variant.label}: ${formatSpread(measured.perSecond)} req/s, p50 ${formatSpread(measured.p50)} ms, p99 ${formatSpread(measured.p99)} ms` +
          (measured.cpu ? `, CPU ${formatSpread(measured.cpu, 2)} ms/req` : '') +
          (measured.errors ? `, ${measured.errors} errors` : ''),
      );
      results.push(measured);
      return measured;
    };
    const sameData = (variant: Variant, query: Query, body: any) => {
      if (body?.errors?.length) throw new Error(`${query.id} / ${variant.label}: the answer has errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
      if (!body?.data) throw new Error(`${query.id} / ${variant.label}: no data in the answer`);
      if (!query.reference) {
        query.reference = { variant: variant.label, data: JSON.parse(canonicalJson(body.data)) };
        return;
      }
      const data = JSON.parse(canonicalJson(body.data));
      const difference = firstDifference(query.reference.data, data, 'data');
      if (difference) throw new Error(`${query.id}: ${variant.label} does not answer the same data as ${query.reference.variant}: first difference at ${difference}`);
    };

    // Every gateway runs from the start, idle while another is measured, and the runs take turns
    // (each repeat measures every variant once): load from elsewhere on the machine falls on all
    // of them alike instead of on whichever was measured last.
    const gatewayVariants = VARIANTS.filter((v) => v.id !== 'direct');
    const gateways = new Map<Variant['id'], BenchChild>();
    for (const variant of gatewayVariants) {
      log(`bench: starting ${variant.label} in its own process`);
      const gateway = await fork(GATEWAY_SCRIPT, variant.label, [variant.id], { CSWB_BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls) }, 120_000);
      log(`bench: ${variant.label} ready in ${gateway.ready.seconds.toFixed(1)} s (pid ${gateway.pid})`);
      gateways.set(variant.id, gateway);
    }
    const direct = VARIANTS.find((v) => v.id === 'direct')!;

    for (const query of queries) {
      const body = JSON.stringify({ query: query.text, variables: query.variables });
      const waves = query.waves!;
      const planned = waves.flat().length;
      const entries: { variant: Variant; calls: number; warm: (seconds: number) => Promise<unknown>; measure: () => Promise<Run> }[] = [];
      for (const variant of gatewayVariants) {
        const gateway = gateways.get(variant.id)!;
        const url = gateway.ready.url!;
        const first = await postGraphQL(url, query.text, query.variables, headers);
        sameData(variant, query, first.body);
        // Subgraph calls per request, counted where they arrive; with 4 identical requests in
        // flight, merging would show as fewer calls than the plan makes.
        await settle([gateway, subgraphs]);
        const callsBefore = await subgraphCalls();
        await Promise.all([1, 2, 3, 4].map(() => postGraphQL(url, query.text, query.variables, headers)));
        const calls = ((await subgraphCalls()) - callsBefore) / 4;
        if (variant.id !== 'apollo' && calls !== planned) {
          throw new Error(`${query.id} / ${variant.label}: 4 concurrent requests made ${calls} subgraph calls each, the plan ${planned}: is in-flight deduplication still on?`);
        }
        const load = (seconds: number) => runAutocannon({ url, body, headers, connections: options.concurrency, seconds });
        entries.push({
          variant,
          calls,
          warm: load,
          measure: async () => {
            // Requests autocannon gave up on at the end of the last run are finished first, and
            // those of this run are counted with it: CPU over every request the gateway received.
            await settle([gateway, subgraphs]);
            const before = await gateway.request<ProcessStats>('stats', { reset: true });
            const subgraphsBefore = await subgraphCpu();
            const result = await load(options.seconds);
            await settle([gateway, subgraphs]);
            const after = await gateway.request<ProcessStats>('stats');
            const received = Math.max(1, after.requests - before.requests);
            return {
              load: result,
              cpuMsPerRequest: (after.cpuMicros - before.cpuMicros) / 1000 / received,
              peakRssMiB: after.peakRss / 2 ** 20,
              subgraphCpuMsPerRequest: ((await subgraphCpu()) - subgraphsBefore) / 1000 / received,
            };
          },
        });
      }
      // The floor: the recorded subgraph calls, replayed from here, without a gateway.
      await replay(waves, send, (call, response) => {
        const recorded = JSON.parse(call.response);
        const difference = firstDifference(JSON.parse(canonicalJson(recorded)), JSON.parse(canonicalJson(response)), call.subgraph);
        if (difference) throw new Error(`${query.id}: replaying a ${call.subgraph} call did not give the recorded answer: first difference at ${difference}`);
      });
      const replayLoad = (seconds: number) => runTaskLoad({ task: () => replay(waves, send), concurrency: options.concurrency, seconds });
      entries.push({
        variant: direct,
        calls: planned,
        warm: replayLoad,
        measure: async () => {
          await settle([subgraphs]);
          const subgraphsBefore = await subgraphCpu();
          const result = await replayLoad(options.seconds);
          await settle([subgraphs]);
          return { load: result, subgraphCpuMsPerRequest: ((await subgraphCpu()) - subgraphsBefore) / 1000 / Math.max(1, result.requests + result.errors) };
        },
      });

      if (warmupSeconds > 0) for (const entry of entries) await entry.warm(warmupSeconds);
      const runs = new Map(entries.map((entry) => [entry.variant.id, [] as Run[]]));
      for (let i = 0; i < options.repeats; i++) {
        for (const entry of entries) runs.get(entry.variant.id)!.push(await entry.measure());
      }
      for (const entry of entries) summarise(entry.variant, query, runs.get(entry.variant.id)!, entry.calls);
    }

    const loadAverage = `load average (1 min) ${loadBefore.toFixed(2)} before the suite started anything, ${os.loadavg()[0].toFixed(2)} as it ended (its own processes included)`;
    return report(options, { results, queries, neighbourhoods, range, notes, tls: trust.tls, loadAverage });
  } finally {
    await children.stopAll();
    trust?.close();
  }
}

function report(
  options: BenchOptions,
  run: { results: Measured[]; queries: Query[]; neighbourhoods: number; range: { from: string; to: string }; notes: string[]; tls: string; loadAverage: string },
): string {
  const { results, queries } = run;
  const find = (query: Query, id: Variant['id']) => results.find((r) => r.query === query && r.variant.id === id)!;
  const lines: string[] = [
    `### Gateways on \`${options.size}\` data (${run.neighbourhoods} neighbourhoods)`,
    '',
    `Machine: ${describeMachine()}; ${run.loadAverage}.${options.smoke ? ' **Smoke run** (0.5 s runs, one each): the figures only prove the suite runs.' : ''}`,
    '',
    `Method: the seven subgraphs and PostgreSQL run once, in one process of their own (as \`npm start\` runs them, seeded \`${options.size}\` data), ` +
      `behind the trust boundary every subgraph now requires (issue 12): ${run.tls === 'mutual' ? 'HTTPS with mutual TLS (`SUBGRAPH_TLS=mutual`) and' : 'plain HTTP (`SUBGRAPH_TLS=off`) with'} an ES256 assertion from the gateway per subgraph fetch (audience, caller, request id, body hash, single use), so every variant below signs one per fetch${run.tls === 'mutual' ? " and presents the gateway's client certificate on one kept-alive agent" : ''}; ` +
      `each gateway runs in a child process of its own (127.0.0.1, \`NODE_ENV=production\`), in front of those subgraphs, idle while another is measured; ` +
      `the runs take turns (each repeat measures every variant once, the direct floor included), so load from elsewhere on the machine falls on all of them alike. ` +
      `Load: autocannon in the suite's process, ${options.concurrency} keep-alive connections POSTing the same query with a planner token ` +
      `(disclosure control applied by the subgraphs), one ${Math.min(options.seconds, 5)} s warm-up then ${options.repeats} run(s) of ${options.seconds} s per variant and query; ` +
      `figures are medians over the runs, (min–max) across them; latencies of successful responses only, per response (not autocannon's 1 ms histogram). ` +
      `Gateway CPU is the gateway process's user + system time (\`process.cpuUsage()\`, reported over IPC) from before a run until it is idle again after it, divided by the HTTP requests it received meanwhile (requests autocannon abandons at the end of a run are finished, and counted, before the next starts); ` +
      `peak RSS is the gateway process's resident-set high-water mark over the run (Linux VmHWM, reset before each run through \`/proc/self/clear_refs\`). ` +
      `Before measuring, one answer of each gateway is compared with the others (\`data\`, keys sorted): they must be identical and free of errors. ` +
      `**cswb gateway, security on** is the production gateway wired as \`startGateway\` does from the same settings (token verification, \`@requiresScopes\`/\`@policy\` access rules, operation limits, request log to stdout, metrics, subgraph timeouts, the boundary of \`gatewayTrust\`); ` +
      `the per-caller rate limit is on but set out of reach (10⁹/min) since one load client is one caller. ` +
      `**same runtime, bare** is Hive Gateway runtime 2.12 with the same Rust query planner, supergraph and HTTP transport and nothing else but the boundary: the caller read from the client's token (\`createTokenVerifier\`, once per request), an assertion per fetch signed in \`onFetch\` as \`useSubgraphAssertions\` does, the certificate through the runtime's \`customAgent\`; it passes no client header on. ` +
      `Both Hive variants have the runtime's merging of identical in-flight subgraph requests turned off (\`deduplicateInflightRequests: false\`; checked: 4 concurrent identical requests make 4× the plan's subgraph calls), since a load test of one query would otherwise measure the merging. ` +
      `**@apollo/gateway** 2.14 runs in \`@apollo/server\` 5 (\`startStandaloneServer\`, landing page and usage reporting off, \`APOLLO_TELEMETRY_DISABLED\`) over the committed supergraph with its \`for: SECURITY\` link purposes removed (it refuses them otherwise, and then enforces none of them), with the same boundary: the caller read from the token in its context function, a \`RemoteGraphQLDataSource\` whose \`willSendRequest\` signs the assertion for the exact body it sends and whose \`fetcher\` (node:https through the same kind of agent, instead of its default make-fetch-happen) presents the certificate. ` +
      `**Direct subgraph calls** is the floor: the subgraph requests the Rust planner makes for one request, recorded once through a proxy and replayed from the suite's process with the same bodies, each with a fresh assertion (the caller verified once for the whole run) through the gateway's kept-alive agent (node:https), each wave of calls in parallel and the waves in the plan's order, ` +
      `with the in-repo closed-loop generator (\`runTaskLoad\`, same concurrency and duration) because one iteration is several requests. ` +
      `It includes the HTTP round trips, signing the assertions and parsing each subgraph answer as JSON; it leaves out what only a gateway does: verifying the client's token, parsing, validating and planning the client's query, building entity representations from earlier answers, merging and serialising the answer, and the extra HTTP hop. ` +
      `Subgraph calls/request: counted by the subgraph process over 4 concurrent identical requests (before the runs).`,
    '',
    ...run.notes.flatMap((note) => [note, '']),
  ];
  for (const query of queries) {
    const apollo = find(query, 'apollo');
    const direct = find(query, 'direct');
    lines.push(
      `#### ${query.title}`,
      '',
      `${query.id === 'profile' ? `\`docs/queries/all-areas-profile.graphql\`, ${run.range.from}..${run.range.to} yearly` : '`cli/src/bench/gateways/plan-deep.graphql`'}: ${(query.responseBytes! / 1024).toFixed(0)} KB answer; the Rust planner's ${query.waves!.flat().length} subgraph calls per request, in waves: ${describeWaves(query.waves!)}.`,
      '',
      '| variant | req/s | p50 ms | p99 ms | gateway CPU ms/request | peak RSS MiB | req/s vs @apollo/gateway | p50 vs direct | subgraph calls/request | subgraphs CPU ms/request | errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...VARIANTS.map((variant) => {
        const r = find(query, variant.id);
        return `| ${variant.label} | ${formatSpread(r.perSecond)} | ${formatSpread(r.p50)} | ${formatSpread(r.p99)} | ${r.cpu ? formatSpread(r.cpu, 2) : '—'} | ${r.rss ? formatSpread(r.rss, 0) : '—'} | ${formatRatio(r.perSecond.median, apollo.perSecond.median)} | ${formatRatio(r.p50.median, direct.p50.median)} | ${r.calls.toFixed(r.calls % 1 === 0 ? 0 : 2)} | ${formatSpread(r.subgraphCpu, 1)} | ${r.errors} |`;
      }),
      '',
    );
  }
  lines.push('Targets, on this run:', '');
  for (const query of queries) {
    const secure = find(query, 'secure');
    const bare = find(query, 'hive-bare');
    const apollo = find(query, 'apollo');
    const direct = find(query, 'direct');
    const verdict = (holds: boolean) => (holds ? 'holds' : 'misses');
    const vsApollo = secure.perSecond.median / apollo.perSecond.median;
    const vsBare = secure.perSecond.median / bare.perSecond.median;
    const vsDirect = secure.p50.median / direct.p50.median;
    const errors = results.filter((r) => r.query === query && r.errors > 0).map((r) => `${r.variant.label} ${r.errors}`);
    lines.push(
      `- ${query.title}:`,
      `  - security on ≥ 2× the requests/s of bare @apollo/gateway: ${verdict(vsApollo >= 2)} (${secure.perSecond.median.toFixed(1)} vs ${apollo.perSecond.median.toFixed(1)} req/s, ${vsApollo.toFixed(2)}×).`,
      `  - security on ≥ 0.9× the same runtime bare (security costs at most 10%): ${verdict(vsBare >= 0.9)} (${secure.perSecond.median.toFixed(1)} vs ${bare.perSecond.median.toFixed(1)} req/s, ${vsBare.toFixed(2)}×; CPU ${secure.cpu!.median.toFixed(2)} vs ${bare.cpu!.median.toFixed(2)} ms/request).`,
      `  - gateway p50 ≤ 1.3× the direct subgraph calls: ${verdict(vsDirect <= 1.3)} (${secure.p50.median.toFixed(1)} vs ${direct.p50.median.toFixed(1)} ms, ${vsDirect.toFixed(2)}×; same runtime bare ${(bare.p50.median / direct.p50.median).toFixed(2)}×, @apollo/gateway ${(apollo.p50.median / direct.p50.median).toFixed(2)}×).`,
      `  - where the time goes: ${[secure, bare, apollo, direct]
        .map((r) => {
          const cores = (msPerRequest: number) => ((msPerRequest * r.perSecond.median) / 1000).toFixed(2);
          return `${r.variant.label}: ${r.cpu ? `gateway ${cores(r.cpu.median)} cores, ` : ''}subgraph process ${cores(r.subgraphCpu.median)} cores`;
        })
        .join('; ')} (of ${os.cpus().length}, shared with the load generator and PostgreSQL). ` +
        `Per request, a gateway costs ${secure.cpu!.median.toFixed(1)} ms of CPU with security on, ${bare.cpu!.median.toFixed(1)} ms bare and ${apollo.cpu!.median.toFixed(1)} ms as @apollo/gateway ` +
        `(security on can serve ${(apollo.cpu!.median / secure.cpu!.median).toFixed(2)}× the requests per core of @apollo/gateway and ${(bare.cpu!.median / secure.cpu!.median).toFixed(2)}× those of the bare runtime), against ${direct.subgraphCpu.median.toFixed(1)} ms in the subgraphs.`,
      ...(errors.length ? [`  - errors during the runs (non-2xx, GraphQL errors, socket errors): ${errors.join(', ')}: the figures above count successful responses only.`] : []),
    );
  }
  lines.push('');
  return lines.join('\n');
}

export const gatewaysSuite: BenchSuite = {
  id: 'gateways',
  title: 'gateway throughput and latency: cswb gateway with security, the same runtime bare, @apollo/gateway, direct subgraph calls',
  run: gatewaysBench,
};
