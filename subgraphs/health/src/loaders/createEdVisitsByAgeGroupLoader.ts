import type { AreaProfileSource } from '@cswb/subgraph-kit/profiles';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { HealthAgeGroup } from '../entities/HealthAgeGroup';
import type { HealthVisitReason } from '../entities/HealthVisitReason';

export interface EdVisitsByAgeGroupQuery {
  from: string;
  to: string;
  /** Null: every reason. */
  reason: HealthVisitReason | null;
}

/** The exact total of one age group; the resolver applies disclosure control. */
export interface ExactAgeGroupCount {
  ageGroup: HealthAgeGroup;
  visits: number;
  /**
   * First and last month (YYYY-MM-DD) holding any of these visits, null when there are none.
   * They name what the cell counts whatever range was asked: two ranges that differ only by
   * months without visits count the same rows and get the same random rounding.
   */
  firstMonth: string | null;
  lastMonth: string | null;
}

interface AgeGroupRow {
  area_id: string;
  age_group: HealthAgeGroup;
  visits: string | number;
  first_month: string;
  last_month: string;
}

// A month counts when any of its days is in the range: the table holds whole months only.
const SQL = `
  SELECT area_id, age_group, sum(visits) AS visits, min(month)::text AS first_month, max(month)::text AS last_month
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
): DataLoader<AreaProfileSource, ExactAgeGroupCount[], string> {
  return new DataLoader<AreaProfileSource, ExactAgeGroupCount[], string>(
    async (areas) => {
      const neighbourhoods = [...new Set(areas.flatMap((a) => a.neighbourhoodIds))];
      const rows: AgeGroupRow[] = await db.query(SQL, [neighbourhoods, query.from, query.to, query.reason]);
      const byNeighbourhood = new Map<string, Map<HealthAgeGroup, AgeGroupRow>>();
      for (const row of rows) {
        let byAge = byNeighbourhood.get(row.area_id);
        if (!byAge) byNeighbourhood.set(row.area_id, (byAge = new Map()));
        byAge.set(row.age_group, row);
      }
      return areas.map((area) =>
        Object.values(HealthAgeGroup).map((ageGroup) => {
          const count: ExactAgeGroupCount = { ageGroup, visits: 0, firstMonth: null, lastMonth: null };
          for (const id of area.neighbourhoodIds) {
            const row = byNeighbourhood.get(id)?.get(ageGroup);
            if (!row) continue;
            count.visits += Number(row.visits);
            if (!count.firstMonth || row.first_month < count.firstMonth) count.firstMonth = row.first_month;
            if (!count.lastMonth || row.last_month > count.lastMonth) count.lastMonth = row.last_month;
          }
          return count;
        }),
      );
    },
    { cacheKeyFn: (area) => area.areaId },
  );
}
