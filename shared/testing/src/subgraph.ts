import { readSeed, SubgraphTlsMode } from '@cswb/contract/config';
import { createDataSource, SqlStatementCounter } from '@cswb/subgraph-kit/db';
import { prepareDatabase, RunningSubgraph, serveSubgraph, SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { testTrust } from './trust';
import { dropDatabase, freshDatabaseUrl } from './database';
import type { DataSource } from 'typeorm';

export interface TestSubgraph extends RunningSubgraph {
  counter: SqlStatementCounter;
  /** The database URL as configured: the owner's (the subgraph serves as its application role). */
  ownerUrl: string;
  /** A connection as the database's owner, opened once; closed by stop(). */
  ownerDb(): Promise<DataSource>;
  stop(): Promise<void>;
}

/** One subgraph through its real pipeline: fresh database, migrations, `small` seed, HTTP on port 0. */
export async function startTestSubgraph(definition: SubgraphDefinition<any>, options: { tls?: SubgraphTlsMode } = {}): Promise<TestSubgraph> {
  const url = freshDatabaseUrl(definition.name);
  const counter = new SqlStatementCounter();
  const { db } = await prepareDatabase(definition, {
    url,
    logger: counter,
    seed: { city: createSyntheticCity('small', readSeed({})), size: 'small' },
  });
  const running = await serveSubgraph(definition, db, { port: 0, trust: testTrust(options.tls) });
  let owner: Promise<DataSource> | undefined;
  const ownerDb = () => (owner ??= createDataSource(definition, { url, poolSize: 2 }).initialize());
  return {
    ...running,
    counter,
    ownerUrl: url,
    ownerDb,
    stop: async () => {
      if (owner) await (await owner.catch(() => undefined))?.destroy();
      await running.close();
      await dropDatabase(url);
    },
  };
}
