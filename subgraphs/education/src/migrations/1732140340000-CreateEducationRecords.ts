import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEducationRecords1732140340000 implements MigrationInterface {
  name = 'CreateEducationRecords1732140340000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE education_school (
        school_number text PRIMARY KEY CHECK (school_number <> ''),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        area_id text NOT NULL CHECK (area_id <> ''),
        board text NOT NULL CHECK (length(board) BETWEEN 1 AND 120),
        panel text NOT NULL CHECK (panel IN ('ELEMENTARY', 'SECONDARY'))
      )`);
    await queryRunner.query(`CREATE INDEX education_school_area_idx ON education_school (area_id, school_number)`);
    await queryRunner.query(`
      CREATE TABLE education_school_year_stat (
        school_number text NOT NULL REFERENCES education_school (school_number) ON DELETE CASCADE,
        school_year int NOT NULL CHECK (school_year BETWEEN 1990 AND 2100),
        enrolment int NOT NULL CHECK (enrolment >= 0),
        chronically_absent int NOT NULL CHECK (chronically_absent BETWEEN 0 AND enrolment),
        suspended_students int NOT NULL CHECK (suspended_students BETWEEN 0 AND enrolment),
        expulsions int NOT NULL CHECK (expulsions BETWEEN 0 AND enrolment),
        graduation_cohort int NOT NULL CHECK (graduation_cohort >= 0),
        graduates_on_time int NOT NULL CHECK (graduates_on_time BETWEEN 0 AND graduation_cohort),
        PRIMARY KEY (school_number, school_year)
      )`);
    await queryRunner.query(`
      CREATE TABLE education_edi_result (
        area_id text NOT NULL CHECK (area_id <> ''),
        cycle_year int NOT NULL CHECK (cycle_year BETWEEN 1990 AND 2100),
        children_assessed int NOT NULL CHECK (children_assessed >= 0),
        vulnerable_one_or_more int NOT NULL CHECK (vulnerable_one_or_more BETWEEN 0 AND children_assessed),
        PRIMARY KEY (area_id, cycle_year)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE education_edi_result`);
    await queryRunner.query(`DROP TABLE education_school_year_stat`);
    await queryRunner.query(`DROP TABLE education_school`);
  }
}
