import { createSyntheticCity, createTokenVerifier, prepareDatabase, readAuthConfig, readSeed, RunningSubgraph, serveSubgraph, SqlStatementCounter, SubgraphDefinition } from '@cswb/shared';
import { dropDatabase, freshDatabaseUrl } from './database';
import { TEST_JWT_SECRET } from './tokens';

export interface TestSubgraph extends RunningSubgraph {
  counter: SqlStatementCounter;
  stop(): Promise<void>;
}

/** One subgraph through its real pipeline: fresh database, migrations, `small` seed, HTTP on port 0. */
export async function startTestSubgraph(definition: SubgraphDefinition<any>): Promise<TestSubgraph> {
  const url = freshDatabaseUrl(definition.name);
  const counter = new SqlStatementCounter();
  const { db } = await prepareDatabase(definition, {
    url,
    logger: counter,
    seed: { city: createSyntheticCity('small', readSeed({})), size: 'small' },
  });
  const verifyToken = createTokenVerifier(readAuthConfig({ JWT_DEV_SECRET: TEST_JWT_SECRET }));
  const running = await serveSubgraph(definition, db, { port: 0, verifyToken });
  return {
    ...running,
    counter,
    stop: async () => {
      await running.close();
      await dropDatabase(url);
    },
  };
}
