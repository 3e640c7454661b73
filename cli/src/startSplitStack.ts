import type { RunningSubgraph } from '@cswb/subgraph-kit/server';
import { GatewayProcess, GatewayReady } from './GatewayProcess';
import { readStackSettings } from './stackSettings';
import { StackOptions, startSubgraphs } from './startSubgraphs';

/** How long the gateway process has to stop after its grace period before it is killed. */
const KILL_AFTER_GRACE_MS = 5_000;

export interface RunningSplitStack {
  gateway: GatewayReady & { pid: number };
  subgraphs: RunningSubgraph[];
  /** Resolves with how the gateway process exited if it exits on its own; never once `close` is called. */
  gatewayLost: Promise<string>;
  /** The gateway first (it stops sending to the subgraphs), then the subgraphs, then PostgreSQL. */
  close(): Promise<void>;
}

/**
 * What `cswb start` runs by default (START_LAYOUT=split): PostgreSQL and the subgraphs in this
 * process (`startSubgraphs`), the gateway in a child process (cli/src/gatewayChild.ts) with the
 * same environment, development token secret included, in front of the subgraphs' actual URLs.
 * `startStack` is the same hub in one process.
 */
export async function startSplitStack(options: StackOptions): Promise<RunningSplitStack> {
  // Read here, to fail fast before anything starts; the gateway process reads the same environment.
  const { env, gatewayConfig, trust, certificates } = await readStackSettings(options.env, options.log ?? (() => {}));
  const stopDeadlineMs = gatewayConfig.shutdownGraceMs + KILL_AFTER_GRACE_MS;
  const gateway = GatewayProcess.fork(env);
  let ready: GatewayReady | undefined;
  let running;
  try {
    running = await startSubgraphs({ ...options, env, host: gatewayConfig.host, trust, certificates, gatewayUrl: () => ready?.url });
  } catch (error) {
    await gateway.stop(stopDeadlineMs);
    throw error;
  }
  const close = async () => {
    await gateway.stop(stopDeadlineMs);
    await running.close();
  };
  try {
    ready = await gateway.start(Object.fromEntries(running.subgraphs.map((s) => [s.name, s.url])));
  } catch (error) {
    await close();
    throw error;
  }
  return { gateway: { ...ready, pid: gateway.pid }, subgraphs: running.subgraphs, gatewayLost: gateway.lost, close };
}
