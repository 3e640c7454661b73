import { Granularity, LoaderRegistry, MeasureCounts, truncUnit } from '@cswb/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';

interface CountRow {
  area_id: string;
  period_start: string;
  measure: string;
  count: number;
}

export interface CountsQuery {
  from: string;
  to: string;
  granularity: Granularity;
}

/** One statement counts every police measure for every neighbourhood asked for. */
const COUNTS_SQL = `
  SELECT area_id, date_trunc($4, occurred_on)::date::text AS period_start, 'occurrences.' || category AS measure, count(*)::int AS count
    FROM police_occurrence
   WHERE area_id = ANY($1) AND occurred_on BETWEEN $2 AND $3
   GROUP BY 1, 2, 3
  UNION ALL
  SELECT area_id, date_trunc($4, received_on)::date::text, unnest(ARRAY['calls.ALL', 'calls.' || call_type] ||
         CASE WHEN mha_apprehension THEN ARRAY['calls.MHA_APPREHENSION'] ELSE ARRAY[]::text[] END), count(*)::int
    FROM police_call_for_service
   WHERE area_id = ANY($1) AND received_on BETWEEN $2 AND $3
   GROUP BY 1, 2, 3`;

function addCount(counts: MeasureCounts, measure: string, periodStart: string, value: number): void {
  let byPeriod = counts.get(measure);
  if (!byPeriod) counts.set(measure, (byPeriod = new Map()));
  byPeriod.set(periodStart, (byPeriod.get(periodStart) ?? 0) + value);
}

export function createLoaders(db: DataSource) {
  const registry = new LoaderRegistry();
  return {
    /**
     * Measure counts per area, where an area is the set of neighbourhoods it covers:
     * all areas of a request share one SQL statement per period range.
     */
    measureCounts(query: CountsQuery) {
      return registry.get('measureCounts', query, () =>
        new DataLoader<{ areaId: string; neighbourhoodIds: readonly string[] }, MeasureCounts, string>(
          async (areas) => {
            const neighbourhoods = [...new Set(areas.flatMap((a) => a.neighbourhoodIds))];
            const rows: CountRow[] = await db.query(COUNTS_SQL, [neighbourhoods, query.from, query.to, truncUnit(query.granularity)]);
            const byNeighbourhood = new Map<string, CountRow[]>();
            for (const row of rows) {
              const list = byNeighbourhood.get(row.area_id);
              if (list) list.push(row);
              else byNeighbourhood.set(row.area_id, [row]);
            }
            return areas.map((area) => {
              const counts: MeasureCounts = new Map();
              for (const id of area.neighbourhoodIds) {
                for (const row of byNeighbourhood.get(id) ?? []) addCount(counts, row.measure, row.period_start, row.count);
              }
              return counts;
            });
          },
          { cacheKeyFn: (area) => area.areaId },
        ),
      );
    },
  };
}

export type PoliceLoaders = ReturnType<typeof createLoaders>;
