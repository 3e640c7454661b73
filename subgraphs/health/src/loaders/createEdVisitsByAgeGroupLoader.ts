import type { AreaProfileSource } from '@cswb/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { HealthAgeGroup } from '../entities/HealthAgeGroup';
import type { HealthAgeGroupCount } from '../entities/HealthAgeGroupCount';
import type { HealthVisitReason } from '../entities/HealthVisitReason';

export interface EdVisitsByAgeGroupQuery {
  from: string;
  to: string;
  /** Null: every reason. */
  reason: HealthVisitReason | null;
}

interface AgeGroupRow {
  area_id: string;
  age_group: HealthAgeGroup;
  visits: string | number;
}

// A month counts when any of its days is in the range: the table holds whole months only.
const SQL = `
  SELECT area_id, age_group, sum(visits) AS visits
    FROM health_ed_visit_count
   WHERE area_id = ANY($1) AND month BETWEEN date_trunc('month', $2::date)::date AND $3::date
     AND ($4::text IS NULL OR reason = $4::text)
   GROUP BY 1, 2`;

/**
 * Per request and range: ED visits by age group for every area asked for, in one SQL
 * statement, each area being the sum over the neighbourhoods it covers.
 */
export function createEdVisitsByAgeGroupLoader(
  db: DataSource,
  query: EdVisitsByAgeGroupQuery,
): DataLoader<AreaProfileSource, HealthAgeGroupCount[], string> {
  return new DataLoader<AreaProfileSource, HealthAgeGroupCount[], string>(
    async (areas) => {
      const neighbourhoods = [...new Set(areas.flatMap((a) => a.neighbourhoodIds))];
      const rows: AgeGroupRow[] = await db.query(SQL, [neighbourhoods, query.from, query.to, query.reason]);
      const byNeighbourhood = new Map<string, Map<HealthAgeGroup, number>>();
      for (const row of rows) {
        let byAge = byNeighbourhood.get(row.area_id);
        if (!byAge) byNeighbourhood.set(row.area_id, (byAge = new Map()));
        byAge.set(row.age_group, Number(row.visits));
      }
      return areas.map((area) =>
        Object.values(HealthAgeGroup).map((ageGroup) => ({
          ageGroup,
          visits: area.neighbourhoodIds.reduce((sum, id) => sum + (byNeighbourhood.get(id)?.get(ageGroup) ?? 0), 0),
        })),
      );
    },
    { cacheKeyFn: (area) => area.areaId },
  );
}
