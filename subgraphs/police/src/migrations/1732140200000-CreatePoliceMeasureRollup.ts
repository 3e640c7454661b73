import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly counts per neighbourhood and measure: what every police indicator is read from. */
export class CreatePoliceMeasureRollup1732140200000 implements MigrationInterface {
  name = 'CreatePoliceMeasureRollup1732140200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW police_measure_monthly AS
      SELECT area_id, date_trunc('month', occurred_on)::date AS month, 'occurrences.' || category AS measure,
             count(*)::numeric AS value, false AS stock
        FROM police_occurrence
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT area_id, date_trunc('month', received_on)::date, m.measure, count(*)::numeric, false
        FROM police_call_for_service
       CROSS JOIN LATERAL unnest(ARRAY['calls.ALL', 'calls.' || call_type] ||
             CASE WHEN mha_apprehension THEN ARRAY['calls.MHA_APPREHENSION'] ELSE ARRAY[]::text[] END) AS m(measure)
       GROUP BY 1, 2, 3`);
    await queryRunner.query(`CREATE UNIQUE INDEX police_measure_monthly_key ON police_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW police_measure_monthly`);
  }
}
