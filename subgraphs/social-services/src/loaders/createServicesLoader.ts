import { createManyLoader } from '@cswb/subgraph-kit/loaders';
import { AreaProfileSource } from '@cswb/subgraph-kit/profiles';
import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import type { DataSource } from 'typeorm';
import { Program } from '../entities/Program';
import type { ProgramFilter } from './ProgramFilter';

interface ServedProgramRow {
  area_id: string;
  program_code: string;
  name: string;
  provider: string;
  framework_area: FrameworkArea;
  eligibility: string;
}

/** A program listed for an area the loader was asked about. */
export interface AreaProgram {
  areaId: string;
  program: Program;
}

const SERVED_PROGRAMS_SQL = `
  SELECT pa.area_id, p.program_code, p.name, p.provider, p.framework_area, p.eligibility
    FROM social_services_program_area pa
    JOIN social_services_program p ON p.program_code = pa.program_code
   WHERE pa.area_id = ANY($1)
     AND ($2::text IS NULL OR p.framework_area = $2)
     AND ($3::text IS NULL OR EXISTS (
           SELECT 1 FROM social_services_program_category c WHERE c.program_code = p.program_code AND c.category = $3))`;

function toProgram(row: ServedProgramRow): Program {
  return Object.assign(new Program(), {
    programCode: row.program_code,
    name: row.name,
    provider: row.provider,
    frameworkArea: row.framework_area,
    eligibility: row.eligibility,
  });
}

/**
 * Per request and filter: the programs serving any neighbourhood of each area asked for, each
 * program once per area, in program code order; one SQL statement for all areas.
 */
export function createServicesLoader(db: DataSource, filter: ProgramFilter) {
  return createManyLoader<AreaProfileSource, AreaProgram, string>({
    fetch: async (areas) => {
      const neighbourhoods = [...new Set(areas.flatMap((a) => a.neighbourhoodIds))];
      const rows: ServedProgramRow[] = await db.query(SERVED_PROGRAMS_SQL, [neighbourhoods, filter.frameworkArea, filter.category]);
      const programs = new Map<string, Program>();
      const codesByNeighbourhood = new Map<string, string[]>();
      for (const row of rows) {
        if (!programs.has(row.program_code)) programs.set(row.program_code, toProgram(row));
        const codes = codesByNeighbourhood.get(row.area_id);
        if (codes) codes.push(row.program_code);
        else codesByNeighbourhood.set(row.area_id, [row.program_code]);
      }
      return areas.flatMap((area) => {
        const codes = new Set(area.neighbourhoodIds.flatMap((id) => codesByNeighbourhood.get(id) ?? []));
        return [...codes].sort().map((code) => ({ areaId: area.areaId, program: programs.get(code) as Program }));
      });
    },
    keyOfRow: (row) => row.areaId,
    cacheKey: (area) => area.areaId,
  });
}
