import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureDeploymentCertificates } from '@cswb/contract/trust';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { discoverSubgraphs } from '@cswb/cli';

declare global {
  // eslint-disable-next-line no-var
  var __CSWB_TEST_POSTGRES__: { server: EmbeddedPostgres; dataDir: string } | undefined;
}

/** One real PostgreSQL for the whole run; each test file makes its own databases on it. */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-test-pg-'));
  // Nothing outlives the run: its commits need not wait for the disk.
  const server = new EmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: 0, durableCommits: false });
  process.env.CSWB_TEST_POSTGRES_URL = await server.start();
  // One deployment CA and member certificates for the run: every test stack and subgraph trusts it.
  const certsDir = path.join(dataDir, 'certs');
  await ensureDeploymentCertificates(certsDir, discoverSubgraphs().map((s) => s.definition.name));
  process.env.CSWB_TEST_CERTS_DIR = certsDir;
  globalThis.__CSWB_TEST_POSTGRES__ = { server, dataDir };
}
