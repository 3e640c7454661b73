import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly counts per neighbourhood and measure: what every health indicator is read from. */
export class CreateHealthMeasureRollup1732140400000 implements MigrationInterface {
  name = 'CreateHealthMeasureRollup1732140400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW health_measure_monthly AS
      SELECT area_id, month, 'ed_visits.' || reason AS measure, sum(visits)::numeric AS value, false AS stock
        FROM health_ed_visit_count
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT area_id, month, 'hospitalizations.' || reason, sum(admissions)::numeric, false
        FROM health_hospitalization_count
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT area_id, month, 'paramedic_overdose_calls', sum(calls)::numeric, false
        FROM health_paramedic_overdose_count
       GROUP BY 1, 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX health_measure_monthly_key ON health_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW health_measure_monthly`);
  }
}
