import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres } from '@cswb/shared';

declare global {
  // eslint-disable-next-line no-var
  var __CSWB_TEST_POSTGRES__: { server: EmbeddedPostgres; dataDir: string } | undefined;
}

/** One real PostgreSQL for the whole run; each test file makes its own databases on it. */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-test-pg-'));
  const server = new EmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: 0 });
  process.env.CSWB_TEST_POSTGRES_URL = await server.start();
  globalThis.__CSWB_TEST_POSTGRES__ = { server, dataDir };
}
