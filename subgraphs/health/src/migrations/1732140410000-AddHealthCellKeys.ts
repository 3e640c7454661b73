import { addRecordKeys, keySumSql } from '@cswb/subgraph-kit/privacy';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateHealthMeasureRollup1732140400000 } from './1732140400000-CreateHealthMeasureRollup';

const COUNT_TABLES = ['health_ed_visit_count', 'health_hospitalization_count', 'health_paramedic_overdose_count'] as const;

/**
 * Cell keys (docs/privacy.md): the health counts arrive pre-aggregated, so each finest cell
 * (neighbourhood, month, reason, age group, sex) is a unit with a random key of its own, and the
 * rollup keeps beside each count the key sum of the cells holding any of it.
 */
export class AddHealthCellKeys1732140410000 implements MigrationInterface {
  name = 'AddHealthCellKeys1732140410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of COUNT_TABLES) await addRecordKeys(queryRunner, table);
    await queryRunner.query(`DROP MATERIALIZED VIEW health_measure_monthly`);
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW health_measure_monthly AS
      SELECT area_id, month, 'ed_visits.' || reason AS measure, sum(visits)::numeric AS value, false AS stock,
             ${keySumSql('record_key', 'visits > 0')} AS key_sum
        FROM health_ed_visit_count
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT area_id, month, 'hospitalizations.' || reason, sum(admissions)::numeric, false, ${keySumSql('record_key', 'admissions > 0')}
        FROM health_hospitalization_count
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT area_id, month, 'paramedic_overdose_calls', sum(calls)::numeric, false, ${keySumSql('record_key', 'calls > 0')}
        FROM health_paramedic_overdose_count
       GROUP BY 1, 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX health_measure_monthly_key ON health_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW health_measure_monthly`);
    for (const table of COUNT_TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN record_key`);
    await new CreateHealthMeasureRollup1732140400000().up(queryRunner);
  }
}
