import { addRecordKeys, columnKeySumSql } from '@cswb/subgraph-kit/privacy';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateEducationMeasureRollup1732140340100 } from './1732140340100-CreateEducationMeasureRollup';

const SCHOOL_YEAR_COUNTS = ['enrolment', 'chronically_absent', 'suspended_students', 'expulsions', 'graduation_cohort', 'graduates_on_time'] as const;
const EDI_COUNTS = [['edi_assessed', 'children_assessed'], ['edi_vulnerable', 'vulnerable_one_or_more']] as const;

/**
 * Cell keys (docs/privacy.md): each school-year return and EDI result gets a random key, each of
 * its counts a key derived from it, and the rollup keeps beside each value the key sum of the
 * returns holding any of it.
 */
export class AddEducationCellKeys1732140340200 implements MigrationInterface {
  name = 'AddEducationCellKeys1732140340200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addRecordKeys(queryRunner, 'education_school_year_stat');
    await addRecordKeys(queryRunner, 'education_edi_result');
    await queryRunner.query(`DROP MATERIALIZED VIEW education_measure_monthly`);
    const schoolYears = SCHOOL_YEAR_COUNTS.map(
      (column) => `
      SELECT s.area_id, make_date(y.school_year, 6, 1) AS month, '${column}' AS measure, sum(y.${column})::numeric AS value, false AS stock,
             ${columnKeySumSql(column, 'y')} AS key_sum
        FROM education_school_year_stat y
        JOIN education_school s ON s.school_number = y.school_number
       GROUP BY 1, 2`,
    );
    const edi = EDI_COUNTS.map(
      ([measure, column]) => `
      SELECT e.area_id, make_date(e.cycle_year, 6, 1), '${measure}', sum(e.${column})::numeric, false, ${columnKeySumSql(column, 'e')}
        FROM education_edi_result e
       GROUP BY 1, 2`,
    );
    await queryRunner.query(`CREATE MATERIALIZED VIEW education_measure_monthly AS ${[...schoolYears, ...edi].join('\n      UNION ALL')}`);
    await queryRunner.query(`CREATE UNIQUE INDEX education_measure_monthly_key ON education_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW education_measure_monthly`);
    await queryRunner.query(`ALTER TABLE education_school_year_stat DROP COLUMN record_key`);
    await queryRunner.query(`ALTER TABLE education_edi_result DROP COLUMN record_key`);
    await new CreateEducationMeasureRollup1732140340100().up(queryRunner);
  }
}
