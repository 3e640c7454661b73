import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Yearly totals per neighbourhood and measure, recorded at June 1 of the year the school year
 * (or EDI cycle) ends: what every education indicator is read from. All are flows, so a
 * YEAR period holds one school year and finer periods show it in June only.
 */
export class CreateEducationMeasureRollup1732140340100 implements MigrationInterface {
  name = 'CreateEducationMeasureRollup1732140340100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW education_measure_monthly AS
      SELECT s.area_id, make_date(y.school_year, 6, 1) AS month, m.measure, sum(m.value)::numeric AS value, false AS stock
        FROM education_school_year_stat y
        JOIN education_school s ON s.school_number = y.school_number
       CROSS JOIN LATERAL (VALUES
             ('enrolment', y.enrolment),
             ('chronically_absent', y.chronically_absent),
             ('suspended_students', y.suspended_students),
             ('expulsions', y.expulsions),
             ('graduation_cohort', y.graduation_cohort),
             ('graduates_on_time', y.graduates_on_time)) AS m(measure, value)
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT e.area_id, make_date(e.cycle_year, 6, 1), m.measure, sum(m.value)::numeric, false
        FROM education_edi_result e
       CROSS JOIN LATERAL (VALUES
             ('edi_assessed', e.children_assessed),
             ('edi_vulnerable', e.vulnerable_one_or_more)) AS m(measure, value)
       GROUP BY 1, 2, 3`);
    await queryRunner.query(`CREATE UNIQUE INDEX education_measure_monthly_key ON education_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW education_measure_monthly`);
  }
}
