import { createMeasureCoverage, dropMeasureCoverage } from '@cswb/subgraph-kit/profiles';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sources of the rollup's measures. Caseloads, child welfare and food bank months are three tables loaded separately. */
const SOURCES = {
  caseloads: ['ow_cases', 'odsp_cases', 'ow_beneficiaries', 'odsp_beneficiaries'],
  child_welfare: ['child_welfare_investigations', 'child_welfare_substantiated'],
  food_banks: ['food_bank_visits'],
};

/**
 * The months the sector holds data of (docs/data.md, "Periods without data"): per source, the
 * first and last month of its rows in social_services_measure_monthly, refreshed after it by seeding
 * and imports. Outside them an indicator answers no value (NO_DATA) instead of 0.
 */
export class CreateSocialServicesMeasureCoverage1765200000000 implements MigrationInterface {
  name = 'CreateSocialServicesMeasureCoverage1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMeasureCoverage(queryRunner, 'social_services_measure_monthly', SOURCES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMeasureCoverage(queryRunner, 'social_services_measure_monthly');
  }
}
