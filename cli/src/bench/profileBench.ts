import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { envPrefix, grantFor, SqlStatementCounter } from '@cswb/shared';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';
import { startStack } from '../startStack';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { describeMachine } from './machine';
import { LoadResult, postGraphQL, runLoad } from './measure';
import { formatSpread, Spread, spreadOf } from './repeatedRuns';

const QUERIES = path.join(PROJECT_ROOT, 'docs', 'queries');

function readQuery(file: string): string {
  return fs.readFileSync(path.join(QUERIES, file), 'utf8');
}

function ms(value: number): string {
  return value.toFixed(1);
}

/**
 * Area-profile queries (every sector, one period range) through the gateway on seeded data:
 * SQL statements per subgraph as the number of areas grows, and latency under load against
 * a baseline measured in the same run (the gateway's cheapest query over the same areas).
 */
export async function profileBench(options: BenchOptions): Promise<string> {
  const { log } = options;
  const env: Record<string, string | undefined> = {
    ...process.env,
    SEED_SIZE: options.size,
    PORT: '0',
    // Closed-loop load from one client: the per-client rate limit would measure itself.
    RATE_LIMIT_PER_MINUTE: '0',
    CSWB_DATA_DIR: process.env.CSWB_BENCH_DATA_DIR ?? path.join('.data', `bench-${options.size}`),
  };
  for (const { definition } of discoverSubgraphs()) env[`${envPrefix(definition.name)}_PORT`] = '0';
  // The planner's question, asked as a planner: neighbourhood figures, disclosure control applied.
  const secret = randomBytes(32).toString('hex');
  env.JWT_DEV_SECRET = secret;
  const planner = grantFor('planner');
  const token = await new SignJWT({ scope: planner.scopes.join(' '), purpose: planner.purpose ?? undefined })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench-planner')
    .setIssuer('cswb-hub-dev')
    .setAudience('cswb-hub')
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
  const headers = { authorization: `Bearer ${token}` };
  const counters: Record<string, SqlStatementCounter> = {};
  const seedStarted = performance.now();
  const stack = await startStack({ env, log, quiet: true, sqlLogger: (name) => (counters[name] = new SqlStatementCounter()) });
  const startSeconds = (performance.now() - seedStarted) / 1000;
  try {
    const url = stack.gateway.url;
    const years = (await postGraphQL(url, '{ areas(kind: MUNICIPALITY) { id } }')).body;
    const areaIds: string[] = (await postGraphQL(url, '{ areas(kind: NEIGHBOURHOOD) { id } }')).body.data.areas.map((a: { id: string }) => a.id);
    const range = options.size === 'city' ? { from: '2015-01-01', to: '2024-12-31' } : { from: '2021-01-01', to: '2024-12-31' };
    log(`bench: ${areaIds.length} neighbourhoods, ${range.from}..${range.to} (${JSON.stringify(years.data?.areas?.length)} municipality)`);

    const allAreas = readQuery('all-areas-profile.graphql');
    const oneArea = readQuery('area-profile.graphql');

    const statementRows: string[] = [];
    for (const kind of ['WARD', 'NEIGHBOURHOOD', null]) {
      for (const counter of Object.values(counters)) counter.reset();
      const { ok, body } = await postGraphQL(url, allAreas, { kind, ...range, granularity: 'YEAR' }, headers);
      if (!ok) throw new Error(`profile query failed: ${JSON.stringify(body.errors)}`);
      const perSubgraph = Object.entries(counters).map(([name, c]) => `${name} ${c.count}`).join(', ');
      statementRows.push(`| ${kind ?? 'all'} | ${body.data.areas.length} | ${perSubgraph} |`);
    }

    let next = 0;
    const scenario = (query: string, variables: () => Record<string, unknown>) =>
      runLoad({ url, query, variables, headers, concurrency: options.concurrency, seconds: options.seconds });
    interface Measured { label: string; runs: LoadResult[]; perSecond: Spread; p50: Spread; p95: Spread; p99: Spread }
    const results: Measured[] = [];
    const run = async (label: string, query: string, variables: () => Record<string, unknown>) => {
      await scenario(query, variables); // warm-up, not recorded
      const runs: LoadResult[] = [];
      for (let i = 0; i < options.repeats; i++) runs.push(await scenario(query, variables));
      const measured: Measured = {
        label,
        runs,
        perSecond: spreadOf(runs.map((r) => r.perSecond)),
        p50: spreadOf(runs.map((r) => r.p50)),
        p95: spreadOf(runs.map((r) => r.p95)),
        p99: spreadOf(runs.map((r) => r.p99)),
      };
      log(`bench: ${label}: p50 ${formatSpread(measured.p50)} ms, p95 ${formatSpread(measured.p95)} ms`);
      results.push(measured);
    };
    await run('baseline: one area, name only', '{ a: area(id: "lakeshore-n001") { id name population } }', () => ({}));
    await run('one area, all sectors, yearly', oneArea, () => ({ id: areaIds[next++ % areaIds.length], ...range, granularity: 'YEAR' }));
    await run('one area, all sectors, monthly', oneArea, () => ({ id: areaIds[next++ % areaIds.length], ...range, granularity: 'MONTH' }));
    await run('every neighbourhood, all sectors, yearly', allAreas, () => ({ kind: 'NEIGHBOURHOOD', ...range, granularity: 'YEAR' }));
    const baseline = results[0];
    const target = results[1];
    const targetHolds = target.p95.median <= 50;

    return [
      `### Area profiles on \`${options.size}\` data (${areaIds.length} neighbourhoods)`,
      '',
      `Machine: ${describeMachine()}. Stack in one process, load generator in the same process, ${options.concurrency} concurrent clients with a planner token (disclosure control applied), ${options.seconds} s per run after a warm-up; medians over ${options.repeats} run(s), (min–max) across runs. Start-up (migrate, seed if empty, listen): ${startSeconds.toFixed(1)} s.`,
      '',
      '| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | p50 vs baseline |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...results.map((r) => {
        const requests = r.runs.reduce((sum, run) => sum + run.requests, 0);
        const errors = r.runs.reduce((sum, run) => sum + run.errors, 0);
        return `| ${r.label} | ${requests}${errors ? ` (${errors} errors)` : ''} | ${formatSpread(r.perSecond)} | ${formatSpread(r.p50)} | ${formatSpread(r.p95)} | ${formatSpread(r.p99)} | ${(r.p50.median / baseline.p50.median).toFixed(1)}× |`;
      }),
      '',
      `Target "one area, all sectors: p95 ≤ 50 ms at 10 concurrent clients" on this run: ${options.size !== 'city' || options.concurrency !== 10 ? 'not assessed (needs --size city --concurrency 10)' : targetHolds ? `holds (p95 ${ms(target.p95.median)} ms)` : `misses (p95 ${ms(target.p95.median)} ms)`}.`,
      '',
      'SQL statements per request for the all-areas profile query, per subgraph:',
      '',
      '| areas | count | statements per subgraph |',
      '| --- | --- | --- |',
      ...statementRows,
      '',
    ].join('\n');
  } finally {
    await stack.close();
  }
}

export const profilesSuite: BenchSuite = {
  id: 'profiles',
  title: 'city-scale area profiles through the gateway, as a planner (p50/p95 at fixed concurrency)',
  run: profileBench,
};
