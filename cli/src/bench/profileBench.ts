import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readGatewayConfig, readSubgraphsHeapGrowingPercent } from '@cswb/contract/config';
import { PROJECT_ROOT } from '../projectRoot';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { BenchChild, forkBenchChild, ProcessStats, settle } from './gateways/ipc';
import { describeMachine } from './machine';
import { LoadResult, postGraphQL } from './measure';
import { runAutocannon } from './gateways/autocannonLoad';
import { formatSpread, Spread, spreadOf } from './repeatedRuns';
import { benchChildEnv, plannerCredentials } from './benchHelpers';
import { PostgresProcesses } from './postgresProcesses';

const QUERIES = path.join(PROJECT_ROOT, 'docs', 'queries');
const GATEWAY_SCRIPT = path.join(__dirname, 'gatewayProcess.js');
const SUBGRAPHS_SCRIPT = path.join(__dirname, 'gateways', 'subgraphsProcess.js');
const WEB_DOCUMENTS = path.join(PROJECT_ROOT, 'web', 'src', 'gql', 'persisted-documents.json');
const PLAN_DEEP = path.join(PROJECT_ROOT, 'cli', 'src', 'bench', 'gateways', 'plan-deep.graphql');

/** Not a planner's or a dashboard's question: the whole city's every figure over ten years in one answer (~4 MB), measured for what it costs. */
const STRESS = 'every neighbourhood, all sectors, yearly, 10 years';

/** Issue 17's targets, assessed on `city` data at 10 concurrent clients. */
const TARGETS = {
  oneAreaP95Ms: 50,
  oneAreaCpuMs: 6,
  trivialGatewayCpuMs: 1.5,
  mapP50Ms: 300,
  mapPerSecond: 20,
  deepPlanningPerSecond: 40,
};

/**
 * The memory budget of the hub as `npm start` runs it, under this load on `city` data (docs/operations.md,
 * "Memory budget"): the highest resident memory of each process over every run, MiB.
 */
export const MEMORY_BUDGET_MIB = { gateway: 768, subgraphs: 768, postgres: 512 } as const;

function ms(value: number): string {
  return value.toFixed(1);
}

interface Measured {
  label: string;
  runs: LoadResult[];
  perSecond: Spread;
  p50: Spread;
  p95: Spread;
  p99: Spread;
  /** CPU milliseconds per request in the gateway process, the subgraphs' process, PostgreSQL's processes and the load generator. */
  gatewayCpu: Spread;
  subgraphsCpu: Spread;
  postgresCpu?: Spread;
  loadCpu: Spread;
  /** The highest memory of each process over this scenario's runs, bytes (see `peakMemory`). */
  memory: { gateway: number; subgraphs: number; postgres?: number };
}

interface Scenario {
  label: string;
  query: string;
  variables: () => Record<string, unknown>;
  /** Distinct questions it asks: each asked once before the cached runs, so they answer from warm caches. */
  distinctQuestions: number;
}

/** A query of the web app, as it sends it: the text of its persisted document. */
function webDocument(operationName: string): string {
  const documents = JSON.parse(fs.readFileSync(WEB_DOCUMENTS, 'utf8')) as Record<string, string>;
  const found = Object.values(documents).find((text) => new RegExp(`\\bquery ${operationName}\\b`).test(text));
  if (!found) throw new Error(`no persisted document of the web app defines ${operationName}`);
  return found;
}

/**
 * The planner's and the dashboard's questions as deployed: the subgraphs in one process, the
 * production gateway (token, access rules, limits, audit, metrics) in another (the layout of `npm
 * start`), PostgreSQL in its own, the load generator in this one, every request with a planner
 * token. Each question computed afresh, from the subgraphs' response caches, and as deployed (the gateway's answer cache too); latency
 * under load against a baseline of the same run, the CPU each process spends per request, and the
 * memory each process holds.
 */
