import { createMeasureCoverage, dropMeasureCoverage } from '@cswb/subgraph-kit/profiles';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sources of the rollup's measures. School-year returns and EDI cycles are two tables loaded separately; both sit at June of their year in the rollup. */
const SOURCES = {
  school_years: ['enrolment', 'chronically_absent', 'suspended_students', 'expulsions', 'graduation_cohort', 'graduates_on_time'],
  edi: ['edi_assessed', 'edi_vulnerable'],
};

/**
 * The months the sector holds data of (docs/data.md, "Periods without data"): per source, the
 * first and last month of its rows in education_measure_monthly, refreshed after it by seeding
 * and imports. Outside them an indicator answers no value (NO_DATA) instead of 0.
 */
export class CreateEducationMeasureCoverage1765200000000 implements MigrationInterface {
  name = 'CreateEducationMeasureCoverage1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMeasureCoverage(queryRunner, 'education_measure_monthly', SOURCES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMeasureCoverage(queryRunner, 'education_measure_monthly');
  }
}
