import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { envPrefix, grantFor, SqlStatementCounter } from '@cswb/shared';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';
import { startStack } from '../startStack';
import { LoadResult, postGraphQL, runLoad } from './measure';

export interface ProfileBenchOptions {
  size: 'small' | 'city';
  /** Seconds of load per scenario. */
  seconds: number;
  concurrency: number;
  log: (line: string) => void;
}

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
export async function profileBench(options: ProfileBenchOptions): Promise<string> {
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
    const results: [string, LoadResult][] = [];
    const run = async (label: string, query: string, variables: () => Record<string, unknown>) => {
      await scenario(query, variables); // warm-up, not recorded
      const result = await scenario(query, variables);
      log(`bench: ${label}: ${result.requests} requests, p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms`);
      results.push([label, result]);
    };
    await run('baseline: one area, name only', '{ a: area(id: "lakeshore-n001") { id name population } }', () => ({}));
    await run('one area, all sectors, yearly', oneArea, () => ({ id: areaIds[next++ % areaIds.length], ...range, granularity: 'YEAR' }));
    await run('one area, all sectors, monthly', oneArea, () => ({ id: areaIds[next++ % areaIds.length], ...range, granularity: 'MONTH' }));
    await run('every neighbourhood, all sectors, yearly', allAreas, () => ({ kind: 'NEIGHBOURHOOD', ...range, granularity: 'YEAR' }));
    const baseline = results[0][1];

    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, embedded PostgreSQL 18`;
    return [
      `### Area profiles on \`${options.size}\` data (${areaIds.length} neighbourhoods)`,
      '',
      `Machine: ${machine}. Stack in one process, load generator in the same process, ${options.concurrency} concurrent clients with a planner token (disclosure control applied), ${options.seconds} s per scenario after a warm-up. Start-up (migrate, seed if empty, listen): ${startSeconds.toFixed(1)} s.`,
      '',
      '| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | min–max ms | p50 vs baseline |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.map(
        ([label, r]) =>
          `| ${label} | ${r.requests}${r.errors ? ` (${r.errors} errors)` : ''} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.min)}–${ms(r.max)} | ${(r.p50 / baseline.p50).toFixed(1)}× |`,
      ),
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
