import * as fs from 'node:fs';
import * as path from 'node:path';
import { databaseUrlFor, envPrefix, readSeed } from '@cswb/contract/config';
import { EmbeddedPostgres, SqlStatementCounter } from '@cswb/subgraph-kit/db';
import { prepareDatabase, SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { FieldNode, Kind, OperationDefinitionNode, parse, print } from 'graphql';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';
import { RunningStack, startStack } from '../startStack';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { plannerCredentials, spreadPick, subgraphFetchStats } from './benchHelpers';
import { describeMachine } from './machine';
import { postGraphQL } from './measure';
import { formatRatio, formatSpread, spreadOf } from './repeatedRuns';

const PROFILE_QUERY = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'all-areas-profile.graphql'), 'utf8');

/**
 * The selection of docs/queries/all-areas-profile.graphql, as a fragment on one area: every
 * sector the documented query asks for, with its fragments, so the two cannot drift apart.
 */
export function profileFragment(query: string): string {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const areas = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'areas');
  if (!areas?.selectionSet) throw new Error('sql-scaling: the area profile query has no `areas { … }` selection');
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => print(d));
  return [`fragment Profile on Area ${print(areas.selectionSet)}`, ...fragments].join('\n');
}

const PROFILE_FRAGMENT = profileFragment(PROFILE_QUERY);

/**
 * The area profile of exactly these areas in one request. The public schema has no way to ask
 * `areas` for N of them, so each is an aliased `area(id:)`: the gateway still sends one fetch per
 * subgraph for all of them (measured below), and each subgraph batches them through its loaders.
 */
export function aliasedProfileQuery(ids: readonly string[]): string {
  const fields = ids.map((id, i) => `  a${i}: area(id: ${JSON.stringify(id)}) { ...Profile }`).join('\n');
  return `query AreaProfiles($from: LocalDate!, $to: LocalDate!, $granularity: Granularity!) {\n${fields}\n}\n${PROFILE_FRAGMENT}`;
}

interface Measured {
  label: string;
  /** Requests of one shape (the same root fields) must cost the same statements whatever the areas. */
  shape: string;
  areas: number;
  /** Per run: statements and fetches per subgraph. */
  statements: Record<string, number>[];
  fetches: Record<string, number>[];
  /** Per run: milliseconds the gateway waited for each subgraph (its fetch duration). */
  fetchMs: Record<string, number>[];
  ms: number[];
}

