import { createMeasureCoverage, dropMeasureCoverage } from '@cswb/subgraph-kit/profiles';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sources of the rollup's measures. Every measure counts discussions: one source, so a month without a rejected discussion (or a risk lowered) still counts 0. */
const SOURCES = {
  discussions: ['discussions', 'aer_met', 'rejected', 'risk_lowered', 'category.*', 'age.*', 'agency.*'],
};

/**
 * The months the sector holds data of (docs/data.md, "Periods without data"): per source, the
 * first and last month of its rows in situation_table_measure_monthly, refreshed after it by seeding
 * and imports. Outside them an indicator answers no value (NO_DATA) instead of 0.
 */
export class CreateSituationTableMeasureCoverage1765200000000 implements MigrationInterface {
  name = 'CreateSituationTableMeasureCoverage1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMeasureCoverage(queryRunner, 'situation_table_measure_monthly', SOURCES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMeasureCoverage(queryRunner, 'situation_table_measure_monthly');
  }
}
