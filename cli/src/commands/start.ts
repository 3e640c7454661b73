import { ConfigError, readLogConfig, readStartLayout, type Env } from '@cswb/contract/config';
import { createLogger, describeError, type Logger } from '@cswb/contract/logging';
import type { RunningSubgraph } from '@cswb/subgraph-kit/server';
import { GatewayNotStarted } from '../GatewayNotStarted';
import { logStartFailure } from '../logStartFailure';
import { startSplitStack } from '../startSplitStack';

export const EXAMPLE_QUERY = `query AreaPolice {
  areas(kind: WARD) {
    id
    name
    population
    police {
      indicators(from: "2023-01-01", to: "2024-12-31") {
        indicator { id name unit }
        observations { period { label } value numerator }
      }
    }
  }
}`;

/** The hub as `start` runs it, in either layout. */
interface RunningHub {
  gateway: { url: string; webAppUrl?: string; pid: number };
  subgraphs: RunningSubgraph[];
  /** Resolves with how the gateway's process exited if it exits on its own (never in one process). */
  gatewayLost: Promise<string>;
  close(): Promise<void>;
}

/** START_LAYOUT=split (default): the gateway in a child process; single: everything in this one (docs/operations.md). */
async function startHub(env: Env, log: (line: string) => void, logger: Logger): Promise<RunningHub> {
  if (readStartLayout(env) === 'split') return startSplitStack({ env, log, logger });
  // Loaded only here: the split layout's parent never loads the gateway.
  const { startStack } = require('../startStack') as typeof import('../startStack');
  const stack = await startStack({ env, log, logger });
  return { ...stack, gateway: { url: stack.gateway.url, webAppUrl: stack.gateway.webAppUrl, pid: process.pid }, gatewayLost: new Promise(() => {}) };
}

export async function start(): Promise<number> {
  const startedAt = Date.now();
  let logger: Logger;
  try {
    logger = createLogger({ service: 'cswb', ...readLogConfig(process.env, process.stdout.isTTY === true) });
  } catch (error) {
    process.stderr.write(`cswb start: ${(error as Error).message}\n`);
    return 1;
  }
  const log = (line: string) => logger.info(line);
  let stack: RunningHub;
  try {
    stack = await startHub(process.env, log, logger);
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`cswb start: ${error.message}\n`);
    else if (error instanceof GatewayNotStarted) {
      if (!error.reported) logger.error(`cswb start: ${error.message}`);
    } else logStartFailure(logger, error);
    return 1;
  }
  for (const subgraph of stack.subgraphs) logger.info({ subgraph: subgraph.name, url: subgraph.url }, `Subgraph ${subgraph.name}: ${subgraph.url}`);
  logger.info({ url: stack.gateway.url }, `cswb-hub gateway ready on ${stack.gateway.url} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const processes = { gatewayPid: stack.gateway.pid, subgraphsPid: process.pid };
  logger.info(
    processes,
    stack.gateway.pid === process.pid
      ? `Gateway and subgraphs in process ${process.pid} (START_LAYOUT=single)`
      : `Gateway in process ${stack.gateway.pid}, subgraphs in process ${process.pid}`,
  );
  const readiness = stack.gateway.url.replace(/\/graphql$/, '/readiness');
  logger.info({ url: readiness }, `Readiness: ${readiness}`);
  if (stack.gateway.webAppUrl) {
    logger.info({ url: stack.gateway.webAppUrl }, `Planner's web app: ${stack.gateway.webAppUrl} (sign in with a development role, or browse as the public)`);
  } else {
    log('The web app is not served (WEB_APP=off, or not built: npm run build)');
  }
  log(`Try it:\n  curl -s ${stack.gateway.url} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'`);
  log('Press Ctrl-C to stop everything (PostgreSQL included).');
  const code = await new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (code: number) => {
      stack.close().then(
        () => resolve(code),
        (error) => {
          logger.error({ error: describeError(error) }, 'error while stopping');
          resolve(code);
        },
      );
    };
    const onSignal = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping gateway, subgraphs and PostgreSQL…`);
      stop(0);
    };
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    // No half-running hub: without its gateway, the subgraphs and PostgreSQL stop too.
    void stack.gatewayLost.then((how) => {
      if (stopping) return;
      stopping = true;
      logger.error(processes, `cswb start: the gateway process ${stack.gateway.pid} exited (${how}); stopping subgraphs and PostgreSQL`);
      stop(1);
    });
  });
  log('Stopped.');
  return code;
}
