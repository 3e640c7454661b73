import { deriveSyntheticRecordKeys } from '@cswb/subgraph-kit/privacy';
import { bulkInsert, BulkColumn, refreshRollups } from '@cswb/subgraph-kit/db';
import { SeedOptions, SeedReport } from '@cswb/subgraph-kit/server';
import type { DataSource, EntityManager } from 'typeorm';
import { HOUSING_ROLLUPS } from '../rollups';
import { GeneratedAreaMonth, GeneratedPointInTimeCount, GeneratedShelter, GeneratedShelterNight, generateHousingRecords, HousingRecordBatch } from './generate';

export async function isSeeded(db: DataSource): Promise<boolean> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM housing_area_month) AS exists');
  return exists;
}

const FLUSH_AT = 50_000;

const SHELTER_COLUMNS: BulkColumn<GeneratedShelter>[] = [
  { name: 'shelter_code', type: 'text[]', value: (s) => s.shelterCode },
  { name: 'name', type: 'text[]', value: (s) => s.name },
  { name: 'area_id', type: 'text[]', value: (s) => s.areaId },
  { name: 'sector', type: 'text[]', value: (s) => s.sector },
  { name: 'capacity', type: 'int[]', value: (s) => s.capacity },
];

const NIGHT_COLUMNS: BulkColumn<GeneratedShelterNight>[] = [
  { name: 'shelter_code', type: 'text[]', value: (n) => n.shelterCode },
  { name: 'night', type: 'date[]', value: (n) => n.night },
  { name: 'occupied', type: 'int[]', value: (n) => n.occupied },
  { name: 'capacity', type: 'int[]', value: (n) => n.capacity },
];

const AREA_MONTH_COLUMNS: BulkColumn<GeneratedAreaMonth>[] = [
  { name: 'area_id', type: 'text[]', value: (m) => m.areaId },
  { name: 'month', type: 'date[]', value: (m) => m.month },
  { name: 'chronically_homeless', type: 'int[]', value: (m) => m.chronicallyHomeless },
  { name: 'waitlist_households', type: 'int[]', value: (m) => m.waitlistHouseholds },
  { name: 'eviction_applications', type: 'int[]', value: (m) => m.evictionApplications },
];

const POINT_IN_TIME_COLUMNS: BulkColumn<GeneratedPointInTimeCount>[] = [
  { name: 'area_id', type: 'text[]', value: (c) => c.areaId },
  { name: 'count_date', type: 'date[]', value: (c) => c.countDate },
  { name: 'people_counted', type: 'int[]', value: (c) => c.peopleCounted },
];

function emptyBatch(): HousingRecordBatch {
  return { shelters: [], nights: [], areaMonths: [], pointInTimeCounts: [] };
}

const TABLES = ['housing_shelter', 'housing_shelter_night', 'housing_area_month', 'housing_point_in_time_count'] as const;

/** Writes the synthetic housing records in one transaction, in chunks of bulk inserts. */
export async function seed(db: DataSource, options: SeedOptions): Promise<SeedReport> {
  const rows: Record<(typeof TABLES)[number], number> = {
    housing_shelter: 0,
    housing_shelter_night: 0,
    housing_area_month: 0,
    housing_point_in_time_count: 0,
  };
  await db.transaction(async (manager: EntityManager) => {
    let pending = emptyBatch();
    const size = () => pending.shelters.length + pending.nights.length + pending.areaMonths.length + pending.pointInTimeCounts.length;
    const flush = async () => {
      // Shelters before their nights: the nights reference them.
      rows.housing_shelter += await bulkInsert(manager, 'housing_shelter', SHELTER_COLUMNS, pending.shelters);
      rows.housing_shelter_night += await bulkInsert(manager, 'housing_shelter_night', NIGHT_COLUMNS, pending.nights);
      rows.housing_area_month += await bulkInsert(manager, 'housing_area_month', AREA_MONTH_COLUMNS, pending.areaMonths);
      rows.housing_point_in_time_count += await bulkInsert(manager, 'housing_point_in_time_count', POINT_IN_TIME_COLUMNS, pending.pointInTimeCounts);
      options.progress?.(
        `housing: ${rows.housing_shelter} shelters, ${rows.housing_shelter_night} shelter-nights, ` +
          `${rows.housing_area_month} neighbourhood-months, ${rows.housing_point_in_time_count} point-in-time counts`,
      );
      pending = emptyBatch();
    };
    for (const batch of generateHousingRecords(options.city)) {
      pending.shelters.push(...batch.shelters);
      pending.nights.push(...batch.nights);
      pending.areaMonths.push(...batch.areaMonths);
      pending.pointInTimeCounts.push(...batch.pointInTimeCounts);
      if (size() >= FLUSH_AT) await flush();
    }
    await flush();
    await manager.query(TABLES.map((table) => `ANALYZE ${table}`).join('; '));
    await deriveSyntheticRecordKeys(manager, 'housing_shelter_night', ['shelter_code', 'night']);
    await deriveSyntheticRecordKeys(manager, 'housing_area_month', ['area_id', 'month']);
    await deriveSyntheticRecordKeys(manager, 'housing_point_in_time_count', ['area_id', 'count_date']);
    await refreshRollups(manager, HOUSING_ROLLUPS);
  });
  return { rows };
}
