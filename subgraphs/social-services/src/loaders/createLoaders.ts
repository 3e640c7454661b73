import { createManyLoader, type LoaderRegistry } from '@cswb/subgraph-kit/loaders';
import type { DataSource } from 'typeorm';
import type { ServiceCategory } from '../entities/ServiceCategory';
import { createCoverageLoader } from './createCoverageLoader';
import { createServicesLoader } from './createServicesLoader';
import type { ProgramFilter } from './ProgramFilter';

export interface ProgramCategoryRow {
  program_code: string;
  category: ServiceCategory;
}

export interface ProgramAreaRow {
  program_code: string;
  area_id: string;
}

/** Per request, kept in the request's scope; `defineSector` adds `measures`. */
export function createLoaders(db: DataSource, scope: LoaderRegistry) {
  return {
    /** Service coverage of each priority risk: one SQL statement for all risks. */
    coverage: createCoverageLoader(db),
    /** Programs serving each area, for one filter: one SQL statement for all areas. */
    servicesForArea: (filter: ProgramFilter) => scope.get('servicesForArea', filter, () => createServicesLoader(db, filter)),
    /** Categories of each program, in alphabetical order: one SQL statement for all programs. */
    categoriesOfProgram: createManyLoader<string, ProgramCategoryRow>({
      fetch: (codes) =>
        db.query(
          `SELECT program_code, category FROM social_services_program_category WHERE program_code = ANY($1) ORDER BY program_code, category`,
          [codes],
        ),
      keyOfRow: (row) => row.program_code,
    }),
    /** Neighbourhoods each program serves, in id order: one SQL statement for all programs. */
    areasOfProgram: createManyLoader<string, ProgramAreaRow>({
      fetch: (codes) =>
        db.query(`SELECT program_code, area_id FROM social_services_program_area WHERE program_code = ANY($1) ORDER BY program_code, area_id`, [
          codes,
        ]),
      keyOfRow: (row) => row.program_code,
    }),
  };
}

export type SocialServicesLoaders = ReturnType<typeof createLoaders>;
