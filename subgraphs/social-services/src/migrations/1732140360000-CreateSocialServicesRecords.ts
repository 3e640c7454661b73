import { MigrationInterface, QueryRunner } from 'typeorm';

const FIRST_OF_MONTH = `CHECK (month = date_trunc('month', month)::date)`;

export class CreateSocialServicesRecords1732140360000 implements MigrationInterface {
  name = 'CreateSocialServicesRecords1732140360000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE social_services_caseload_month (
        area_id text NOT NULL,
        month date NOT NULL ${FIRST_OF_MONTH},
        program text NOT NULL CHECK (program IN ('ONTARIO_WORKS', 'ODSP')),
        cases int NOT NULL CHECK (cases >= 0),
        beneficiaries int NOT NULL CHECK (beneficiaries >= cases),
        PRIMARY KEY (area_id, month, program)
      )`);
    await queryRunner.query(`
      CREATE TABLE social_services_child_welfare_month (
        area_id text NOT NULL,
        month date NOT NULL ${FIRST_OF_MONTH},
        investigations int NOT NULL CHECK (investigations >= 0),
        substantiated int NOT NULL CHECK (substantiated >= 0 AND substantiated <= investigations),
        PRIMARY KEY (area_id, month)
      )`);
    await queryRunner.query(`
      CREATE TABLE social_services_food_bank_month (
        area_id text NOT NULL,
        month date NOT NULL ${FIRST_OF_MONTH},
        visits int NOT NULL CHECK (visits >= 0),
        unique_households int NOT NULL CHECK (unique_households >= 0 AND unique_households <= visits),
        PRIMARY KEY (area_id, month)
      )`);
    // Names come from the agencies themselves; eligibility is a controlled phrase, never free text.
    await queryRunner.query(`
      CREATE TABLE social_services_program (
        program_code text PRIMARY KEY CHECK (program_code ~ '^SSP-[0-9]{3,}-[0-9]{2,}$'),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        provider text NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 120),
        framework_area text NOT NULL CHECK (framework_area IN ('SOCIAL_DEVELOPMENT', 'PREVENTION', 'RISK_INTERVENTION', 'INCIDENT_RESPONSE')),
        eligibility text NOT NULL CHECK (eligibility IN (
          'All residents', 'Adults 18+', 'Youth 12-24', 'Children 0-6 and caregivers', 'Families with children under 18',
          'Seniors 65+', 'Newcomers in first 5 years', 'Women and gender-diverse people', 'Ontario Works or ODSP recipients',
          'Low-income households', 'People experiencing homelessness'))
      )`);
    await queryRunner.query(`CREATE INDEX social_services_program_framework_area_idx ON social_services_program (framework_area, program_code)`);
    await queryRunner.query(`
      CREATE TABLE social_services_program_category (
        program_code text NOT NULL REFERENCES social_services_program ON DELETE CASCADE,
        category text NOT NULL CHECK (category IN (
          'MENTAL_HEALTH', 'ADDICTIONS', 'HOUSING_SUPPORT', 'FOOD_SECURITY', 'EMPLOYMENT', 'YOUTH', 'FAMILY_SUPPORT',
          'SENIORS', 'NEWCOMERS', 'VIOLENCE_PREVENTION', 'CRISIS_RESPONSE')),
        PRIMARY KEY (program_code, category)
      )`);
    await queryRunner.query(`CREATE INDEX social_services_program_category_category_idx ON social_services_program_category (category, program_code)`);
    await queryRunner.query(`
      CREATE TABLE social_services_program_area (
        program_code text NOT NULL REFERENCES social_services_program ON DELETE CASCADE,
        area_id text NOT NULL,
        PRIMARY KEY (program_code, area_id)
      )`);
    await queryRunner.query(`CREATE INDEX social_services_program_area_area_idx ON social_services_program_area (area_id, program_code)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE social_services_program_area`);
    await queryRunner.query(`DROP TABLE social_services_program_category`);
    await queryRunner.query(`DROP TABLE social_services_program`);
    await queryRunner.query(`DROP TABLE social_services_food_bank_month`);
    await queryRunner.query(`DROP TABLE social_services_child_welfare_month`);
    await queryRunner.query(`DROP TABLE social_services_caseload_month`);
  }
}
