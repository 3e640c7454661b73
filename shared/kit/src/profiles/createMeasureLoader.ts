import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Granularity } from '../vocabulary/Granularity';
import { truncUnit } from '../vocabulary/periods';
import type { MeasureValues } from '../vocabulary/buildIndicatorSeries';
import { addKeySums, CELL_KEY_MODULUS, keySumOf } from '../privacy/cellKey';
import type { AreaProfileSource } from './AreaProfileSource';

export interface MeasureQuery {
  from: string;
  to: string;
  granularity: Granularity;
}

interface MeasureRow {
  area_id: string;
  period_start: string;
  measure: string;
  value: string | number;
  key_sum: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A sector's monthly rollup: a materialized view with columns
 * `area_id text, month date, measure text, value numeric, stock boolean, key_sum bigint`, one
 * row per neighbourhood, month and measure (unique index `<view>_key`); `key_sum` is the sum of
 * the record keys of the units counted (privacy/cellKey.ts). Flows (visits, occurrences) add up
 * over the months of a period; stocks (waitlist, caseload) are averaged over them: with one row
 * per month, `count(*)` is the number of months, which spares a sort. Key sums always add up.
 */
export function measureSql(rollup: string): string {
  if (!IDENTIFIER.test(rollup)) throw new Error(`rollup "${rollup}" must be a plain lower-case SQL identifier`);
  return `
    SELECT area_id, date_trunc($4, month)::date::text AS period_start, measure,
           CASE WHEN bool_and(stock) THEN sum(value) / count(*) ELSE sum(value) END AS value,
           (sum(key_sum) % ${CELL_KEY_MODULUS})::text AS key_sum
      FROM ${rollup}
     WHERE area_id = ANY($1) AND month BETWEEN $2 AND $3
     GROUP BY 1, 2, 3`;
}

/**
 * Per request and period range: the measure values of every area asked for, in one SQL
 * statement, each area being the sum over the neighbourhoods it covers (values and key sums).
 */
export function createMeasureLoader(db: DataSource, rollup: string, query: MeasureQuery): DataLoader<AreaProfileSource, MeasureValues, string> {
  const sql = measureSql(rollup);
  return new DataLoader<AreaProfileSource, MeasureValues, string>(
    async (areas) => {
      const neighbourhoods = [...new Set(areas.flatMap((a) => a.neighbourhoodIds))];
      const rows: MeasureRow[] = await db.query(sql, [neighbourhoods, query.from, query.to, truncUnit(query.granularity)]);
      const byNeighbourhood = new Map<string, MeasureRow[]>();
      for (const row of rows) {
        const list = byNeighbourhood.get(row.area_id);
        if (list) list.push(row);
        else byNeighbourhood.set(row.area_id, [row]);
      }
      return areas.map((area) => {
        const values: MeasureValues = new Map();
        for (const id of area.neighbourhoodIds) {
          for (const row of byNeighbourhood.get(id) ?? []) {
            let byPeriod = values.get(row.measure);
            if (!byPeriod) values.set(row.measure, (byPeriod = new Map()));
            const cell = byPeriod.get(row.period_start);
            const keySum = keySumOf(row.key_sum);
            if (cell) {
              cell.value += Number(row.value);
              cell.keySum = addKeySums(cell.keySum, keySum);
            } else {
              byPeriod.set(row.period_start, { value: Number(row.value), keySum });
            }
          }
        }
        return values;
      });
    },
    { cacheKeyFn: (area) => area.areaId },
  );
}
