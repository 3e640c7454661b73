import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which police services hold records in each neighbourhood (`RowOwnership`, docs/privacy.md): a
 * municipality may be policed by its own service and an OPP detachment. Refreshed with the
 * measure rollup (POLICE_ROLLUPS); disclosure control shows an analyst exact counts only over
 * areas where every record is their own service's.
 */
export class CreatePoliceAreaAgency1732140260000 implements MigrationInterface {
  name = 'CreatePoliceAreaAgency1732140260000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW police_area_agency AS
      SELECT DISTINCT area_id, agency_id FROM police_occurrence
      UNION
      SELECT DISTINCT area_id, agency_id FROM police_call_for_service`);
    await queryRunner.query(`CREATE UNIQUE INDEX police_area_agency_key ON police_area_agency (area_id, agency_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW police_area_agency`);
  }
}
