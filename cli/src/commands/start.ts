import { ConfigError, readLogConfig } from '@cswb/contract/config';
import { createLogger, describeError, type Logger } from '@cswb/contract/logging';
import { startStack } from '../startStack';

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
  let stack;
  try {
    stack = await startStack({ env: process.env, log, logger });
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`cswb start: ${error.message}\n`);
    else logStartFailure(logger, error);
    return 1;
  }
  for (const subgraph of stack.subgraphs) logger.info({ subgraph: subgraph.name, url: subgraph.url }, `Subgraph ${subgraph.name}: ${subgraph.url}`);
  logger.info({ url: stack.gateway.url }, `cswb-hub gateway ready on ${stack.gateway.url} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const readiness = stack.gateway.url.replace(/\/graphql$/, '/readiness');
  logger.info({ url: readiness }, `Readiness: ${readiness}`);
  if (stack.gateway.webAppUrl) {
    logger.info({ url: stack.gateway.webAppUrl }, `Planner's web app: ${stack.gateway.webAppUrl} (sign in with a development role, or browse as the public)`);
  } else {
    log('The web app is not served (WEB_APP=off, or not built: npm run build)');
  }
  log(`Try it:\n  curl -s ${stack.gateway.url} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'`);
  log('Press Ctrl-C to stop everything (PostgreSQL included).');
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping gateway, subgraphs and PostgreSQL…`);
      stack.close().then(resolve, (error) => {
        logger.error({ error: describeError(error) }, 'error while stopping');
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  log('Stopped.');
  return 0;
}

/** A taken port in one line naming it; anything else with its class, code and stack frames. */
function logStartFailure(logger: Logger, error: unknown): void {
  const { code, address, port } = (error ?? {}) as NodeJS.ErrnoException & { address?: string; port?: number };
  if (code === 'EADDRINUSE') {
    logger.error(
      { address, port },
      `cswb start: ${address}:${port} is already in use (another hub running?); choose other ports with PORT and <SUBGRAPH>_PORT, e.g. HEALTH_PORT=0 for any free one`,
    );
  } else {
    logger.error({ error: { ...describeError(error), message: (error as Error)?.message } }, 'cswb start: the hub could not start');
  }
}
