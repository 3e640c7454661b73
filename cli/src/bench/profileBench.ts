import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../projectRoot';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { BenchChild, forkBenchChild, ProcessStats, settle } from './gateways/ipc';
import { describeMachine } from './machine';
import { LoadResult, postGraphQL, runLoad } from './measure';
import { formatSpread, Spread, spreadOf } from './repeatedRuns';
import { benchChildEnv, plannerCredentials } from './benchHelpers';

const QUERIES = path.join(PROJECT_ROOT, 'docs', 'queries');
const GATEWAY_SCRIPT = path.join(__dirname, 'gatewayProcess.js');
const SUBGRAPHS_SCRIPT = path.join(__dirname, 'gateways', 'subgraphsProcess.js');
/** The target of issue 7 for the one-area profile at 10 concurrent clients. */
const TARGET_P95_MS = 50;

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
  /** CPU milliseconds per request in the gateway process and in the subgraphs' process. */
  gatewayCpu: Spread;
  subgraphsCpu: Spread;
}

/**
 * The planner's question as deployed: the subgraphs in one process, the production gateway
 * (token, access rules, limits, audit, metrics) in another, the load generator in this one,
 * every request with a planner token. Latency under load against a baseline of the same run
 * (the gateway's cheapest query over the same area), and the CPU each process spends per request.
 */
