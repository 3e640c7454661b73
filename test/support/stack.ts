import { envPrefix, SqlStatementCounter } from '@cswb/shared';
import { discoverSubgraphs, RunningStack, startStack } from '@cswb/cli';
import { dropDatabase, freshDatabaseUrl } from './database';
import { TEST_JWT_SECRET } from './tokens';

export interface TestStack extends RunningStack {
  counters: Record<string, SqlStatementCounter>;
  stop(): Promise<void>;
}

/** The whole hub on port 0 over fresh databases on the test PostgreSQL, seeded `small`; no rate limit unless `extraEnv` sets one. */
export async function startTestStack(label: string, extraEnv: Record<string, string> = {}): Promise<TestStack> {
  const env: Record<string, string | undefined> = { ...process.env, PORT: '0', SEED_SIZE: 'small', JWT_DEV_SECRET: TEST_JWT_SECRET, RATE_LIMIT_PER_MINUTE: '0', ...extraEnv };
  delete env.DATABASE_URL;
  const urls: string[] = [];
  for (const { definition } of discoverSubgraphs()) {
    const prefix = envPrefix(definition.name);
    env[`${prefix}_DATABASE_URL`] = freshDatabaseUrl(`${label}_${definition.name}`);
    env[`${prefix}_PORT`] = '0';
    urls.push(env[`${prefix}_DATABASE_URL`] as string);
  }
  const counters: Record<string, SqlStatementCounter> = {};
  const stack = await startStack({
    env,
    sqlLogger: (name) => (counters[name] = new SqlStatementCounter()),
    quiet: !process.env.LOG_LEVEL,
  });
  return {
    ...stack,
    counters,
    stop: async () => {
      await stack.close();
      await Promise.all(urls.map(dropDatabase));
    },
  };
}
