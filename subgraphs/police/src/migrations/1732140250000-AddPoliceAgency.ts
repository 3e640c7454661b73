import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which police service holds each record: a municipality can be served by its own service and
 * an OPP detachment, and each analyst sees only their own service's rows.
 */
export class AddPoliceAgency1732140250000 implements MigrationInterface {
  name = 'AddPoliceAgency1732140250000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['police_occurrence', 'police_call_for_service']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN agency_id text NOT NULL DEFAULT 'lakeshore-police'`);
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN agency_id DROP DEFAULT`);
    }
    await queryRunner.query(`CREATE INDEX police_occurrence_agency_area_date_idx ON police_occurrence (agency_id, area_id, occurred_on)`);
    await queryRunner.query(`CREATE INDEX police_call_agency_area_date_idx ON police_call_for_service (agency_id, area_id, received_on)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE police_call_for_service DROP COLUMN agency_id`);
    await queryRunner.query(`ALTER TABLE police_occurrence DROP COLUMN agency_id`);
  }
}
