/**
 * The gateway of `cswb start`, in a process of its own (forked by GatewayProcess), so that the
 * gateway and the subgraphs each have an event loop and a core. It reads its configuration from
 * the environment it inherits, as `startStack` does in one process, and learns the subgraphs' URLs
 * from its parent. It loads its modules as soon as it is forked, while the parent starts PostgreSQL.
 * Its log lines go to the parent's stdout. It follows its parent: it stops when told, and when the
 * IPC channel closes (the parent is gone), whatever signals reach it.
 */
import './productionDefaults';
import { readAuthConfig } from '@cswb/contract/auth';
import { ConfigError, readGatewayConfig, readLogConfig, readTrustConfig } from '@cswb/contract/config';
import { createLogger, describeError } from '@cswb/contract/logging';
import { startGateway, StartedGateway } from '@cswb/gateway';
import type { FromGatewayChild, ToGatewayChild } from './gatewayChildMessages';
import { logStartFailure } from './logStartFailure';
import { PROJECT_ROOT } from './projectRoot';
import { SUPERGRAPH_FILE } from './supergraphFile';

function send(message: FromGatewayChild): void {
  if (process.connected) process.send!(message);
}

function main(): void {
  if (!process.send) {
    process.stderr.write('cswb gateway process: started by "cswb start" only (the gateway on its own: node gateway/dist/main.js)\n');
    process.exit(2);
  }
  // Ctrl-C at a terminal reaches the whole process group: the parent stops the gateway first, then
  // the subgraphs, and tells this process when.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {});
  const logger = createLogger({ service: 'cswb', ...readLogConfig(process.env, process.stdout.isTTY === true) });
  let starting: Promise<StartedGateway | undefined> | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const gateway = await starting?.catch(() => undefined);
    await gateway?.close().catch((error) => logger.error({ error: describeError(error) }, 'error while stopping the gateway'));
    process.exit(code);
  };
  const start = async (subgraphUrls: Record<string, string>): Promise<StartedGateway | undefined> => {
    try {
      const config = readGatewayConfig(process.env, Object.keys(subgraphUrls), SUPERGRAPH_FILE);
      const gateway = await startGateway(
        { ...config, subgraphUrls: { ...subgraphUrls, ...config.subgraphUrls } },
        readAuthConfig(process.env),
        readTrustConfig(process.env, PROJECT_ROOT),
        { log: logger },
      );
      send({ type: 'ready', url: gateway.url, webAppUrl: gateway.webAppUrl });
      return gateway;
    } catch (error) {
      if (error instanceof ConfigError) process.stderr.write(`cswb start: ${error.message}\n`);
      else logStartFailure(logger, error);
      send({ type: 'failed' });
      void stop(1);
      return undefined;
    }
  };
  process.on('message', (message: ToGatewayChild) => {
    if (message.type === 'start' && !starting && !stopping) starting = start(message.subgraphUrls);
    else if (message.type === 'stop') void stop(0);
  });
  process.on('disconnect', () => void stop(0));
  // The parent may have gone while this process was still loading its modules.
  if (!process.connected) void stop(0);
}

main();
