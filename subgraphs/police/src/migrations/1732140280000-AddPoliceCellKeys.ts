import { addRecordKeys, keySumSql } from '@cswb/subgraph-kit/privacy';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CreatePoliceMeasureRollup1732140200000 } from './1732140200000-CreatePoliceMeasureRollup';

/**
 * Cell keys (docs/privacy.md): a random key per occurrence and call, and the rollup rebuilt to
 * keep beside each count the key sum of the records counted. A call counts in `calls.ALL`, in
 * its type and perhaps in `calls.MHA_APPREHENSION` with the same key: the same calls give the
 * same published count whichever measure names them.
 */
export class AddPoliceCellKeys1732140280000 implements MigrationInterface {
  name = 'AddPoliceCellKeys1732140280000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addRecordKeys(queryRunner, 'police_occurrence');
    await addRecordKeys(queryRunner, 'police_call_for_service');
    await queryRunner.query(`DROP MATERIALIZED VIEW police_measure_monthly`);
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW police_measure_monthly AS
      SELECT area_id, date_trunc('month', occurred_on)::date AS month, 'occurrences.' || category AS measure,
             count(*)::numeric AS value, false AS stock, ${keySumSql('record_key')} AS key_sum
        FROM police_occurrence
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT area_id, date_trunc('month', received_on)::date, m.measure, count(*)::numeric, false, ${keySumSql('record_key')}
        FROM police_call_for_service
       CROSS JOIN LATERAL unnest(ARRAY['calls.ALL', 'calls.' || call_type] ||
             CASE WHEN mha_apprehension THEN ARRAY['calls.MHA_APPREHENSION'] ELSE ARRAY[]::text[] END) AS m(measure)
       GROUP BY 1, 2, 3`);
    await queryRunner.query(`CREATE UNIQUE INDEX police_measure_monthly_key ON police_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW police_measure_monthly`);
    await queryRunner.query(`ALTER TABLE police_occurrence DROP COLUMN record_key`);
    await queryRunner.query(`ALTER TABLE police_call_for_service DROP COLUMN record_key`);
    await new CreatePoliceMeasureRollup1732140200000().up(queryRunner);
  }
}
