#!/usr/bin/env node
/** The gateway on its own, as a container runs it: `node gateway/dist/main.js`. */
import './productionDefaults';
import { readAuthConfig } from '@cswb/contract/auth';
import { ConfigError, GATEWAY_SERVICE_NAME, readGatewayConfig, readLogConfig, readTrustConfig } from '@cswb/contract/config';
import { createLogger, describeError } from '@cswb/contract/logging';
import { DEFAULT_SUPERGRAPH_PATH, startGateway } from './startGateway';
import { subgraphEndpoints } from './subgraphEndpoints';
import * as fs from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const supergraphPath = process.env.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH;
  const names = fs.existsSync(supergraphPath) ? subgraphEndpoints(fs.readFileSync(supergraphPath, 'utf8')).map((s) => s.name) : [];
  const logConfig = readLogConfig(process.env, process.stdout.isTTY === true);
  const config = readGatewayConfig(process.env, names, DEFAULT_SUPERGRAPH_PATH);
  const log = createLogger({ service: config.tracing?.serviceName ?? GATEWAY_SERVICE_NAME, ...logConfig });
  const gateway = await startGateway(config, readAuthConfig(process.env), readTrustConfig(process.env, path.resolve(__dirname, '..', '..')), { log });
  log.info({ url: gateway.url }, `cswb gateway listening on ${gateway.url}`);
  const stop = async (signal: string) => {
    log.info(`${signal}: stopping the gateway`);
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    // The configuration (the log settings among it) is not usable: one plain line.
    process.stderr.write(`${error.message}\n`);
  } else {
    const log = createLogger({ service: GATEWAY_SERVICE_NAME, ...readLogConfig(process.env, process.stdout.isTTY === true) });
    log.error({ error: { ...describeError(error), message: (error as Error)?.message } }, 'the gateway could not start');
  }
  process.exit(1);
});