export async function profileBench(options: BenchOptions): Promise<string> {
  const { log } = options;
  const { secret, headers } = await plannerCredentials();
  const env = benchChildEnv(options.size, secret);
  const postgres = new PostgresProcesses(path.resolve(PROJECT_ROOT, env.CSWB_DATA_DIR!, 'postgres'));

  const children: BenchChild[] = [];
  try {
    const started = performance.now();
    log(`bench: starting the subgraphs (${options.size} data, seeded on first use) in their own process`);
    const subgraphs = await forkBenchChild({ script: SUBGRAPHS_SCRIPT, env, label: 'subgraphs', log, verbose: true, timeoutMs: 60 * 60_000 });
    children.push(subgraphs);
    const subgraphUrls = Object.fromEntries((subgraphs.ready.subgraphs ?? []).map((s) => [s.name, s.url]));
    const gateway = await forkBenchChild({
      script: GATEWAY_SCRIPT,
      args: ['secure'],
      env: { ...env, CSWB_BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls) },
      label: 'gateway',
      log,
      timeoutMs: 120_000,
    });
    children.push(gateway);
    const startSeconds = (performance.now() - started) / 1000;
    const url = gateway.ready.url!;

    const areaIds: string[] = (await postGraphQL(url, '{ areas(kind: NEIGHBOURHOOD) { id } }', {}, headers)).body.data.areas.map((a: { id: string }) => a.id);
    const catalogue: { id: string; sector: string }[] = (await postGraphQL(url, '{ indicatorCatalogue { id sector } }', {}, headers)).body.data.indicatorCatalogue;
    const onePerSector = [...new Map(catalogue.map((indicator) => [indicator.sector, indicator.id])).values()];
    const mapIndicator = catalogue[0].id;
    const range = options.size === 'city' ? { from: '2015-01-01', to: '2024-12-31' } : { from: '2021-01-01', to: '2024-12-31' };
    const lastYear = { from: `${range.to.slice(0, 4)}-01-01`, to: range.to };
    log(`bench: ${areaIds.length} neighbourhoods, ${range.from}..${range.to}`);
    const oneArea = fs.readFileSync(path.join(QUERIES, 'area-profile.graphql'), 'utf8');
    const allAreas = fs.readFileSync(path.join(QUERIES, 'all-areas-profile.graphql'), 'utf8');
    const mapValues = webDocument('MapIndicatorValues');
    const sectorFields = ['police', 'health', 'education', 'housing', 'socialServices', 'situationTable'];
    const everySectorNothingRead = `query EverySectorNothingRead($id: ID!) { area(id: $id) { id ${sectorFields.map((field) => `${field} { __typename }`).join(' ')} } }`;

    const cpuMicros = async () => [...(await Promise.all(children.map(async (child) => (await child.request<ProcessStats>('stats')).cpuMicros))), postgres.cpuMicros()];
    let next = 0;
    const nextArea = () => areaIds[next++ % areaIds.length];
    const results: Measured[] = [];
    const run = async ({ label, query, variables, distinctQuestions }: Scenario) => {
      const load = () => runAutocannon({ url, body: () => JSON.stringify({ query, variables: variables() }), headers, connections: options.concurrency, seconds: options.seconds });
      const first = await answeredOnceCircuitsClose(() => postGraphQL(url, query, variables(), headers), (waitMs) => log(`bench: "${label}": a subgraph's circuit is open after the scenario before; asking again in ${waitMs} ms`));
      if (!first.ok) throw new Error(`bench: "${label}" is answered with errors: ${JSON.stringify(first.body.errors ?? first.body).slice(0, 300)}`);
      // Every question asked once first, so that a measured run answers from warm caches however slow the warm-up.
      for (let i = 0; i < distinctQuestions; i += options.concurrency) {
        await Promise.all(Array.from({ length: Math.min(options.concurrency, distinctQuestions - i) }, () => postGraphQL(url, query, variables(), headers)));
      }
      if (!options.smoke) await load(); // warm-up, not recorded
      const runs: LoadResult[] = [];
      const perRequest = { gateway: [] as number[], subgraphs: [] as number[], postgres: [] as number[], load: [] as number[] };
      // Each scenario's own peak: the Node processes' high-water marks start again from their current size.
      await Promise.all(children.map((child) => child.request('stats', { reset: true })));
      let postgresPeak: number | undefined;
      for (let i = 0; i < options.repeats; i++) {
        await settle(children);
        const [subgraphsBefore, gatewayBefore, postgresBefore] = await cpuMicros();
        const loadBefore = process.cpuUsage();
        const stopSampling = postgres.sampleMemory();
        const result = await load();
        const loadCpu = process.cpuUsage(loadBefore);
        await settle(children);
        const [subgraphsAfter, gatewayAfter, postgresAfter] = await cpuMicros();
        const sampled = stopSampling();
        if (sampled !== undefined) postgresPeak = Math.max(postgresPeak ?? 0, sampled);
        const served = Math.max(1, result.requests + result.errors);
        runs.push(result);
        perRequest.gateway.push((gatewayAfter! - gatewayBefore!) / 1000 / served);
        perRequest.subgraphs.push((subgraphsAfter! - subgraphsBefore!) / 1000 / served);
        if (postgresBefore !== undefined && postgresAfter !== undefined) perRequest.postgres.push((postgresAfter - postgresBefore) / 1000 / served);
        perRequest.load.push((loadCpu.user + loadCpu.system) / 1000 / served);
      }
      const [subgraphsStats, gatewayStats] = await Promise.all(children.map((child) => child.request<ProcessStats>('stats')));
      const measured: Measured = {
        label,
        runs,
        memory: { gateway: gatewayStats.peakRss, subgraphs: subgraphsStats.peakRss, postgres: postgresPeak },
        perSecond: spreadOf(runs.map((r) => r.perSecond)),
        p50: spreadOf(runs.map((r) => r.p50)),
        p95: spreadOf(runs.map((r) => r.p95)),
        p99: spreadOf(runs.map((r) => r.p99)),
        gatewayCpu: spreadOf(perRequest.gateway),
        subgraphsCpu: spreadOf(perRequest.subgraphs),
        postgresCpu: perRequest.postgres.length ? spreadOf(perRequest.postgres) : undefined,
        loadCpu: spreadOf(perRequest.load),
      };
      log(`bench: ${label}: ${formatSpread(measured.perSecond)} requests/s, p50 ${formatSpread(measured.p50)} ms, p95 ${formatSpread(measured.p95)} ms`);
      results.push(measured);
      return measured;
    };
    // Each question computed afresh (every cache off), with the subgraphs' response caches only, then as deployed (the gateway's answer cache too).
    const caches = async (on: 'none' | 'subgraphs' | 'all') => {
      await subgraphs.request('response-cache', { enabled: on !== 'none' });
      await gateway.request('response-cache', { enabled: on === 'all' });
    };
    const floorScenario: Scenario = { label: 'one area, every sector, nothing read', query: everySectorNothingRead, variables: () => ({ id: nextArea() }), distinctQuestions: areaIds.length };
    const oneAreaScenario: Scenario = { label: 'one area, all sectors, yearly', query: oneArea, variables: () => ({ id: nextArea(), ...range, granularity: 'YEAR' }), distinctQuestions: areaIds.length };
    const mapScenarios: Scenario[] = [
      { label: 'the map: every neighbourhood, one indicator, one year', query: mapValues, variables: () => ({ kind: 'NEIGHBOURHOOD', ids: [mapIndicator], ...lastYear }), distinctQuestions: 1 },
      { label: `the map: every neighbourhood, ${onePerSector.length} indicators (one per sector), one year`, query: mapValues, variables: () => ({ kind: 'NEIGHBOURHOOD', ids: onePerSector, ...lastYear }), distinctQuestions: 1 },
    ];
    const deepScenario: Scenario = { label: 'deep planning: plan, measures, readings from every sector', query: fs.readFileSync(PLAN_DEEP, 'utf8'), variables: () => ({}), distinctQuestions: 1 };
    const scenarios: Scenario[] = [
      floorScenario,
      oneAreaScenario,
      { label: 'one area, all sectors, monthly', query: oneArea, variables: () => ({ id: nextArea(), ...range, granularity: 'MONTH' }), distinctQuestions: areaIds.length },
      ...mapScenarios,
      deepScenario,
      ...(options.smoke ? [] : [{ label: STRESS, query: allAreas, variables: () => ({ kind: 'NEIGHBOURHOOD', ...range, granularity: 'YEAR' }), distinctQuestions: 1 }]),
    ];
    const cached = new Map<string, Measured>();
    const subgraphCached = new Map<string, Measured>();
    const computed = new Map<string, Measured>();
    await caches('none');
    const baseline = await run({ label: 'baseline: one area, name only', query: 'query Baseline($id: ID!) { area(id: $id) { id name population } }', variables: () => ({ id: nextArea() }), distinctQuestions: 0 });
    // The subgraphs' caches alone only where the answer cache's part is worth showing (a run each costs a minute).
    const subgraphCachesAlone = [floorScenario, oneAreaScenario, deepScenario];
    for (const scenario of scenarios) {
      await caches('none');
      computed.set(scenario.label, await run({ ...scenario, label: `${scenario.label}, computed`, distinctQuestions: 0 }));
      if (subgraphCachesAlone.includes(scenario)) {
        await caches('subgraphs');
        subgraphCached.set(scenario.label, await run({ ...scenario, label: `${scenario.label}, subgraph caches only` }));
      }
      await caches('all');
      cached.set(scenario.label, await run({ ...scenario, label: `${scenario.label}, as deployed` }));
    }

    const assessed = options.size === 'city' && options.concurrency === 10;
    const verdict = (holds: boolean) => (!assessed ? 'not assessed (needs --size city --concurrency 10)' : holds ? 'holds' : 'misses');
    const cpuOf = (r: Measured) => r.gatewayCpu.median + r.subgraphsCpu.median;
    const allCpuOf = (r: Measured) => cpuOf(r) + (r.postgresCpu?.median ?? 0) + r.loadCpu.median;
    const cores = os.cpus().length;
    const oneAreaCached = cached.get(oneAreaScenario.label)!;
    const oneAreaComputed = computed.get(oneAreaScenario.label)!;
    const floor = cached.get(floorScenario.label)!;
    const maps = mapScenarios.map((s) => cached.get(s.label)!);
    const deep = cached.get(deepScenario.label)!;
    const mib = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 1024 / 1024).toFixed(0));
    // The budget holds for the planners' and dashboards' questions above; the stress question is shown beside it.
    const budgeted = results.filter((r) => !r.label.startsWith(STRESS));
    const stress = results.filter((r) => r.label.startsWith(STRESS));
    const highest = (rows: Measured[], process: 'gateway' | 'subgraphs' | 'postgres') =>
      rows.some((r) => r.memory[process] !== undefined) ? Math.max(...rows.map((r) => r.memory[process] ?? 0)) : undefined;
    const memoryRows = (['gateway', 'subgraphs', 'postgres'] as const).map((process) => ({ process, peak: highest(budgeted, process), stress: highest(stress, process) }));
    const { heapGrowingPercent } = readGatewayConfig(env, [], path.join(PROJECT_ROOT, 'gateway', 'generated', 'supergraph.graphql'));
    const subgraphsHeapGrowingPercent = readSubgraphsHeapGrowingPercent(env);
    const heapGrowth = [
      heapGrowingPercent
        ? `The gateway's heap grows at most ${heapGrowingPercent}% past its live data before V8 collects it whole (\`GATEWAY_HEAP_GROWING_PERCENT\`, as \`npm start\` runs it).`
        : "The gateway's heap grows as V8 decides (`GATEWAY_HEAP_GROWING_PERCENT=0`).",
      subgraphsHeapGrowingPercent
        ? `The subgraphs' process's: at most ${subgraphsHeapGrowingPercent}% (\`SUBGRAPHS_HEAP_GROWING_PERCENT\`).`
        : "The subgraphs' process's as V8 decides (`SUBGRAPHS_HEAP_GROWING_PERCENT=0`).",
    ].join(' ');
    const memoryHolds = memoryRows.every((row) => row.peak !== undefined && row.peak / 1024 / 1024 <= MEMORY_BUDGET_MIB[row.process]);
    const processNames = { gateway: 'gateway', subgraphs: 'subgraphs (all seven)', postgres: 'PostgreSQL' };

    return [
      `### Area profiles, the map and planning on \`${options.size}\` data (${areaIds.length} neighbourhoods)`,
      '',
      `Machine: ${describeMachine()}. As deployed and as \`npm start\` runs it: the subgraphs in one process, the production gateway (token verification, access rules, limits, rate limit, audit, metrics) in another, PostgreSQL in its own processes, the load generator (autocannon, keep-alive connections, latency per response) in the bench process; ${options.concurrency} concurrent clients with a planner token (disclosure control applied), the one-area questions each asking for the next neighbourhood, ${options.seconds} s per run${options.smoke ? '' : ' after a warm-up'}; medians over ${options.repeats} run(s), (min–max) across runs. CPU per request: each process's user + system time over a run (until idle again) divided by the requests it served; PostgreSQL's from \`/proc\` (its server processes). Start-up of the two processes (seeding on first use): ${startSeconds.toFixed(1)} s. The map's questions are the web app's persisted document \`MapIndicatorValues\` (indicator \`${mapIndicator}\`; one per sector: ${onePerSector.map((id) => `\`${id}\``).join(', ')}), over ${lastYear.from.slice(0, 4)}; deep planning is \`cli/src/bench/gateways/plan-deep.graphql\`.`,
      '',
      '| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | p50 vs baseline | gateway CPU ms/request | subgraphs CPU ms/request | PostgreSQL CPU ms/request | load generator CPU ms/request | peak MiB: gateway / subgraphs / PostgreSQL |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.map((r) => {
        const requests = r.runs.reduce((sum, run) => sum + run.requests, 0);
        const errors = r.runs.reduce((sum, run) => sum + run.errors, 0);
        return `| ${r.label} | ${requests}${errors ? ` (${errors} errors)` : ''} | ${formatSpread(r.perSecond)} | ${formatSpread(r.p50)} | ${formatSpread(r.p95)} | ${formatSpread(r.p99)} | ${(r.p50.median / baseline.p50.median).toFixed(1)}× | ${formatSpread(r.gatewayCpu, 2)} | ${formatSpread(r.subgraphsCpu, 2)} | ${r.postgresCpu ? formatSpread(r.postgresCpu, 2) : '—'} | ${formatSpread(r.loadCpu, 2)} | ${mib(r.memory.gateway)} / ${mib(r.memory.subgraphs)} / ${mib(r.memory.postgres)} |`;
      }),
      '',
      `"computed": every subgraph computes the answer (every cache off); "subgraph caches only": the subgraphs answer a question they have answered at the same data version from their response caches (docs/operations.md, "Response cache"), still verifying the caller's assertion and writing the audit entry, in the statement that checks the data version, while the gateway plans and fetches as for a new question; "as deployed": the gateway's answer cache on too (docs/operations.md, "Answer cache"): a question it has answered for the same access is served once every subgraph fetch of it is confirmed, in one parallel round, by its subgraph, which audits the request as it would have had it answered. "nothing read": the same seven subgraph fetches as a one-area profile, each selecting only \`__typename\`: what the fetches cost before any figure is read.`,
      '',
      `Memory: each process's highest over a scenario's runs (Node processes: the kernel's resident high-water mark, VmHWM, reset before each scenario; PostgreSQL: its server processes' private memory summed, plus shared buffers and mapped files once, from \`/proc/<pid>/status\`, sampled every 250 ms). ${heapGrowth} Against the budget in docs/operations.md ("Memory budget"), the highest over every scenario but the last, which is not a planner's or a dashboard's question:`,
      '',
      `| process | peak MiB | budget MiB | ${STRESS}: peak MiB |`,
      '| --- | --- | --- | --- |',
      ...memoryRows.map((row) => `| ${processNames[row.process]} | ${mib(row.peak)} | ${MEMORY_BUDGET_MIB[row.process]} | ${mib(row.stress)} |`),
      '',
      'Targets (issue 17) on this run:',
      '',
      `- one area, all sectors, p95 ≤ ${TARGETS.oneAreaP95Ms} ms: ${verdict(oneAreaCached.p95.median <= TARGETS.oneAreaP95Ms)} (p95 ${ms(oneAreaCached.p95.median)} ms as deployed, ${ms(subgraphCached.get(oneAreaScenario.label)!.p95.median)} ms from the subgraph caches only, ${ms(oneAreaComputed.p95.median)} ms computed). What bounds it here: a request costs ${ms(allCpuOf(oneAreaCached))} ms of CPU in all the processes on this machine (gateway, subgraphs, PostgreSQL, load generator), so ${options.concurrency} clients on ${cores} cores wait at least ${options.concurrency} × ${ms(allCpuOf(oneAreaCached))} ÷ ${cores} = ${ms((options.concurrency * allCpuOf(oneAreaCached)) / cores)} ms per request at the median; the seven fetches alone, nothing read, ${ms(allCpuOf(floor))} ms (${ms((options.concurrency * allCpuOf(floor)) / cores)} ms: measured p50 ${ms(floor.p50.median)}, p95 ${ms(floor.p95.median)} ms).`,
      `- CPU per one-area profile ≤ ${TARGETS.oneAreaCpuMs} ms across gateway and subgraphs: ${verdict(cpuOf(oneAreaCached) <= TARGETS.oneAreaCpuMs)} (${ms(cpuOf(oneAreaCached))} ms as deployed, ${ms(cpuOf(subgraphCached.get(oneAreaScenario.label)!))} ms from the subgraph caches only, ${ms(cpuOf(oneAreaComputed))} ms computed; the seven fetches alone, nothing read: ${ms(cpuOf(floor))} ms as deployed, ${ms(cpuOf(subgraphCached.get(floorScenario.label)!))} ms without the answer cache).`,
      `- a trivial query ≤ ${TARGETS.trivialGatewayCpuMs} ms of gateway CPU: ${verdict(baseline.gatewayCpu.median <= TARGETS.trivialGatewayCpuMs)} (${baseline.gatewayCpu.median.toFixed(2)} ms).`,
      ...maps.map((m) => `- ${m.label.replace(/, as deployed$/, '')}: p50 ≤ ${TARGETS.mapP50Ms} ms and ≥ ${TARGETS.mapPerSecond} requests/s: ${verdict(m.p50.median <= TARGETS.mapP50Ms && m.perSecond.median >= TARGETS.mapPerSecond)} (p50 ${ms(m.p50.median)} ms, ${ms(m.perSecond.median)} requests/s).`),
      `- deep planning ≥ ${TARGETS.deepPlanningPerSecond} requests/s: ${verdict(deep.perSecond.median >= TARGETS.deepPlanningPerSecond)} (${ms(deep.perSecond.median)} requests/s, p50 ${ms(deep.p50.median)} ms).`,
      `- memory within the budget: ${verdict(memoryHolds)}.`,
      '',
    ].join('\n');
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

