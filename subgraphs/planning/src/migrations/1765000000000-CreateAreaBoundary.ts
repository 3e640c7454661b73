import { MigrationInterface, QueryRunner } from 'typeorm';

/** Area boundaries as GeoJSON geometry (lon/lat): no PostGIS, the subgraph simplifies them itself. */
export class CreateAreaBoundary1765000000000 implements MigrationInterface {
  name = 'CreateAreaBoundary1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE area_boundary (
        area_id text PRIMARY KEY REFERENCES area(id),
        geometry jsonb NOT NULL CHECK (geometry->>'type' IN ('Polygon', 'MultiPolygon')),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE area_boundary`);
  }
}
