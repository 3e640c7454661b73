import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__CSWB_TEST_POSTGRES__;
  if (!started) return;
  await started.server.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