export async function profileBench(options: BenchOptions): Promise<string> {
  const { log } = options;
  const { secret, headers } = await plannerCredentials();
  const env = benchChildEnv(options.size, secret);

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
    const range = options.size === 'city' ? { from: '2015-01-01', to: '2024-12-31' } : { from: '2021-01-01', to: '2024-12-31' };
    log(`bench: ${areaIds.length} neighbourhoods, ${range.from}..${range.to}`);
    const oneArea = fs.readFileSync(path.join(QUERIES, 'area-profile.graphql'), 'utf8');
    const allAreas = fs.readFileSync(path.join(QUERIES, 'all-areas-profile.graphql'), 'utf8');

    const cpuMicros = async () => Promise.all(children.map(async (child) => (await child.request<ProcessStats>('stats')).cpuMicros));
    let next = 0;
    const results: Measured[] = [];
    const run = async (label: string, query: string, variables: () => Record<string, unknown>, distinctQuestions = 0) => {
      const load = () => runLoad({ url, query, variables, headers, concurrency: options.concurrency, seconds: options.seconds });
      // Every area asked once first, so that a measured run answers from warm caches however slow the warm-up.
      for (let i = 0; i < distinctQuestions; i += options.concurrency) {
        await Promise.all(Array.from({ length: Math.min(options.concurrency, distinctQuestions - i) }, () => postGraphQL(url, query, variables(), headers)));
      }
      if (!options.smoke) await load(); // warm-up, not recorded
      const runs: LoadResult[] = [];
      const gatewayCpu: number[] = [];
      const subgraphsCpu: number[] = [];
      for (let i = 0; i < options.repeats; i++) {
        await settle(children);
        const [subgraphsBefore, gatewayBefore] = await cpuMicros();
        const result = await load();
        await settle(children);
        const [subgraphsAfter, gatewayAfter] = await cpuMicros();
        const served = Math.max(1, result.requests + result.errors);
        runs.push(result);
        gatewayCpu.push((gatewayAfter - gatewayBefore) / 1000 / served);
        subgraphsCpu.push((subgraphsAfter - subgraphsBefore) / 1000 / served);
      }
      const measured: Measured = {
        label,
        runs,
        perSecond: spreadOf(runs.map((r) => r.perSecond)),
        p50: spreadOf(runs.map((r) => r.p50)),
        p95: spreadOf(runs.map((r) => r.p95)),
        p99: spreadOf(runs.map((r) => r.p99)),
        gatewayCpu: spreadOf(gatewayCpu),
        subgraphsCpu: spreadOf(subgraphsCpu),
      };
      log(`bench: ${label}: p50 ${formatSpread(measured.p50)} ms, p95 ${formatSpread(measured.p95)} ms`);
      results.push(measured);
    };
    // Each question computed afresh (the subgraphs' response caches off), then as deployed (on,
    // every area asked once before the warm-up, so the measured runs are answered from the caches).
    const responseCache = (enabled: boolean) => subgraphs.request('response-cache', { enabled });
    type Scenario = [label: string, query: string, variables: () => Record<string, unknown>, distinctQuestions: number];
    const scenarios: Scenario[] = [
      ['one area, all sectors, yearly', oneArea, () => ({ id: areaIds[next++ % areaIds.length], ...range, granularity: 'YEAR' }), areaIds.length],
      ['one area, all sectors, monthly', oneArea, () => ({ id: areaIds[next++ % areaIds.length], ...range, granularity: 'MONTH' }), areaIds.length],
      ...(options.smoke ? [] : [['every neighbourhood, all sectors, yearly', allAreas, () => ({ kind: 'NEIGHBOURHOOD', ...range, granularity: 'YEAR' }), 1] as Scenario]),
    ];
    await responseCache(false);
    await run('baseline: one area, name only', 'query Baseline($id: ID!) { area(id: $id) { id name population } }', () => ({ id: areaIds[next++ % areaIds.length] }));
    for (const [label, query, variables, distinctQuestions] of scenarios) {
      await responseCache(false);
      await run(`${label}, computed`, query, variables);
      await responseCache(true);
      await run(`${label}, response cache`, query, variables, distinctQuestions);
    }
    const baseline = results[0];
    const computed = results[1];
    const target = results[2];
    const assessed = options.size === 'city' && options.concurrency === 10;
    const cpuPerRequest = target.gatewayCpu.median + target.subgraphsCpu.median;
    const computedCpu = computed.gatewayCpu.median + computed.subgraphsCpu.median;

    return [
      `### Area profiles on \`${options.size}\` data (${areaIds.length} neighbourhoods)`,
      '',
      `Machine: ${describeMachine()}. As deployed: the subgraphs in one process, the production gateway (token verification, access rules, limits, rate limit, audit, metrics) in another, PostgreSQL in its own, the load generator in the bench process; ${options.concurrency} concurrent clients with a planner token (disclosure control applied), each asking for the next neighbourhood, ${options.seconds} s per run${options.smoke ? '' : ' after a warm-up'}; medians over ${options.repeats} run(s), (min–max) across runs. Start-up of the two processes (seeding on first use): ${startSeconds.toFixed(1)} s.`,
      '',
      '| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | p50 vs baseline | gateway CPU ms/request | subgraphs CPU ms/request |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.map((r) => {
        const requests = r.runs.reduce((sum, run) => sum + run.requests, 0);
        const errors = r.runs.reduce((sum, run) => sum + run.errors, 0);
        return `| ${r.label} | ${requests}${errors ? ` (${errors} errors)` : ''} | ${formatSpread(r.perSecond)} | ${formatSpread(r.p50)} | ${formatSpread(r.p95)} | ${formatSpread(r.p99)} | ${(r.p50.median / baseline.p50.median).toFixed(1)}× | ${formatSpread(r.gatewayCpu)} | ${formatSpread(r.subgraphsCpu)} |`;
      }),
      '',
      `"computed": every subgraph computes the answer (response caches off); "response cache": as deployed, the subgraphs answer a question they have answered at the same data version from their caches (docs/operations.md, "Response cache"), still verifying the caller, reading the data version and writing the audit entry.`,
      '',
      `Target "one area, all sectors: p95 ≤ ${TARGET_P95_MS} ms at 10 concurrent clients" on this run: ${
        !assessed
          ? 'not assessed (needs --size city --concurrency 10)'
          : `${target.p95.median <= TARGET_P95_MS ? 'holds' : 'misses'} as deployed (p95 ${ms(target.p95.median)} ms; ${ms(computed.p95.median)} ms computed afresh)`
      }. One such request costs ${ms(cpuPerRequest)} ms of CPU in the gateway and subgraph processes together (${ms(computedCpu)} ms computed; PostgreSQL not counted): with ${options.concurrency} clients in a closed loop on this machine's cores, that alone puts p50 near ${options.concurrency} × ${ms(cpuPerRequest)} ms ÷ cores used.`,
      '',
    ].join('\n');
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

export const profilesSuite: BenchSuite = {
  id: 'profiles',
  title: 'city-scale area profiles through the gateway as deployed, as a planner (p50/p95 at fixed concurrency)',
  run: profileBench,
};
