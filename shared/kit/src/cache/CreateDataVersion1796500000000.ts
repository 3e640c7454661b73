import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter that moves in the same transaction as any change to the sector's data, so a cached
 * answer can tell whether it is still the answer (see `responseCachePlugin`). One row;
 * `bump_data_version()` is the trigger function `attachDataVersionTriggers` puts on every data
 * table. SECURITY DEFINER: a subgraph's application role that writes rows (its mutations) moves
 * the counter without any privilege on it beyond reading.
 */
export class CreateDataVersion1796500000000 implements MigrationInterface {
  name = 'CreateDataVersion1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE data_version (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO data_version (version) VALUES (1)`);
    await queryRunner.query(`
      CREATE FUNCTION bump_data_version() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE data_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION bump_data_version() FROM PUBLIC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION bump_data_version() CASCADE`);
    await queryRunner.query(`DROP TABLE data_version`);
  }
}
