import { bulkInsert } from '@cswb/subgraph-kit/db';
import { SeedOptions, SeedReport } from '@cswb/subgraph-kit/server';
import { allAreas } from '@cswb/subgraph-kit/synthetic';
import type { DataSource } from 'typeorm';
import { syntheticBoundaries } from '../boundaries/syntheticBoundaries';
import { writeBoundaries } from '../store/boundaryStore';
import { writePlanRecords } from '../store/writePlanRecords';
import { generatePlans } from './generatePlans';

export async function isSeeded(db: DataSource): Promise<boolean> {
  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM area');
  return count > 0;
}

/**
 * Writes the synthetic municipality's areas (the hidden deprivation score stays out), their
 * boundaries and its seeded CSWB plans, in one transaction.
 */
export async function seed(db: DataSource, options: SeedOptions): Promise<SeedReport> {
  const areas = allAreas(options.city);
  const boundaries = syntheticBoundaries(options.city);
  let planRows: Record<string, number> = {};
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
    await writeBoundaries(manager, boundaries);
    planRows = await writePlanRecords(manager, generatePlans(options.city));
  });
  options.progress?.(`planning: ${areas.length} areas, ${planRows.plan} plans`);
  return { rows: { area: areas.length, area_boundary: boundaries.size, ...planRows } };
}
