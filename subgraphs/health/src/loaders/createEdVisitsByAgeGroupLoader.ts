import { addKeySums, keySumOf, keySumSql } from '@cswb/subgraph-kit/privacy';
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
  /** The key sum of the counted cells holding any of these visits (docs/privacy.md). */
  keySum: number;
}

interface AgeGroupRow {
  area_id: string;
  age_group: HealthAgeGroup;
  visits: string | number;
  key_sum: string;
}

// A month counts when any of its days is in the range: the table holds whole months only.
const SQL = `
  SELECT area_id, age_group, sum(visits) AS visits, ${keySumSql('record_key', 'visits > 0')}::text AS key_sum
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
          const count: ExactAgeGroupCount = { ageGroup, visits: 0, keySum: 0 };
          for (const id of area.neighbourhoodIds) {
            const row = byNeighbourhood.get(id)?.get(ageGroup);
            if (!row) continue;
            count.visits += Number(row.visits);
            count.keySum = addKeySums(count.keySum, keySumOf(row.key_sum));
          }
          return count;
        }),
      );
    },
    { cacheKeyFn: (area) => area.areaId },
  );
}
