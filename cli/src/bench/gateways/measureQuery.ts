import type { BenchOptions } from '../BenchSuite';
import { LoadResult, postGraphQL, runTaskLoad } from '../measure';
import { formatSpread, Spread, spreadOf } from '../repeatedRuns';
import { runAutocannon } from './autocannonLoad';
import { canonicalJson, firstDifference } from './canonical';
import { replay, replaySender } from './direct';
import { BenchChild, ProcessStats, settle } from './ipc';
import type { Query } from './recordQueries';
import { DIRECT, GATEWAYS, Variant } from './variants';

export interface Run {
  load: LoadResult;
  cpuMsPerRequest?: number;
  peakRssMiB?: number;
  subgraphCpuMsPerRequest: number;
}

export interface Measured {
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

function summarise(log: (line: string) => void, variant: Variant, query: Query, runs: Run[], calls: number): Measured {
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
  return measured;
}

function sameData(variant: Variant, query: Query, body: any): void {
  if (body?.errors?.length) throw new Error(`${query.id} / ${variant.label}: the answer has errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  if (!body?.data) throw new Error(`${query.id} / ${variant.label}: no data in the answer`);
  if (!query.reference) {
    query.reference = { variant: variant.label, data: JSON.parse(canonicalJson(body.data)) };
    return;
  }
  const data = JSON.parse(canonicalJson(body.data));
  const difference = firstDifference(query.reference.data, data, 'data');
  if (difference) throw new Error(`${query.id}: ${variant.label} does not answer the same data as ${query.reference.variant}: first difference at ${difference}`);
}

/**
 * One question on every variant: each gateway's answer checked against the others, the subgraph
 * calls per request counted, a warm-up, then the repeats taking turns across the variants.
 */
export async function measureQuery(
  step: {
    options: BenchOptions;
    log: (line: string) => void;
    headers: Record<string, string>;
    gateways: ReadonlyMap<Variant['id'], BenchChild>;
    subgraphs: BenchChild;
    send: ReturnType<typeof replaySender>;
  },
  query: Query,
): Promise<Measured[]> {
  const { options, log, headers, gateways, subgraphs, send } = step;
  // Smoke runs skip the warm-up: the checks before the runs have warmed each gateway a little.
  const warmupSeconds = options.smoke ? 0 : Math.min(options.seconds, 5);
  const subgraphCalls = async () => sumCounts(await subgraphs.request<Record<string, number>>('counts'));
  const subgraphCpu = async () => (await subgraphs.request<ProcessStats>('stats')).cpuMicros;
  const body = JSON.stringify({ query: query.text, variables: query.variables });
  const waves = query.waves!;
  const planned = waves.flat().length;
  const entries: { variant: Variant; calls: number; warm: (seconds: number) => Promise<unknown>; measure: () => Promise<Run> }[] = [];
  for (const variant of GATEWAYS) {
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
    variant: DIRECT,
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
  return entries.map((entry) => summarise(log, entry.variant, query, runs.get(entry.variant.id)!, entry.calls));
}
