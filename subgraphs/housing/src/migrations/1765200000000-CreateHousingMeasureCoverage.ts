import { createMeasureCoverage, dropMeasureCoverage } from '@cswb/subgraph-kit/profiles';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sources of the rollup's measures. Shelter nights, area-months and point-in-time counts are three tables loaded separately. */
const SOURCES = {
  shelter_nights: ['shelter_bed_nights_occupied', 'shelter_bed_nights_available'],
  area_months: ['chronically_homeless', 'waitlist_households', 'eviction_applications'],
  point_in_time_counts: ['pit_people_counted'],
};

/**
 * The months the sector holds data of (docs/data.md, "Periods without data"): per source, the
 * first and last month of its rows in housing_measure_monthly, refreshed after it by seeding
 * and imports. Outside them an indicator answers no value (NO_DATA) instead of 0.
 */
export class CreateHousingMeasureCoverage1765200000000 implements MigrationInterface {
  name = 'CreateHousingMeasureCoverage1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMeasureCoverage(queryRunner, 'housing_measure_monthly', SOURCES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMeasureCoverage(queryRunner, 'housing_measure_monthly');
  }
}
