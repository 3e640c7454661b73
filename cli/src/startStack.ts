import { readAuthConfig } from '@cswb/contract/auth';
import { readTrustConfig, readGatewayConfig } from '@cswb/contract/config';
import { ensureDeploymentCertificates } from '@cswb/contract/trust';
import type { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import type { RunningSubgraph } from '@cswb/subgraph-kit/server';
import { startGateway, StartedGateway } from '@cswb/gateway';
import { discoverSubgraphs } from './discoverSubgraphs';
import { SUPERGRAPH_FILE } from './supergraphFile';
import { PROJECT_ROOT } from './projectRoot';
import { withDevelopmentTokenSecret } from './developmentTokenSecret';
import { StackOptions, startSubgraphs } from './startSubgraphs';

// The subgraphs' half lives in its own module, which loads no gateway: `cswb start` runs the gateway in a process of its own.
export { startSubgraphs } from './startSubgraphs';
export type { RunningSubgraphs, StackOptions } from './startSubgraphs';

export interface RunningStack {
  gateway: StartedGateway;
  subgraphs: RunningSubgraph[];
  postgres?: EmbeddedPostgres;
  close(): Promise<void>;
}

/**
 * Everything `npm start` runs, in one process: the subgraphs (`startSubgraphs`), then the
 * gateway in front of them. What tests start in-process, and `cswb start` with
 * START_LAYOUT=single; by default `cswb start` runs the gateway in a child process (`startSplitStack`).
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const env = withDevelopmentTokenSecret(options.env, options.log ?? (() => {}));
  const names = discoverSubgraphs().map((s) => s.definition.name);
  const gatewayConfig = readGatewayConfig(env, names, SUPERGRAPH_FILE);
  const auth = readAuthConfig(env);
  const trust = readTrustConfig(env, PROJECT_ROOT);
  // The deployment CA and a certificate per member, made on first start (docs/security.md).
  const certificates = await ensureDeploymentCertificates(trust.certsDir, names, trust.certificateHosts);
  let gateway: StartedGateway | undefined;
  const running = await startSubgraphs({
    ...options,
    env,
    host: gatewayConfig.host,
    trust,
    certificates,
    // The gateway starts after the subgraphs: asked for lazily.
    gatewayUrl: () => gateway?.url,
  });
  const close = async () => {
    await gateway?.close().catch(() => {});
    await running.close();
  };
  try {
    const subgraphUrls = { ...Object.fromEntries(running.subgraphs.map((s) => [s.name, s.url])), ...gatewayConfig.subgraphUrls };
    gateway = await startGateway({ ...gatewayConfig, subgraphUrls }, auth, trust, { quiet: options.quiet, log: options.logger });
    return { gateway, subgraphs: running.subgraphs, postgres: running.postgres, close };
  } catch (error) {
    await close();
    throw error;
  }
}
