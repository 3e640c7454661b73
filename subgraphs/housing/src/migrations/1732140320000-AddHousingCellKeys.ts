import { addRecordKeys, columnKeySumSql, keySumSql } from '@cswb/subgraph-kit/privacy';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateHousingMeasureRollup1732140310000 } from './1732140310000-CreateHousingMeasureRollup';

const UNIT_TABLES = ['housing_shelter_night', 'housing_area_month', 'housing_point_in_time_count'] as const;

/**
 * Cell keys (docs/privacy.md): every night of a shelter, area-month and point-in-time count gets
 * a random key, each count a row holds a key derived from it, and the rollup keeps beside each
 * value the key sum of the rows holding any of it.
 */
export class AddHousingCellKeys1732140320000 implements MigrationInterface {
  name = 'AddHousingCellKeys1732140320000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of UNIT_TABLES) await addRecordKeys(queryRunner, table);
    await queryRunner.query(`DROP MATERIALIZED VIEW housing_measure_monthly`);
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW housing_measure_monthly AS
      SELECT s.area_id, date_trunc('month', n.night)::date AS month, 'shelter_bed_nights_occupied' AS measure, sum(n.occupied)::numeric AS value,
             false AS stock, ${columnKeySumSql('occupied', 'n')} AS key_sum
        FROM housing_shelter_night n
        JOIN housing_shelter s ON s.shelter_code = n.shelter_code
       GROUP BY 1, 2
      UNION ALL
      SELECT s.area_id, date_trunc('month', n.night)::date, 'shelter_bed_nights_available', sum(n.capacity)::numeric, false, ${columnKeySumSql('capacity', 'n')}
        FROM housing_shelter_night n
        JOIN housing_shelter s ON s.shelter_code = n.shelter_code
       GROUP BY 1, 2
      UNION ALL
      SELECT area_id, month, 'chronically_homeless', sum(chronically_homeless)::numeric, true, ${columnKeySumSql('chronically_homeless')}
        FROM housing_area_month GROUP BY 1, 2
      UNION ALL
      SELECT area_id, month, 'waitlist_households', sum(waitlist_households)::numeric, true, ${columnKeySumSql('waitlist_households')}
        FROM housing_area_month GROUP BY 1, 2
      UNION ALL
      SELECT area_id, month, 'eviction_applications', sum(eviction_applications)::numeric, false, ${columnKeySumSql('eviction_applications')}
        FROM housing_area_month GROUP BY 1, 2
      UNION ALL
      SELECT area_id, date_trunc('month', count_date)::date, 'pit_people_counted', sum(people_counted)::numeric, false,
             ${keySumSql('record_key', 'people_counted > 0')}
        FROM housing_point_in_time_count
       GROUP BY 1, 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX housing_measure_monthly_key ON housing_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW housing_measure_monthly`);
    for (const table of UNIT_TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN record_key`);
    await new CreateHousingMeasureRollup1732140310000().up(queryRunner);
  }
}
