import { createManyLoader, type LoaderRegistry } from '@cswb/subgraph-kit/loaders';
import type { MeasureQuery } from '@cswb/subgraph-kit/profiles';
import { truncUnit } from '@cswb/subgraph-kit/vocabulary';
import type { DataSource } from 'typeorm';
import { HousingShelter } from '../entities/HousingShelter';

/** Bed-nights of one shelter in one period; periods without nights have no row. */
export interface ShelterPeriodRow {
  shelter_code: string;
  period_start: string;
  occupied: number;
  available: number;
}

const OCCUPANCY_SQL = `
  SELECT shelter_code, date_trunc($4, night)::date::text AS period_start,
         sum(occupied)::int AS occupied, sum(capacity)::int AS available
    FROM housing_shelter_night
   WHERE shelter_code = ANY($1) AND night BETWEEN $2 AND $3
   GROUP BY 1, 2`;

/** Per request, kept in the request's scope; `defineSector` adds `measures`. */
export function createLoaders(db: DataSource, scope: LoaderRegistry) {
  return {
    /** Shelters per neighbourhood id: one SQL statement for every neighbourhood of every area asked for. */
    sheltersByNeighbourhood: createManyLoader<string, HousingShelter>({
      fetch: (neighbourhoodIds) =>
        db
          .getRepository(HousingShelter)
          .createQueryBuilder('s')
          .where('s.area_id = ANY(:neighbourhoodIds)', { neighbourhoodIds })
          .orderBy('s.shelter_code')
          .getMany(),
      keyOfRow: (shelter) => shelter.areaId,
    }),
    /** Bed-nights per shelter code and period for one period range: one SQL statement for all shelters. */
    shelterOccupancy: (query: MeasureQuery) =>
      scope.get('shelterOccupancy', query, () =>
        createManyLoader<string, ShelterPeriodRow>({
          fetch: (shelterCodes) => db.query(OCCUPANCY_SQL, [shelterCodes, query.from, query.to, truncUnit(query.granularity)]),
          keyOfRow: (row) => row.shelter_code,
        }),
      ),
  };
}

export type HousingLoaders = ReturnType<typeof createLoaders>;
