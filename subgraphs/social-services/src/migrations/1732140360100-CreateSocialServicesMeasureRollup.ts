import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly values per neighbourhood and measure: what every social services indicator is read
 * from. Caseloads are month-end stocks (averaged over a period); the other counts are flows.
 */
export class CreateSocialServicesMeasureRollup1732140360100 implements MigrationInterface {
  name = 'CreateSocialServicesMeasureRollup1732140360100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW social_services_measure_monthly AS
      SELECT c.area_id, c.month, m.measure, m.value::numeric AS value, true AS stock
        FROM social_services_caseload_month c
       CROSS JOIN LATERAL (VALUES
             (CASE c.program WHEN 'ONTARIO_WORKS' THEN 'ow_cases' ELSE 'odsp_cases' END, c.cases),
             (CASE c.program WHEN 'ONTARIO_WORKS' THEN 'ow_beneficiaries' ELSE 'odsp_beneficiaries' END, c.beneficiaries)
           ) AS m(measure, value)
      UNION ALL
      SELECT w.area_id, w.month, m.measure, m.value::numeric, false
        FROM social_services_child_welfare_month w
       CROSS JOIN LATERAL (VALUES
             ('child_welfare_investigations', w.investigations),
             ('child_welfare_substantiated', w.substantiated)
           ) AS m(measure, value)
      UNION ALL
      SELECT f.area_id, f.month, 'food_bank_visits', f.visits::numeric, false
        FROM social_services_food_bank_month f`);
    await queryRunner.query(`CREATE UNIQUE INDEX social_services_measure_monthly_key ON social_services_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW social_services_measure_monthly`);
  }
}
