import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArea1732140000000 implements MigrationInterface {
  name = 'CreateArea1732140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE area (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MUNICIPALITY', 'WARD', 'NEIGHBOURHOOD')),
        parent_id text REFERENCES area(id),
        population int NOT NULL CHECK (population >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX area_parent_id_idx ON area (parent_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE area`);
  }
}
