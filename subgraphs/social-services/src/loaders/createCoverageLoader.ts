import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { PriorityRisk } from '../entities/PriorityRisk';
import type { ServiceCoverage } from '../entities/ServiceCoverage';
import { SERVICE_GAP_THRESHOLD, SERVICES_FOR_RISK } from '../riskServiceCategories';

interface ProgramRow {
  area_id: string;
  framework_area: FrameworkArea;
  category: string;
  program_code: string;
}

/**
 * Per request: for each priority risk, the programs serving each of its neighbourhoods in a
 * category that answers the risk, counted per framework area. All risks share one statement.
 */
export function createCoverageLoader(db: DataSource) {
  return new DataLoader<PriorityRisk, ServiceCoverage[], string>(
    async (risks) => {
      const areas = [...new Set(risks.flatMap((r) => r.neighbourhoodIds))];
      const categories = [...new Set(risks.flatMap((r) => SERVICES_FOR_RISK[r.category] ?? []))];
      const rows: ProgramRow[] = await db.query(
        `SELECT pa.area_id, p.framework_area, pc.category, p.program_code
           FROM social_services_program p
           JOIN social_services_program_area pa ON pa.program_code = p.program_code
           JOIN social_services_program_category pc ON pc.program_code = p.program_code
          WHERE pa.area_id = ANY($1) AND pc.category = ANY($2)`,
        [areas, categories],
      );
      return risks.map((risk) => {
        const answers = new Set<string>(SERVICES_FOR_RISK[risk.category] ?? []);
        return risk.neighbourhoodIds.flatMap((areaId) =>
          Object.values(FrameworkArea).map((frameworkArea) => {
            const programs = new Set(
              rows.filter((r) => r.area_id === areaId && r.framework_area === frameworkArea && answers.has(r.category)).map((r) => r.program_code),
            );
            return { areaId, frameworkArea, services: programs.size, gap: programs.size < SERVICE_GAP_THRESHOLD };
          }),
        );
      });
    },
    // What the coverage depends on: one computation per question, whatever id a representation claims.
    { cacheKeyFn: (risk) => JSON.stringify([risk.category, risk.neighbourhoodIds]) },
  );
}
