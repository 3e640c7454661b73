import { createMeasureCoverage, dropMeasureCoverage } from '@cswb/subgraph-kit/profiles';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sources of the rollup's measures. Occurrences and calls for service are loaded separately (two import datasets), so each has months of its own. */
const SOURCES = {
  occurrences: ['occurrences.*'],
  calls: ['calls.*'],
};

/**
 * The months the sector holds data of (docs/data.md, "Periods without data"): per source, the
 * first and last month of its rows in police_measure_monthly, refreshed after it by seeding
 * and imports. Outside them an indicator answers no value (NO_DATA) instead of 0.
 */
export class CreatePoliceMeasureCoverage1765200000000 implements MigrationInterface {
  name = 'CreatePoliceMeasureCoverage1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMeasureCoverage(queryRunner, 'police_measure_monthly', SOURCES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMeasureCoverage(queryRunner, 'police_measure_monthly');
  }
}
