import { ConfigError, databaseUrlFor, readEmbeddedPostgresConfig, readSeed, readSeedSize, usesEmbeddedPostgres } from '@cswb/contract/config';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { prepareDatabase } from '@cswb/subgraph-kit/server';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';

/** `cswb migrate [--seed]`: bring every subgraph's database to the latest migration. */
export async function migrate(args: { seed: boolean }): Promise<number> {
  const env = process.env;
  const discovered = discoverSubgraphs();
  let postgres: EmbeddedPostgres | undefined;
  try {
    let embeddedUrl: string | undefined;
    if (usesEmbeddedPostgres(env, discovered.map((s) => s.definition.name))) {
      postgres = new EmbeddedPostgres(readEmbeddedPostgresConfig(env, PROJECT_ROOT));
      embeddedUrl = await postgres.start();
    }
    const size = readSeedSize(env);
    const city = args.seed && size !== 'none' ? createSyntheticCity(size, readSeed(env)) : undefined;
    for (const { definition } of discovered) {
      const { db, seeded } = await prepareDatabase(definition, {
        url: databaseUrlFor(definition.name, env, embeddedUrl),
        connectAs: 'owner',
        seed: city && size !== 'none' ? { city, size, progress: (line) => process.stdout.write(`${line}\n`) } : undefined,
      });
      await db.destroy();
      process.stdout.write(`${definition.name}: migrated${seeded ? ', seeded' : ''}\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`cswb migrate: ${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
    return 1;
  } finally {
    await postgres?.stop();
  }
}
