import { allAreas, bulkInsert, SeedOptions, SeedReport } from '@cswb/shared';
import type { DataSource } from 'typeorm';

export async function isSeeded(db: DataSource): Promise<boolean> {
  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM area');
  return count > 0;
}

/** Writes the synthetic municipality's areas; the hidden deprivation score stays out. */
export async function seed(db: DataSource, options: SeedOptions): Promise<SeedReport> {
  const areas = allAreas(options.city);
  await db.transaction(async (manager) => {
    await bulkInsert(
      manager,
      'area',
      [
        { name: 'id', type: 'text[]', value: (a) => a.id },
        { name: 'name', type: 'text[]', value: (a) => a.name },
        { name: 'kind', type: 'text[]', value: (a) => a.kind },
        { name: 'parent_id', type: 'text[]', value: (a) => a.parentId },
        { name: 'population', type: 'int[]', value: (a) => a.population },
      ],
      areas,
    );
  });
  options.progress?.(`planning: ${areas.length} areas`);
  return { rows: { area: areas.length } };
}