export const profilesSuite: BenchSuite = {
  id: 'profiles',
  title: 'city-scale area profiles, the map and deep planning through the gateway as deployed, as a planner (p50/p95, CPU per process, memory)',
  run: profileBench,
};

/** The longest a scenario waits for the circuits a scenario before it opened (its timeouts) to close again. */
const CIRCUITS_CLOSE_WITHIN_MS = 60_000;

/**
 * `ask`'s answer, asked again while a subgraph's circuit is open (`SUBGRAPH_UNAVAILABLE`, reason
 * `circuit open`), after the wait the gateway names: a question that timed out in the scenario
 * before (every neighbourhood computed afresh, on a slow machine) must not fail the next one.
 */
async function answeredOnceCircuitsClose(ask: () => Promise<{ ok: boolean; body: any }>, waiting: (waitMs: number) => void): Promise<{ ok: boolean; body: any }> {
  const deadline = performance.now() + CIRCUITS_CLOSE_WITHIN_MS;
  for (;;) {
    const answer = await ask();
    const retryAfterMs = circuitRetryAfterMs(answer.body);
    if (answer.ok || retryAfterMs === undefined || performance.now() + retryAfterMs > deadline) return answer;
    waiting(retryAfterMs);
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs + 50));
  }
}

function circuitRetryAfterMs(body: any): number | undefined {
  const waits = (Array.isArray(body?.errors) ? body.errors : [])
    .filter((error: any) => error?.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && error.extensions.reason === 'circuit open' && typeof error.extensions.retryAfterMs === 'number')
    .map((error: any) => error.extensions.retryAfterMs as number);
  return waits.length > 0 ? Math.max(...waits) : undefined;
}
