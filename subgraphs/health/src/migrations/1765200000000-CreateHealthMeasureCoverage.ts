import { createMeasureCoverage, dropMeasureCoverage } from '@cswb/subgraph-kit/profiles';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sources of the rollup's measures. Each count table is its own source: its rows arrive from a different agency, on its own schedule. */
const SOURCES = {
  ed_visits: ['ed_visits.*'],
  hospitalizations: ['hospitalizations.*'],
  paramedic_overdose_calls: ['paramedic_overdose_calls'],
};

/**
 * The months the sector holds data of (docs/data.md, "Periods without data"): per source, the
 * first and last month of its rows in health_measure_monthly, refreshed after it by seeding
 * and imports. Outside them an indicator answers no value (NO_DATA) instead of 0.
 */
export class CreateHealthMeasureCoverage1765200000000 implements MigrationInterface {
  name = 'CreateHealthMeasureCoverage1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMeasureCoverage(queryRunner, 'health_measure_monthly', SOURCES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMeasureCoverage(queryRunner, 'health_measure_monthly');
  }
}
