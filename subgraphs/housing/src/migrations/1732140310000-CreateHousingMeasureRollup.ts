import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly values per neighbourhood and measure: what every housing indicator is read from.
 * Shelter bed-nights count in the shelter's neighbourhood; waitlist and chronic homelessness
 * are stocks (averaged over a period by the loader), the rest are flows.
 */
export class CreateHousingMeasureRollup1732140310000 implements MigrationInterface {
  name = 'CreateHousingMeasureRollup1732140310000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW housing_measure_monthly AS
      SELECT s.area_id, date_trunc('month', n.night)::date AS month, m.measure, sum(m.value)::numeric AS value, false AS stock
        FROM housing_shelter_night n
        JOIN housing_shelter s ON s.shelter_code = n.shelter_code
       CROSS JOIN LATERAL (VALUES ('shelter_bed_nights_occupied', n.occupied), ('shelter_bed_nights_available', n.capacity)) AS m(measure, value)
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT a.area_id, a.month, m.measure, m.value::numeric, m.stock
        FROM housing_area_month a
       CROSS JOIN LATERAL (VALUES
             ('chronically_homeless', a.chronically_homeless, true),
             ('waitlist_households', a.waitlist_households, true),
             ('eviction_applications', a.eviction_applications, false)) AS m(measure, value, stock)
      UNION ALL
      SELECT area_id, date_trunc('month', count_date)::date, 'pit_people_counted', sum(people_counted)::numeric, false
        FROM housing_point_in_time_count
       GROUP BY 1, 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX housing_measure_monthly_key ON housing_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW housing_measure_monthly`);
  }
}
