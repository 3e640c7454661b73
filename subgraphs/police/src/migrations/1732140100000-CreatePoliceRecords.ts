import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePoliceRecords1732140100000 implements MigrationInterface {
  name = 'CreatePoliceRecords1732140100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE police_occurrence (
        occurrence_number text PRIMARY KEY,
        occurred_on date NOT NULL,
        area_id text NOT NULL,
        category text NOT NULL CHECK (category IN ('VIOLENT', 'PROPERTY', 'OTHER_CRIMINAL_CODE', 'DRUGS', 'TRAFFIC')),
        premises_type text NOT NULL CHECK (premises_type IN ('RESIDENCE', 'COMMERCIAL', 'OUTSIDE', 'TRANSIT', 'EDUCATIONAL', 'OTHER')),
        cleared boolean NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX police_occurrence_area_date_idx ON police_occurrence (area_id, occurred_on) INCLUDE (category)`);
    await queryRunner.query(`
      CREATE TABLE police_call_for_service (
        call_number text PRIMARY KEY,
        received_on date NOT NULL,
        area_id text NOT NULL,
        call_type text NOT NULL CHECK (call_type IN ('PERSON_IN_CRISIS', 'DISTURBANCE', 'DOMESTIC', 'WELFARE_CHECK', 'SUSPICIOUS', 'OTHER')),
        mha_apprehension boolean NOT NULL,
        CHECK (NOT mha_apprehension OR call_type = 'PERSON_IN_CRISIS')
      )`);
    await queryRunner.query(
      `CREATE INDEX police_call_area_date_idx ON police_call_for_service (area_id, received_on) INCLUDE (call_type, mha_apprehension)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE police_call_for_service`);
    await queryRunner.query(`DROP TABLE police_occurrence`);
  }
}
