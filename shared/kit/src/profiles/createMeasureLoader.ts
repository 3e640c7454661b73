import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Granularity } from '../vocabulary/Granularity';
import { truncUnit } from '../vocabulary/periods';
import type { MeasureValues } from '../vocabulary/buildIndicatorSeries';
import { MeasureCoverage } from '../vocabulary/MeasureCoverage';
import { addKeySums, CELL_KEY_MODULUS, keySumOf } from '../privacy/cellKey';
import type { AreaProfileSource } from './AreaProfileSource';
import { coverageViewOf } from './measureCoverage';

export interface MeasureQuery {
  from: string;
  to: string;
  granularity: Granularity;
}

/** What an area's indicators are built from: its measure values, and the months the sector holds data of. */
export interface AreaMeasures {
  values: MeasureValues;
  coverage: MeasureCoverage;
}

/** The loader every sector has: measure values per area for one period range, from its rollup, with its coverage. */
export interface MeasureLoaders {
  measures: (query: MeasureQuery) => DataLoader<AreaProfileSource, AreaMeasures, string>;
}

/** A row of `measureSql`: a measure value of a neighbourhood (area_id set), or a source's months (area_id null). */
interface MeasureRow {
  area_id: string | null;
  period_start: string | null;
  measure: string;
  value: string | number | null;
  key_sum: string | null;
  first_month: string | null;
  last_month: string | null;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A sector's monthly rollup: a materialized view with columns
 * `area_id text, month date, measure text, value numeric, stock boolean, key_sum bigint`, one
 * row per neighbourhood, month and measure (unique index `<view>_key`); `key_sum` is the sum of
 * the record keys of the units counted (privacy/cellKey.ts). Flows (visits, occurrences) add up
 * over the months of a period; stocks (waitlist, caseload) are averaged over them: with one row
 * per month, `count(*)` is the number of months, which spares a sort. Key sums always add up.
 * The same statement returns the rows of the rollup's coverage view (`createMeasureCoverage`):
 * a handful, and no second round trip.
 */
export function measureSql(rollup: string): string {
  if (!IDENTIFIER.test(rollup)) throw new Error(`rollup "${rollup}" must be a plain lower-case SQL identifier`);
  return `
    SELECT area_id, date_trunc($4, month)::date::text AS period_start, measure,
           CASE WHEN bool_and(stock) THEN sum(value) / count(*) ELSE sum(value) END AS value,
           (sum(key_sum) % ${CELL_KEY_MODULUS})::text AS key_sum, NULL::text AS first_month, NULL::text AS last_month
      FROM ${rollup}
     WHERE area_id = ANY($1) AND month BETWEEN $2 AND $3
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT NULL, NULL, measures, NULL, NULL, first_month::text, last_month::text
      FROM ${coverageViewOf(rollup)}`;
}

/**
 * Per request and period range: the measure values of every area asked for, in one SQL
 * statement, each area being the sum over the neighbourhoods it covers (values and key sums),
 * with the sector's coverage, the same for every area.
 */
export function createMeasureLoader(db: DataSource, rollup: string, query: MeasureQuery): DataLoader<AreaProfileSource, AreaMeasures, string> {
  const sql = measureSql(rollup);
  return new DataLoader<AreaProfileSource, AreaMeasures, string>(
    async (areas) => {
      const neighbourhoods = [...new Set(areas.flatMap((a) => a.neighbourhoodIds))];
      const rows: MeasureRow[] = await db.query(sql, [neighbourhoods, query.from, query.to, truncUnit(query.granularity)]);
      const byNeighbourhood = new Map<string, MeasureRow[]>();
      const sources = [];
      for (const row of rows) {
        if (row.area_id === null) {
          sources.push({ measures: row.measure, firstMonth: row.first_month, lastMonth: row.last_month });
          continue;
        }
        const list = byNeighbourhood.get(row.area_id);
        if (list) list.push(row);
        else byNeighbourhood.set(row.area_id, [row]);
      }
      const coverage = new MeasureCoverage(sources);
      return areas.map((area) => {
        const values: MeasureValues = new Map();
        for (const id of area.neighbourhoodIds) {
          for (const row of byNeighbourhood.get(id) ?? []) {
            let byPeriod = values.get(row.measure);
            if (!byPeriod) values.set(row.measure, (byPeriod = new Map()));
            const start = row.period_start!;
            const cell = byPeriod.get(start);
            const keySum = keySumOf(row.key_sum!);
            if (cell) {
              cell.value += Number(row.value);
              cell.keySum = addKeySums(cell.keySum, keySum);
            } else {
              byPeriod.set(start, { value: Number(row.value), keySum });
            }
          }
        }
        return { values, coverage };
      });
    },
    { cacheKeyFn: (area) => area.areaId },
  );
}
