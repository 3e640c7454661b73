import { envPrefix } from '@cswb/contract/config';
import { createDataSource, SqlStatementCounter } from '@cswb/subgraph-kit/db';
import type { DataSource } from 'typeorm';
import { discoverSubgraphs, RunningStack, startStack } from '@cswb/cli';
import { dropDatabase, freshDatabaseUrl } from './database';
import { TEST_JWT_SECRET } from './tokens';

export interface TestStack extends RunningStack {
  counters: Record<string, SqlStatementCounter>;
  /** Each subgraph's database URL as configured: the owner's (subgraphs serve as their application role). */
  ownerUrls: Record<string, string>;
  /** A connection to a subgraph's database as its owner (what migrations and imports use), opened once; closed by stop(). */
  ownerDb(subgraphName: string): Promise<DataSource>;
  stop(): Promise<void>;
}

/** The whole hub on port 0 over fresh databases on the test PostgreSQL (unless `extraEnv` names a `<NAME>_DATABASE_URL`), seeded `small`; no rate limit unless `extraEnv` sets one. */
export async function startTestStack(label: string, extraEnv: Record<string, string> = {}): Promise<TestStack> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    SEED_SIZE: 'small',
    JWT_DEV_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '0',
    HUB_CERTS_DIR: process.env.CSWB_TEST_CERTS_DIR,
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const urls: string[] = [];
  const ownerUrls: Record<string, string> = {};
  for (const { definition } of discoverSubgraphs()) {
    const prefix = envPrefix(definition.name);
    env[`${prefix}_PORT`] = '0';
    // A database the test brought itself (e.g. on a server it stops) is the test's to clean up.
    const own = extraEnv[`${prefix}_DATABASE_URL`];
    env[`${prefix}_DATABASE_URL`] = own ?? freshDatabaseUrl(`${label}_${definition.name}`);
    if (!own) urls.push(env[`${prefix}_DATABASE_URL`] as string);
    ownerUrls[definition.name] = env[`${prefix}_DATABASE_URL`] as string;
  }
  const owners = new Map<string, Promise<DataSource>>();
  const ownerDb = (name: string): Promise<DataSource> => {
    let owner = owners.get(name);
    if (!owner) {
      const definition = discoverSubgraphs().find((s) => s.definition.name === name)!.definition;
      const db = createDataSource(definition, { url: ownerUrls[name], poolSize: 2 });
      owner = db.initialize();
      owners.set(name, owner);
    }
    return owner;
  };
  const counters: Record<string, SqlStatementCounter> = {};
  const stack = await startStack({
    env,
    sqlLogger: (name) => (counters[name] = new SqlStatementCounter()),
    quiet: !process.env.LOG_LEVEL,
  });
  return {
    ...stack,
    counters,
    ownerUrls,
    ownerDb,
    stop: async () => {
      await Promise.all([...owners.values()].map(async (owner) => (await owner.catch(() => undefined))?.destroy()));
      await stack.close();
      await Promise.all(urls.map(dropDatabase));
    },
  };
}
