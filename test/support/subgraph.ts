import { createSyntheticCity, prepareDatabase, readSeed, RunningSubgraph, serveSubgraph, SqlStatementCounter, SubgraphDefinition } from '@cswb/shared';
import { dropDatabase, freshDatabaseUrl } from './database';

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
  const running = await serveSubgraph(definition, db, { port: 0 });
  return {
    ...running,
    counter,
    stop: async () => {
      await running.close();
      await dropDatabase(url);
    },
  };
}