/** Seeds the data set once (later runs find it seeded) on a server the suite started. */
async function seedOnce(url: string, size: 'small' | 'region', log: (line: string) => void): Promise<number> {
  const city = createSyntheticCity(size, readSeed(process.env));
  const started = performance.now();
  let seededAny = false;
  await Promise.all(
    discoverSubgraphs().map(async ({ definition }) => {
      const { db, seeded } = await prepareDatabase(definition as SubgraphDefinition<unknown>, {
        url: databaseUrlFor(definition.name, { DATABASE_URL: url }),
        connectAs: 'owner',
        // No generator reads `size`: the city carries the shape (CITY_SIZES.region is not a SEED_SIZE).
        seed: { city, size: 'city', progress: (line) => log(`sql-scaling: seeding ${line}`) },
      });
      if (seeded) seededAny = true;
      await db.destroy();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  log(`sql-scaling: ${seededAny ? 'seeded' : 'found seeded'} ${size} data (${city.neighbourhoods.length} neighbourhoods, ${city.years[0]}–${city.years.at(-1)}) in ${seconds.toFixed(1)} s`);
  return seededAny ? seconds : 0;
}

/**
 * Constant means: every sector subgraph (reached by entity fetches) runs the same statements in every
 * request, and the planning subgraph (the root fields) the same in every request of the same shape.
 */
export function statementsVerdict(
  rows: readonly { shape: string; statements: Record<string, number>[]; fetches: Record<string, number>[] }[],
  subgraphs: readonly string[],
): { holds: boolean; text: string } {
  const growing: string[] = [];
  let maxPerFetch = 0;
  for (const subgraph of subgraphs) {
    const all = rows.flatMap((m) => m.statements.map((r) => r[subgraph]));
    const sameEverywhere = new Set(all).size === 1;
    const sameWithinShape = [...new Set(rows.map((m) => m.shape))].every(
      (shape) => new Set(rows.filter((m) => m.shape === shape).flatMap((m) => m.statements.map((r) => r[subgraph]))).size === 1,
    );
    if (!(subgraph === 'planning' ? sameWithinShape : sameEverywhere)) growing.push(subgraph);
    for (const m of rows) {
      m.statements.forEach((r, i) => {
        const fetches = m.fetches[i][subgraph];
        if (fetches > 0) maxPerFetch = Math.max(maxPerFetch, r[subgraph] / fetches);
      });
    }
  }
  const maxFetches = Math.max(...rows.flatMap((m) => m.fetches.flatMap((r) => subgraphs.map((s) => r[s]))));
  if (growing.length) return { holds: false, text: `Statements change with the number of areas in ${growing.join(', ')}.` };
  return {
    holds: true,
    text: `Every subgraph ran the same statements whatever the number of areas (at most ${maxPerFetch} per fetch, at most ${maxFetches} fetch(es) per subgraph per request).`,
  };
}

/**
 * SQL statements per request for the all-sector area profile at 10, 100 and 1,000 areas, per
 * subgraph, with the gateway's fetches to each subgraph: the statements must not grow with the areas.
 */
export async function sqlScalingBench(options: BenchOptions): Promise<string> {
  const { log } = options;
  const size = options.smoke ? 'small' : 'region';
  const aliasCounts = options.smoke ? [1, 10] : [10, 100];
  const dataDir = path.resolve(PROJECT_ROOT, process.env.CSWB_BENCH_REGION_DATA_DIR ?? path.join('.data', options.smoke ? 'bench-small' : 'bench-region'));
  const range = { from: '2021-01-01', to: '2024-12-31', granularity: 'YEAR' };

  const postgres = new EmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: 0 });
  let stack: RunningStack | undefined;
  try {
    log(`sql-scaling: PostgreSQL in ${path.relative(PROJECT_ROOT, dataDir)}`);
    const serverUrl = await postgres.start();
    const seedSeconds = await seedOnce(serverUrl, size, log);

    const { secret, headers } = await plannerCredentials();
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: serverUrl,
      SEED_SIZE: 'none',
      CSWB_DATA_DIR: dataDir,
      PORT: '0',
      JWT_DEV_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
      // 1,000 aliased fields: the operation limits (100 aliases, 2,000 tokens, 30 root fields, 500
      // fields) would refuse them.
      MAX_ALIASES: '0',
      MAX_ROOT_FIELDS: '0',
      MAX_FIELDS: '0',
      MAX_TOKENS: '0',
      MAX_COST: '0',
      // 1,011 areas in one fetch to each sector: over the default representation cap (1,000).
      MAX_REPRESENTATIONS: '5000',
      // Every neighbourhood at once takes some subgraphs more than the default 10 s on a busy machine.
      SUBGRAPH_TIMEOUT_MS: '300000',
    };
    for (const { definition } of discoverSubgraphs()) {
      env[`${envPrefix(definition.name)}_PORT`] = '0';
      delete env[`${envPrefix(definition.name)}_DATABASE_URL`];
      delete env[`${envPrefix(definition.name)}_TIMEOUT_MS`];
    }
    const counters: Record<string, SqlStatementCounter> = {};
    stack = await startStack({ env, log, quiet: true, sqlLogger: (name) => (counters[name] = new SqlStatementCounter()) });
    const url = stack.gateway.url;
    const metricsUrl = url.replace(/\/graphql$/, '/metrics');
    const subgraphs = Object.keys(counters).sort();

    const neighbourhoods: string[] = (await postGraphQL(url, '{ areas(kind: NEIGHBOURHOOD) { id } }', {}, headers)).body.data.areas.map((a: { id: string }) => a.id);
    const wards: string[] = (await postGraphQL(url, '{ areas(kind: WARD) { id } }', {}, headers)).body.data.areas.map((a: { id: string }) => a.id);

    const measure = async (
      label: string,
      shape: string,
      query: string,
      variables: Record<string, unknown>,
      areasIn: (data: any) => number, // eslint-disable-line @typescript-eslint/no-explicit-any
    ): Promise<Measured> => {
      const measured: Measured = { label, shape, areas: 0, statements: [], fetches: [], fetchMs: [], ms: [] };
      await postGraphQL(url, query, variables, headers); // warm-up: plan cache, connections
      for (let run = 0; run < options.repeats; run++) {
        for (const counter of Object.values(counters)) counter.reset();
        const before = await subgraphFetchStats(metricsUrl);
        const t0 = performance.now();
        const { ok, body } = await postGraphQL(url, query, variables, headers);
        const ms = performance.now() - t0;
        const after = await subgraphFetchStats(metricsUrl);
        if (!ok) throw new Error(`sql-scaling: ${label} failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
        measured.areas = areasIn(body.data);
        measured.statements.push(Object.fromEntries(subgraphs.map((s) => [s, counters[s].count])));
        measured.fetches.push(Object.fromEntries(subgraphs.map((s) => [s, (after.fetches[s] ?? 0) - (before.fetches[s] ?? 0)])));
        measured.fetchMs.push(Object.fromEntries(subgraphs.map((s) => [s, ((after.seconds[s] ?? 0) - (before.seconds[s] ?? 0)) * 1000])));
        measured.ms.push(ms);
      }
      log(`sql-scaling: ${label}: ${measured.areas} areas, ${formatSpread(spreadOf(measured.ms))} ms, statements ${subgraphs.map((s) => `${s} ${measured.statements[0][s]}`).join(', ')}`);
      return measured;
    };

    // The documented query as is, at each kind: `wards` (10 in the region), every neighbourhood
    // (1,000), every area; the 100 are one ward's neighbourhoods (`children`), the same profile.
    const listed = (data: { areas: unknown[] }) => data.areas.length;
    const rows: Measured[] = [];
    rows.push(await measure(`${wards.length} wards: all-areas-profile, kind WARD`, 'areas', PROFILE_QUERY, { kind: 'WARD', ...range }, listed));
    rows.push(
      await measure(
        `one ward's neighbourhoods: area(id:) { children }`,
        'children',
        `query WardProfiles($id: ID!, $from: LocalDate!, $to: LocalDate!, $granularity: Granularity!) {\n  area(id: $id) { id children { ...Profile } }\n}\n${PROFILE_FRAGMENT}`,
        { id: wards[0], ...range },
        (data: { area: { children: unknown[] } }) => data.area.children.length,
      ),
    );
    rows.push(await measure(`every neighbourhood: all-areas-profile, kind NEIGHBOURHOOD`, 'areas', PROFILE_QUERY, { kind: 'NEIGHBOURHOOD', ...range }, listed));
    rows.push(await measure(`every area: all-areas-profile, no kind`, 'areas', PROFILE_QUERY, { kind: null, ...range }, listed));
    // N named neighbourhoods as aliased `area(id:)` fields: the same per-subgraph statements, but the
    // gateway's cost grows faster than the areas (1,000 aliases take minutes, so they are left out).
    for (const count of aliasCounts) {
      rows.push(
        await measure(`${count} named neighbourhoods: ${count} aliased area(id:)`, 'aliases', aliasedProfileQuery(spreadPick(neighbourhoods, count)), range, (data: object) => Object.keys(data).length),
      );
    }
    // The figure per run is the same every run unless something is off: the spread shows it if not.
    const cell = (m: Measured, subgraph: string) => {
      const statements = spreadOf(m.statements.map((r) => r[subgraph]));
      const fetches = spreadOf(m.fetches.map((r) => r[subgraph]));
      const show = (v: typeof statements) => (v.min === v.max ? String(v.median) : formatSpread(v, 0));
      return `${show(statements)} / ${show(fetches)}`;
    };
    const baseline = rows[0];
    const baselineMs = spreadOf(baseline.ms).median;
    const line = (m: Measured) =>
      `| ${m.label} | ${m.areas} | ${subgraphs.map((s) => cell(m, s)).join(' | ')} | ${formatSpread(spreadOf(m.ms), 0)} | ${formatRatio(spreadOf(m.ms).median, baselineMs)} |`;
    const verdict = statementsVerdict(rows, subgraphs);
    const listRows = rows.filter((m) => m.shape !== 'aliases');
    const smallest = Math.min(...listRows.map((m) => m.areas));
    const largest = Math.max(...listRows.map((m) => m.areas));
    const aliasRows = rows.filter((m) => m.shape === 'aliases');
    const aliasGrowth =
      aliasRows.length > 1
        ? ` Aliased requests: ${aliasRows.at(-1)!.areas / aliasRows[0].areas}× the areas took ${(spreadOf(aliasRows.at(-1)!.ms).median / spreadOf(aliasRows[0].ms).median).toFixed(1)}× the time (list fields: ${(spreadOf(listRows.find((m) => m.areas === largest)!.ms).median / baselineMs).toFixed(1)}× the time for ${largest / smallest}× the areas).`
        : '';

    return [
      `### SQL statements per request as the areas grow (${size === 'region' ? '`region` data: 1,000 neighbourhoods in 10 wards, 2023–2024' : '`small` data: 24 neighbourhoods in 4 wards (smoke)'})`,
      '',
      `Machine: ${describeMachine()}. Stack in one process on a PostgreSQL of the suite's own (\`${path.relative(PROJECT_ROOT, dataDir)}\`; ${seedSeconds ? `seeded in ${seedSeconds.toFixed(1)} s on this run` : 'seeded by an earlier run'}); every sector's yearly indicators ${range.from}..${range.to} (\`docs/queries/all-areas-profile.graphql\`'s selection) as a planner, disclosure control applied. Each request once as a warm-up, then ${options.repeats} measured run(s). A cell is SQL statements / gateway fetches to that subgraph for one request (median, (min–max) when runs differ): a \`SqlStatementCounter\` per subgraph (audit-log writes and BEGIN/COMMIT not counted) and the difference in the gateway's \`cswb_gateway_subgraph_fetches_total\`. The schema has no "first N" on \`areas\`: the 10, 100 and 1,000 are the wards, one ward's neighbourhoods (\`children\`) and every neighbourhood; the aliased rows name neighbourhoods one by one (operation limits off for them). Baseline for ms: the first row.`,
      '',
      `| request | areas | ${subgraphs.join(' | ')} | ms | ms vs first row |`,
      `| --- | --- | ${subgraphs.map(() => '---').join(' | ')} | --- | --- |`,
      ...rows.map(line),
      '',
      'Milliseconds the gateway waited for each subgraph (sum of its fetches, median over runs):',
      '',
      `| request | areas | ${subgraphs.join(' | ')} |`,
      `| --- | --- | ${subgraphs.map(() => '---').join(' | ')} |`,
      ...rows.map((m) => `| ${m.label} | ${m.areas} | ${subgraphs.map((s) => formatSpread(spreadOf(m.fetchMs.map((r) => r[s])), 0)).join(' | ')} |`),
      '',
      `Target "SQL statements per subgraph fetch constant from ${smallest} to ${largest} areas": ${verdict.holds ? 'holds' : 'misses'}. ${verdict.text}${aliasGrowth}`,
      '',
    ].join('\n');
  } finally {
    await stack?.close().catch((error) => log(`sql-scaling: closing the stack: ${(error as Error).message}`));
    await postgres.stop();
  }
}

export const sqlScalingSuite: BenchSuite = {
  id: 'sql-scaling',
  title: 'SQL statements per request for the area profile at 10, 100 and 1,000 areas (constant per subgraph fetch)',
  run: sqlScalingBench,
};
