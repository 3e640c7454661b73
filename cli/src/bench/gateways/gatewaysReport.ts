import * as os from 'node:os';
import type { BenchOptions } from '../BenchSuite';
import { describeMachine } from '../machine';
import { formatRatio, formatSpread } from '../repeatedRuns';
import { describeWaves } from './direct';
import type { Measured } from './measureQuery';
import type { Query } from './recordQueries';
import { Variant, VARIANTS } from './variants';

/** The suite's section of docs/benchmarks.md: the method, a table per question, the targets. */
export function gatewaysReport(
  options: BenchOptions,
  run: { results: Measured[]; queries: Query[]; neighbourhoods: number; range: { from: string; to: string }; notes: string[]; tls: string; loadAverage: string; subgraphs: number },
): string {
  const { results, queries } = run;
  const find = (query: Query, id: Variant['id']) => results.find((r) => r.query === query && r.variant.id === id)!;
  const lines: string[] = [
    `### Gateways on \`${options.size}\` data (${run.neighbourhoods} neighbourhoods)`,
    '',
    `Machine: ${describeMachine()}; ${run.loadAverage}.${options.smoke ? ' **Smoke run** (0.5 s runs, one each): the figures only prove the suite runs.' : ''}`,
    '',
    `Method: the ${run.subgraphs} subgraphs and PostgreSQL run once, in one process of their own (as \`npm start\` runs them, seeded \`${options.size}\` data), ` +
      `behind the trust boundary every subgraph now requires (issue 12): ${run.tls === 'mutual' ? 'HTTPS with mutual TLS (`SUBGRAPH_TLS=mutual`) and' : 'plain HTTP (`SUBGRAPH_TLS=off`) with'} an ES256 assertion from the gateway per subgraph fetch (audience, caller, request id, body hash, single use), so every variant below signs one per fetch${run.tls === 'mutual' ? " and presents the gateway's client certificate on one kept-alive agent" : ''}; ` +
      `each gateway runs in a child process of its own (127.0.0.1, \`NODE_ENV=production\`), in front of those subgraphs, idle while another is measured; ` +
      `the runs take turns (each repeat measures every variant once, the direct floor included), so load from elsewhere on the machine falls on all of them alike. ` +
      `Load: autocannon in the suite's process, ${options.concurrency} keep-alive connections POSTing the same query with a planner token ` +
      `(disclosure control applied by the subgraphs), one ${Math.min(options.seconds, 5)} s warm-up then ${options.repeats} run(s) of ${options.seconds} s per variant and query; ` +
      `figures are medians over the runs, (min–max) across them; latencies of successful responses only, per response (not autocannon's 1 ms histogram). ` +
      `Gateway CPU is the gateway process's user + system time (\`process.cpuUsage()\`, reported over IPC) from before a run until it is idle again after it, divided by the HTTP requests it received meanwhile (requests autocannon abandons at the end of a run are finished, and counted, before the next starts); ` +
      `peak RSS is the gateway process's resident-set high-water mark over the run (Linux VmHWM, reset before each run through \`/proc/self/clear_refs\`). ` +
      `Before measuring, one answer of each gateway is compared with the others (\`data\`, keys sorted): they must be identical and free of errors. ` +
      `**cswb gateway, security on** is the production gateway wired as \`startGateway\` does from the same settings (token verification, \`@requiresScopes\`/\`@policy\` access rules, operation limits, request log to stdout, metrics, subgraph timeouts, the boundary of \`gatewayTrust\`) with its answer cache off (\`ANSWER_CACHE_MB=0\`), so that every request is planned, fetched and merged as by the others; **as deployed** is the same with its answer cache on (docs/operations.md, "Answer cache"): a repeated question is served once every subgraph fetch of it is confirmed by its subgraph (one parallel round, each confirmation audited), which only this gateway can do; ` +
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
    const deployed = find(query, 'secure-answer-cache');
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
      `  - security on ≥ 2× the requests/s of bare @apollo/gateway: ${verdict(vsApollo >= 2)} (${secure.perSecond.median.toFixed(1)} vs ${apollo.perSecond.median.toFixed(1)} req/s, ${vsApollo.toFixed(2)}×); as deployed, with the answer cache: ${verdict(deployed.perSecond.median / apollo.perSecond.median >= 2)} (${deployed.perSecond.median.toFixed(1)} req/s, ${(deployed.perSecond.median / apollo.perSecond.median).toFixed(2)}×).`,
      `  - security on ≥ 0.9× the same runtime bare (security costs at most 10%): ${verdict(vsBare >= 0.9)} (${secure.perSecond.median.toFixed(1)} vs ${bare.perSecond.median.toFixed(1)} req/s, ${vsBare.toFixed(2)}×; CPU ${secure.cpu!.median.toFixed(2)} vs ${bare.cpu!.median.toFixed(2)} ms/request).`,
      `  - gateway p50 ≤ 1.3× the direct subgraph calls: ${verdict(vsDirect <= 1.3)} (${secure.p50.median.toFixed(1)} vs ${direct.p50.median.toFixed(1)} ms, ${vsDirect.toFixed(2)}×; same runtime bare ${(bare.p50.median / direct.p50.median).toFixed(2)}×, @apollo/gateway ${(apollo.p50.median / direct.p50.median).toFixed(2)}×).`,
      `  - where the time goes: ${[secure, bare, apollo, direct]
        .map((r) => {
          const cores = (msPerRequest: number) => ((msPerRequest * r.perSecond.median) / 1000).toFixed(2);
          return `${r.variant.label}: ${r.cpu ? `gateway ${cores(r.cpu.median)} cores, ` : ''}subgraph process ${cores(r.subgraphCpu.median)} cores`;
        })
        .join('; ')} (of ${os.cpus().length}, shared with the load generator and PostgreSQL). ` +
        `Per request, a gateway costs ${secure.cpu!.median.toFixed(1)} ms of CPU with security on, ${bare.cpu!.median.toFixed(1)} ms bare and ${apollo.cpu!.median.toFixed(1)} ms as @apollo/gateway ` +
        `(security on can serve ${(apollo.cpu!.median / secure.cpu!.median).toFixed(2)}× the requests per core of @apollo/gateway and ${(bare.cpu!.median / secure.cpu!.median).toFixed(2)}× those of the bare runtime), against ${direct.subgraphCpu.median.toFixed(1)} ms in the subgraphs; ` +
        `as deployed, a repeated question costs the gateway ${deployed.cpu!.median.toFixed(1)} ms (${(apollo.cpu!.median / deployed.cpu!.median).toFixed(2)}× the requests per core of @apollo/gateway) and the subgraphs ${deployed.subgraphCpu.median.toFixed(1)} ms.`,
      ...(errors.length ? [`  - errors during the runs (non-2xx, GraphQL errors, socket errors): ${errors.join(', ')}: the figures above count successful responses only.`] : []),
    );
  }
  lines.push('');
  return lines.join('\n');
}
