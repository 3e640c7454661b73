import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchOptions, BenchSuite } from '../BenchSuite';
import { benchChildEnv, plannerCredentials } from '../benchHelpers';
import { benchTrust, BenchTrust } from './benchTrust';
import { replaySender } from './direct';
import { gatewaysReport } from './gatewaysReport';
import { BenchChild, benchChildren } from './ipc';
import { Measured, measureQuery } from './measureQuery';
import { recordQueries } from './recordQueries';
import { GATEWAY_SCRIPT, GATEWAYS, Variant } from './variants';

const SUBGRAPHS_SCRIPT = path.join(__dirname, 'subgraphsProcess.js');

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
  const { fork } = children;
  let trust: BenchTrust | undefined;

  try {
    log(`bench: starting the subgraphs (${options.size} data, seeded on first use) in their own process`);
    const subgraphs = await fork(SUBGRAPHS_SCRIPT, 'subgraphs', [], {}, 60 * 60_000, true);
    const subgraphList = subgraphs.ready.subgraphs ?? [];
    const subgraphUrls = Object.fromEntries(subgraphList.map((s) => [s.name, s.url]));
    log(`bench: ${subgraphList.length} subgraphs ready in ${subgraphs.ready.seconds.toFixed(1)} s`);
    // This process calls the subgraphs too (recording proxies, the direct floor): as the gateway does.
    trust = benchTrust(env);
    const send = replaySender(trust, await trust.callerOf(headers.authorization));
    // Record the subgraph calls a gateway makes per question (the same runtime bare, through proxies).
    const recording = await recordQueries({ options, log, children, env, headers, trust, subgraphs: subgraphList });

    // Every gateway runs from the start, idle while another is measured, and the runs take turns
    // (each repeat measures every variant once): load from elsewhere on the machine falls on all
    // of them alike instead of on whichever was measured last.
    const gateways = new Map<Variant['id'], BenchChild>();
    for (const variant of GATEWAYS) {
      log(`bench: starting ${variant.label} in its own process`);
      const gateway = await fork(GATEWAY_SCRIPT, variant.label, [variant.process ?? variant.id], { ...variant.env, CSWB_BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls) }, 120_000);
      log(`bench: ${variant.label} ready in ${gateway.ready.seconds.toFixed(1)} s (pid ${gateway.pid})`);
      gateways.set(variant.id, gateway);
    }

    const results: Measured[] = [];
    for (const query of recording.queries) results.push(...(await measureQuery({ options, log, headers, gateways, subgraphs, send }, query)));

    const loadAverage = `load average (1 min) ${loadBefore.toFixed(2)} before the suite started anything, ${os.loadavg()[0].toFixed(2)} as it ended (its own processes included)`;
    return gatewaysReport(options, { ...recording, results, tls: trust.tls, loadAverage, subgraphs: subgraphList.length });
  } finally {
    await children.stopAll();
    trust?.close();
  }
}

export const gatewaysSuite: BenchSuite = {
  id: 'gateways',
  title: 'gateway throughput and latency: cswb gateway with security, the same runtime bare, @apollo/gateway, direct subgraph calls',
  run: gatewaysBench,
};
