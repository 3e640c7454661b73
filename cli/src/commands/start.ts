import { ConfigError } from '@cswb/contract/config';
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
  const log = (line: string) => process.stdout.write(`${line}\n`);
  let stack;
  try {
    stack = await startStack({ env: process.env, log });
  } catch (error) {
    process.stderr.write(`cswb start: ${startFailure(error)}\n`);
    return 1;
  }
  for (const subgraph of stack.subgraphs) log(`Subgraph ${subgraph.name}: ${subgraph.url}`);
  log(`\ncswb-hub gateway ready on ${stack.gateway.url} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  log(`Readiness: ${stack.gateway.url.replace(/\/graphql$/, '/readiness')}`);
  log(
    stack.gateway.webAppUrl
      ? `\nPlanner's web app: ${stack.gateway.webAppUrl} (sign in with a development role, or browse as the public)`
      : '\nThe web app is not served (WEB_APP=off, or not built: npm run build)',
  );
  log(`\nTry it:\n  curl -s ${stack.gateway.url} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'\n`);
  log('Press Ctrl-C to stop everything (PostgreSQL included).');
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`\n${signal}: stopping gateway, subgraphs and PostgreSQL…`);
      stack.close().then(resolve, (error) => {
        process.stderr.write(`error while stopping: ${(error as Error).message}\n`);
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  log('Stopped.');
  return 0;
}

/** What to tell the user when the stack does not start: a configuration or a taken port in one line; anything else with its stack. */
function startFailure(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const { code, address, port } = (error ?? {}) as NodeJS.ErrnoException & { address?: string; port?: number };
  if (code === 'EADDRINUSE') {
    return `${address}:${port} is already in use (another hub running?); choose other ports with PORT and <SUBGRAPH>_PORT, e.g. HEALTH_PORT=0 for any free one`;
  }
  return String((error as Error)?.stack ?? error);
}
