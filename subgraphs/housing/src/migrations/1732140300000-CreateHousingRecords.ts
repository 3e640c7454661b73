import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHousingRecords1732140300000 implements MigrationInterface {
  name = 'CreateHousingRecords1732140300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE housing_shelter (
        shelter_code text PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        area_id text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('FAMILIES', 'MEN', 'WOMEN', 'YOUTH', 'MIXED_ADULT')),
        capacity int NOT NULL CHECK (capacity > 0)
      )`);
    await queryRunner.query(`CREATE INDEX housing_shelter_area_idx ON housing_shelter (area_id)`);
    await queryRunner.query(`
      CREATE TABLE housing_shelter_night (
        shelter_code text NOT NULL REFERENCES housing_shelter (shelter_code),
        night date NOT NULL,
        occupied int NOT NULL CHECK (occupied >= 0),
        capacity int NOT NULL CHECK (capacity >= 0),
        -- INCLUDE lets occupancy queries read the key index alone.
        PRIMARY KEY (shelter_code, night) INCLUDE (occupied, capacity),
        CHECK (occupied <= capacity)
      )`);
    await queryRunner.query(`
      CREATE TABLE housing_area_month (
        area_id text NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        chronically_homeless int NOT NULL CHECK (chronically_homeless >= 0),
        waitlist_households int NOT NULL CHECK (waitlist_households >= 0),
        eviction_applications int NOT NULL CHECK (eviction_applications >= 0),
        PRIMARY KEY (area_id, month)
      )`);
    await queryRunner.query(`
      CREATE TABLE housing_point_in_time_count (
        area_id text NOT NULL,
        count_date date NOT NULL,
        people_counted int NOT NULL CHECK (people_counted >= 0),
        PRIMARY KEY (area_id, count_date)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE housing_point_in_time_count`);
    await queryRunner.query(`DROP TABLE housing_area_month`);
    await queryRunner.query(`DROP TABLE housing_shelter_night`);
    await queryRunner.query(`DROP TABLE housing_shelter`);
  }
}
