import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every subgraph's own copy of the area registry (docs/privacy.md, "What a subgraph trusts"):
 * the same `area` table the planning subgraph has always owned, so that a sector reads an
 * area's population, neighbourhoods and ward from its own database and never from what a caller
 * sends it. Filled by `seedAreaRegistry` when a database is seeded, and by
 * `cswb import <subgraph> areas <file>` in a real deployment.
 *
 * In the planning database the table already exists (planning's `CreateArea1732140000000`
 * sorts before this one): `IF NOT EXISTS` leaves it as it is. The parent key is deferred so an
 * import may name a parent later in the file. Migrations are history: never edit this one.
 */
export class CreateAreaRegistry1732140010000 implements MigrationInterface {
  name = 'CreateAreaRegistry1732140010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS area (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MUNICIPALITY', 'WARD', 'NEIGHBOURHOOD')),
        parent_id text REFERENCES area(id) DEFERRABLE INITIALLY DEFERRED,
        population int NOT NULL CHECK (population >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS area_parent_id_idx ON area (parent_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Where planning's own migration made the table, its revert drops it.
    const [{ planning }] = await queryRunner.query(
      `SELECT EXISTS (SELECT 1 FROM typeorm_migrations WHERE name = 'CreateArea1732140000000') AS planning`,
    );
    if (!planning) await queryRunner.query(`DROP TABLE area`);
  }
}
