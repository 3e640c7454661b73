import { MigrationInterface, QueryRunner } from 'typeorm';

const REASONS = `('MENTAL_BEHAVIOURAL', 'SUBSTANCE_RELATED', 'OPIOID_POISONING', 'SELF_HARM', 'ASSAULT_INJURY')`;
const AGE_GROUPS = `('0-11', '12-17', '18-24', '25-44', '45-64', '65+')`;
const SEXES = `('FEMALE', 'MALE')`;

/**
 * The aggregate tables the public health unit shares: monthly counts, never records. Their
 * primary keys lead with (area_id, month), which is the index every per-area lookup uses.
 */
export class CreateHealthCounts1732140300000 implements MigrationInterface {
  name = 'CreateHealthCounts1732140300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE health_ed_visit_count (
        area_id text NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        reason text NOT NULL CHECK (reason IN ${REASONS}),
        age_group text NOT NULL CHECK (age_group IN ${AGE_GROUPS}),
        sex text NOT NULL CHECK (sex IN ${SEXES}),
        visits integer NOT NULL CHECK (visits >= 0),
        PRIMARY KEY (area_id, month, reason, age_group, sex)
      )`);
    await queryRunner.query(`
      CREATE TABLE health_hospitalization_count (
        area_id text NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        reason text NOT NULL CHECK (reason IN ${REASONS}),
        age_group text NOT NULL CHECK (age_group IN ${AGE_GROUPS}),
        sex text NOT NULL CHECK (sex IN ${SEXES}),
        admissions integer NOT NULL CHECK (admissions >= 0),
        PRIMARY KEY (area_id, month, reason, age_group, sex)
      )`);
    await queryRunner.query(`
      CREATE TABLE health_paramedic_overdose_count (
        area_id text NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        age_group text NOT NULL CHECK (age_group IN ${AGE_GROUPS}),
        sex text NOT NULL CHECK (sex IN ${SEXES}),
        calls integer NOT NULL CHECK (calls >= 0),
        PRIMARY KEY (area_id, month, age_group, sex)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE health_paramedic_overdose_count`);
    await queryRunner.query(`DROP TABLE health_hospitalization_count`);
    await queryRunner.query(`DROP TABLE health_ed_visit_count`);
  }
}
