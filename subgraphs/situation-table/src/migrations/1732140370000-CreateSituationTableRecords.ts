import { RISK_FACTORS, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { MigrationInterface, QueryRunner } from 'typeorm';

const SECTORS = `'POLICE', 'HEALTH', 'EDUCATION', 'HOUSING', 'SOCIAL_SERVICES', 'CHILD_WELFARE', 'MENTAL_HEALTH', 'MUNICIPAL', 'OTHER'`;
const AGE_GROUPS = `'0-11', '12-17', '18-24', '25-29', '30-39', '40-59', '60+'`;
const GENDERS = `'FEMALE', 'MALE', 'GENDER_DIVERSE', 'UNKNOWN'`;
const PROTECTIVE_FACTORS = `'SUPPORTIVE_FAMILY', 'ENGAGED_IN_SCHOOL', 'STABLE_HOUSING', 'CONNECTED_TO_SERVICES', 'EMPLOYED', 'POSITIVE_PEERS'`;
const SERVICES = `'MENTAL_HEALTH', 'ADDICTIONS', 'HOUSING', 'INCOME_SUPPORT', 'CHILD_PROTECTION', 'VICTIM_SERVICES', 'EDUCATION_SUPPORT', 'HEALTH_CARE'`;
const CONCLUSIONS = `'RISK_LOWERED_CONNECTED_TO_SERVICES', 'RISK_LOWERED_NOT_CONNECTED', 'STILL_AT_RISK', 'REFUSED_SERVICES', 'INFORMED_OF_SERVICES', 'OTHER'`;

/** A set of codes from a controlled list: each from the list, none twice. */
const codeSet = (column: string, list: string) =>
  `CHECK (${column} <@ ARRAY[${list}]::text[] AND situation_table_distinct(${column}))`;

/**
 * The Risk-driven Tracking Database of the municipality's Situation Tables: de-identified
 * discussions (enumerations, codes, dates, a neighbourhood; no name, address, date of birth or
 * free text anywhere), the shared risk-factor taxonomy as a reference table, the tables and the
 * neighbourhoods each serves.
 */
export class CreateSituationTableRecords1732140370000 implements MigrationInterface {
  name = 'CreateSituationTableRecords1732140370000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION situation_table_distinct(items text[]) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT count(*) = count(DISTINCT item) FROM unnest(items) AS item'`);
    await queryRunner.query(`
      CREATE TABLE situation_table_table (
        table_id text PRIMARY KEY CHECK (table_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
      )`);
    await queryRunner.query(`
      CREATE TABLE situation_table_catchment (
        table_id text NOT NULL REFERENCES situation_table_table ON DELETE CASCADE,
        area_id text NOT NULL UNIQUE,
        population_share numeric NOT NULL CHECK (population_share > 0 AND population_share <= 1),
        PRIMARY KEY (table_id, area_id)
      )`);
    // The taxonomy comes from @cswb/subgraph-kit/vocabulary (RISK_FACTORS), the one place it is written down.
    const categories = Object.values(RiskFactorCategory).map((c) => `'${c}'`).join(', ');
    await queryRunner.query(`
      CREATE TABLE situation_table_risk_factor (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]*$'),
        category text NOT NULL CHECK (category IN (${categories})),
        CHECK (starts_with(code, category || '_'))
      )`);
    await queryRunner.query(`INSERT INTO situation_table_risk_factor (code, category) SELECT * FROM unnest($1::text[], $2::text[])`, [
      RISK_FACTORS.map((f) => f.code),
      RISK_FACTORS.map((f) => f.category),
    ]);
    await queryRunner.query(`
      CREATE TABLE situation_table_discussion (
        discussion_id text PRIMARY KEY CHECK (discussion_id ~ '^[a-z0-9-]+-[0-9]{4}-[0-9]{4}$'),
        discussed_on date NOT NULL,
        table_id text NOT NULL REFERENCES situation_table_table,
        originating_agency text NOT NULL CHECK (originating_agency IN (${SECTORS})),
        filter_reached smallint NOT NULL CHECK (filter_reached BETWEEN 1 AND 4),
        aer_met boolean NOT NULL,
        area_id text CHECK (area_id ~ '^[a-z0-9-]+$'),
        age_group text CHECK (age_group IN (${AGE_GROUPS})),
        gender text CHECK (gender IN (${GENDERS})),
        protective_factors text[] ${codeSet('protective_factors', PROTECTIVE_FACTORS)},
        assisting_agencies text[] ${codeSet('assisting_agencies', SECTORS)},
        services_mobilised text[] ${codeSet('services_mobilised', SERVICES)},
        conclusion text CHECK (conclusion IN (${CONCLUSIONS})),
        concluded_on date CHECK (concluded_on >= discussed_on),
        UNIQUE (discussion_id, aer_met),
        -- Filters 1 and 2 end a discussion that is not AER; filters 3 and 4 follow an AER finding.
        CONSTRAINT situation_table_discussion_filter CHECK (aer_met = (filter_reached >= 3)),
        -- A rejected discussion keeps only the minimum: date, table, originating agency, filter.
        CONSTRAINT situation_table_discussion_rejected_minimum CHECK (aer_met OR (
          area_id IS NULL AND age_group IS NULL AND gender IS NULL AND protective_factors IS NULL AND
          assisting_agencies IS NULL AND services_mobilised IS NULL AND conclusion IS NULL AND concluded_on IS NULL)),
        CONSTRAINT situation_table_discussion_aer_recorded CHECK (NOT aer_met OR (
          area_id IS NOT NULL AND age_group IS NOT NULL AND gender IS NOT NULL AND protective_factors IS NOT NULL AND
          assisting_agencies IS NOT NULL AND services_mobilised IS NOT NULL)),
        CONSTRAINT situation_table_discussion_concluded CHECK ((conclusion IS NULL) = (concluded_on IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX situation_table_discussion_date_idx ON situation_table_discussion (discussed_on, discussion_id)`);
    await queryRunner.query(`CREATE INDEX situation_table_discussion_table_date_idx ON situation_table_discussion (table_id, discussed_on)`);
    await queryRunner.query(`CREATE INDEX situation_table_discussion_area_date_idx ON situation_table_discussion (area_id, discussed_on) WHERE area_id IS NOT NULL`);
    // Risk factors belong to AER discussions only: the composite key makes any other row impossible.
    await queryRunner.query(`
      CREATE TABLE situation_table_discussion_risk_factor (
        discussion_id text NOT NULL,
        aer_met boolean NOT NULL DEFAULT true CHECK (aer_met),
        factor_code text NOT NULL REFERENCES situation_table_risk_factor,
        PRIMARY KEY (discussion_id, factor_code),
        FOREIGN KEY (discussion_id, aer_met) REFERENCES situation_table_discussion (discussion_id, aer_met) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE situation_table_discussion_risk_factor`);
    await queryRunner.query(`DROP TABLE situation_table_discussion`);
    await queryRunner.query(`DROP TABLE situation_table_risk_factor`);
    await queryRunner.query(`DROP TABLE situation_table_catchment`);
    await queryRunner.query(`DROP TABLE situation_table_table`);
    await queryRunner.query(`DROP FUNCTION situation_table_distinct(text[])`);
  }
}
