import { createManyLoader, type LoaderRegistry } from '@cswb/subgraph-kit/loaders';
import type { DataSource } from 'typeorm';
import { School } from '../entities/School';
import { SchoolYearStat } from '../entities/SchoolYearStat';

export interface SchoolYearRange {
  from: number;
  to: number;
}

/** Per request, kept in the request's scope; `defineSector` adds `measures`. */
export function createLoaders(db: DataSource, scope: LoaderRegistry) {
  return {
    /** Schools located in each neighbourhood, by school number: one SQL statement for all neighbourhoods. */
    schoolsInNeighbourhood: createManyLoader<string, School>({
      fetch: (areaIds) =>
        db
          .getRepository(School)
          .createQueryBuilder('s')
          .where('s.area_id = ANY(:areaIds)', { areaIds })
          .orderBy('s.school_number')
          .getMany(),
      keyOfRow: (school) => school.areaId,
    }),
    /** Each school's statistics over one school-year range, oldest first: one SQL statement for all schools. */
    yearStats: (range: SchoolYearRange) =>
      scope.get('yearStats', range, () =>
        createManyLoader<string, SchoolYearStat>({
          fetch: (schoolNumbers) =>
            db
              .getRepository(SchoolYearStat)
              .createQueryBuilder('y')
              .where('y.school_number = ANY(:schoolNumbers) AND y.school_year BETWEEN :from AND :to', { schoolNumbers, ...range })
              .orderBy('y.school_number')
              .addOrderBy('y.school_year')
              .getMany(),
          keyOfRow: (stat) => stat.schoolNumber,
        }),
      ),
  };
}

export type EducationLoaders = ReturnType<typeof createLoaders>;
