import type { DataSource } from 'typeorm';
import { bulkInsert } from '../db/bulkInsert';
import { allAreas, SyntheticArea, SyntheticCity } from '../synthetic/syntheticCity';

/**
 * Fills the database's copy of the area registry from the synthetic city when it holds no
 * area yet, the same city the planning subgraph seeds (its hidden deprivation score stays out).
 * A registry that already holds areas (planning's own, one imported with `cswb import <subgraph>
 * areas`, an earlier seed) is left as it is. Returns the rows written.
 */
export async function seedAreaRegistry(db: DataSource, city: SyntheticCity): Promise<number> {
  return db.transaction(async (manager) => {
    await manager.query('LOCK TABLE area IN SHARE ROW EXCLUSIVE MODE');
    const [{ held }] = await manager.query('SELECT EXISTS (SELECT 1 FROM area) AS held');
    if (held) return 0;
    return bulkInsert(
      manager,
      'area',
      [
        { name: 'id', type: 'text[]', value: (a: SyntheticArea) => a.id },
        { name: 'name', type: 'text[]', value: (a) => a.name },
        { name: 'kind', type: 'text[]', value: (a) => a.kind },
        { name: 'parent_id', type: 'text[]', value: (a) => a.parentId },
        { name: 'population', type: 'int[]', value: (a) => a.population },
      ],
      allAreas(city),
    );
  });
}
