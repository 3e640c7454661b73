import type { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import type { RunningSubgraph } from '@cswb/subgraph-kit/server';
import { startGateway, StartedGateway } from '@cswb/gateway';
import { readStackSettings } from './stackSettings';
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
  const { env, gatewayConfig, auth, trust, certificates } = await readStackSettings(options.env, options.log ?? (() => {}));
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
