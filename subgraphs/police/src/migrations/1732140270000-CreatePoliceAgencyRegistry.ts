import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The police services whose records this database holds: an import cannot file a record under a
 * service nobody registered (a typo, or a 50,000-character id), and the row-level rule compares
 * the analyst's `agency` claim with ids that exist. Services already named by records are
 * registered under their id so existing databases keep their rows.
 */
export class CreatePoliceAgencyRegistry1732140270000 implements MigrationInterface {
  name = 'CreatePoliceAgencyRegistry1732140270000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE police_agency (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$' AND length(id) <= 200),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
      )`);
    await queryRunner.query(`
      INSERT INTO police_agency (id, name)
      SELECT agency_id, agency_id FROM police_occurrence
      UNION
      SELECT agency_id, agency_id FROM police_call_for_service`);
    for (const table of ['police_occurrence', 'police_call_for_service']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_agency_fkey FOREIGN KEY (agency_id) REFERENCES police_agency (id)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['police_occurrence', 'police_call_for_service']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_agency_fkey`);
    }
    await queryRunner.query(`DROP TABLE police_agency`);
  }
}
