#!/usr/bin/env node
/** The gateway on its own, as a container runs it: `node gateway/dist/main.js`. */
import './productionDefaults';
import { readAuthConfig } from '@cswb/contract/auth';
import { ConfigError, readGatewayConfig, readTrustConfig } from '@cswb/contract/config';
import { DEFAULT_SUPERGRAPH_PATH, startGateway } from './startGateway';
import { subgraphEndpoints } from './subgraphEndpoints';
import * as fs from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const supergraphPath = process.env.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH;
  const names = fs.existsSync(supergraphPath) ? subgraphEndpoints(fs.readFileSync(supergraphPath, 'utf8')).map((s) => s.name) : [];
  const config = readGatewayConfig(process.env, names, DEFAULT_SUPERGRAPH_PATH);
  const gateway = await startGateway(config, readAuthConfig(process.env), readTrustConfig(process.env, path.resolve(__dirname, '..', '..')));
  process.stdout.write(`cswb gateway listening on ${gateway.url}\n`);
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
