import { addRecordKeys, CELL_KEY_MODULUS, keySumSql } from '@cswb/subgraph-kit/privacy';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateSituationTableMeasureRollup1732140370100 } from './1732140370100-CreateSituationTableMeasureRollup';

/**
 * Cell keys (docs/privacy.md): a random key per discussion, and the rollup rebuilt to keep beside
 * each count the key sum of the discussions counted. A rejected discussion is apportioned over its
 * table's catchment but adds its key once, to the catchment's first neighbourhood: an area made of
 * whole catchments then holds each discussion's key once, so its `discussions` are the same cell
 * (same count, same key, same published value) as `situationTableAnalytics` of its tables.
 */
export class AddSituationTableCellKeys1732140370200 implements MigrationInterface {
  name = 'AddSituationTableCellKeys1732140370200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addRecordKeys(queryRunner, 'situation_table_discussion');
    await queryRunner.query(`DROP MATERIALIZED VIEW situation_table_measure_monthly`);
    const keySum = keySumSql('record_key');
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW situation_table_measure_monthly AS
      WITH met AS (
        SELECT d.discussion_id, d.record_key, d.area_id, date_trunc('month', d.discussed_on)::date AS month, d.age_group, d.conclusion, d.assisting_agencies
          FROM situation_table_discussion d
         WHERE d.aer_met
      ),
      counts AS (
        SELECT area_id, month, 'aer_met' AS measure, count(*)::numeric AS value, ${keySum} AS key_sum FROM met GROUP BY 1, 2
        UNION ALL
        SELECT c.area_id, date_trunc('month', d.discussed_on)::date, 'rejected', sum(c.population_share), ${keySumSql('d.record_key', 'c.area_id = k.keeper')}
          FROM situation_table_discussion d
          JOIN situation_table_catchment c ON c.table_id = d.table_id
          JOIN (SELECT table_id, min(area_id) AS keeper FROM situation_table_catchment GROUP BY 1) k ON k.table_id = d.table_id
         WHERE NOT d.aer_met
         GROUP BY 1, 2
        UNION ALL
        SELECT area_id, month, 'risk_lowered', count(*), ${keySum} FROM met
         WHERE conclusion IN ('RISK_LOWERED_CONNECTED_TO_SERVICES', 'RISK_LOWERED_NOT_CONNECTED') GROUP BY 1, 2
        UNION ALL
        SELECT area_id, month, 'category.' || category, count(*), ${keySum}
          FROM (SELECT DISTINCT m.area_id, m.month, m.discussion_id, m.record_key, f.category
                  FROM met m
                  JOIN situation_table_discussion_risk_factor x ON x.discussion_id = m.discussion_id
                  JOIN situation_table_risk_factor f ON f.code = x.factor_code) AS categorised
         GROUP BY 1, 2, 3
        UNION ALL
        SELECT area_id, month, 'age.' || age_group, count(*), ${keySum} FROM met GROUP BY 1, 2, 3
        UNION ALL
        SELECT m.area_id, m.month, 'agency.' || a.agency, count(*), ${keySumSql('m.record_key')}
          FROM met m CROSS JOIN LATERAL unnest(m.assisting_agencies) AS a(agency)
         GROUP BY 1, 2, 3
      )
      SELECT area_id, month, measure, value, false AS stock, key_sum FROM counts
      UNION ALL
      SELECT area_id, month, 'discussions', sum(value), false, (sum(key_sum) % ${CELL_KEY_MODULUS})::bigint
        FROM counts WHERE measure IN ('aer_met', 'rejected') GROUP BY 1, 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX situation_table_measure_monthly_key ON situation_table_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW situation_table_measure_monthly`);
    await queryRunner.query(`ALTER TABLE situation_table_discussion DROP COLUMN record_key`);
    await new CreateSituationTableMeasureRollup1732140370100().up(queryRunner);
  }
}
