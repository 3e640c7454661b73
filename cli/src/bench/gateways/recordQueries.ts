import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../projectRoot';
import type { BenchOptions } from '../BenchSuite';
import { postGraphQL } from '../measure';
import type { BenchTrust } from './benchTrust';
import { describeWaves, RecordedCall, startRecordingProxies, wavesOf } from './direct';
import type { benchChildren } from './ipc';
import { GATEWAY_SCRIPT } from './variants';

/** The deep planning query lives beside this suite's sources (docs/queries is checked by other tests). */
const PLAN_DEEP = path.join(PROJECT_ROOT, 'cli', 'src', 'bench', 'gateways', 'plan-deep.graphql');
const ALL_AREAS = path.join(PROJECT_ROOT, 'docs', 'queries', 'all-areas-profile.graphql');

export interface Query {
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

export interface Recording {
  queries: Query[];
  /** The period range of the area profile. */
  range: { from: string; to: string };
  notes: string[];
  neighbourhoods: number;
}

/**
 * The first step: the two questions, and the subgraph calls a gateway makes for each (the same
 * runtime bare, through recording proxies), in waves, with the answers the direct floor replays.
 */
export async function recordQueries(step: {
  options: BenchOptions;
  log: (line: string) => void;
  children: ReturnType<typeof benchChildren>;
  env: NodeJS.ProcessEnv;
  headers: Record<string, string>;
  trust: BenchTrust;
  subgraphs: readonly { name: string; url: string }[];
}): Promise<Recording> {
  const { options, log, env, headers, trust } = step;
  const { fork, stop } = step.children;
  const queries: Query[] = [
    { id: 'profile', title: 'Area profile: every neighbourhood, every sector, one period range', text: fs.readFileSync(ALL_AREAS, 'utf8'), variables: {} },
    { id: 'plan', title: 'Deep planning: plan → priority risks, measures → readings from every sector', text: fs.readFileSync(PLAN_DEEP, 'utf8'), variables: {} },
  ];
  const profile = queries[0];
  let range = options.size === 'city' ? { from: '2015-01-01', to: '2024-12-31' } : { from: '2021-01-01', to: '2024-12-31' };
  const notes: string[] = [];
  let neighbourhoods = 0;
  const proxies = await startRecordingProxies(step.subgraphs, trust);
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
  return { queries, range, notes, neighbourhoods };
}
