import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSWB plans: the plan, its advisory committee, priority risks (with their areas), strategies
 * (with the risks they address), outcomes, performance measures and implementation tasks.
 * Children carry their plan's id and reference their parent by (id, plan_id), so a strategy
 * can only address risks, and an outcome only belong to a strategy, of the same plan.
 */
export class CreatePlans1732140500000 implements MigrationInterface {
  name = 'CreatePlans1732140500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY,
        municipality_id text NOT NULL REFERENCES area(id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        period_start date NOT NULL,
        period_end date NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ADOPTED', 'PUBLISHED', 'UNDER_REVIEW')),
        adopted_on date,
        review_due date,
        created_by text CHECK (char_length(created_by) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end > period_start),
        -- Only a plan that was never adopted lacks a council resolution date.
        CHECK ((status = 'DRAFT') = (adopted_on IS NULL)),
        CHECK ((adopted_on IS NULL) = (review_due IS NULL)),
        -- The Act: reviewed at least every four years.
        CHECK (review_due > adopted_on AND review_due <= adopted_on + interval '4 years')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX plan_natural_key ON plan (municipality_id, lower(title), period_start)`);
    await queryRunner.query(`CREATE INDEX plan_status_idx ON plan (status, period_start)`);

    await queryRunner.query(`
      CREATE TABLE plan_committee_member (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        sector text NOT NULL CHECK (sector IN ('HEALTH_OR_MENTAL_HEALTH', 'EDUCATION', 'COMMUNITY_OR_SOCIAL_SERVICES',
          'CHILD_AND_YOUTH_SERVICES', 'CUSTODIAL_YOUTH_SERVICES', 'MUNICIPAL_EMPLOYEE_OR_COUNCILLOR', 'POLICE_SERVICE_BOARD_OR_OPP', 'OTHER')),
        organisation text NOT NULL CHECK (char_length(organisation) BETWEEN 1 AND 200),
        committee_role text NOT NULL CHECK (committee_role IN ('CHAIR', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX plan_committee_member_key ON plan_committee_member (plan_id, sector, lower(organisation))`);
    await queryRunner.query(`CREATE UNIQUE INDEX plan_committee_one_chair ON plan_committee_member (plan_id) WHERE committee_role = 'CHAIR'`);

    await queryRunner.query(`
      CREATE TABLE plan_priority_risk (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category IN ('ANTISOCIAL_NEGATIVE_BEHAVIOUR', 'BASIC_NEEDS', 'CRIME_VICTIMIZATION',
          'CRIMINAL_INVOLVEMENT', 'DRUGS', 'ALCOHOL', 'ELDER_ABUSE', 'EMOTIONAL_VIOLENCE', 'GAMBLING', 'GANGS', 'HOUSING',
          'MISSING_RUNAWAY', 'NEGATIVE_PEERS', 'PARENTING', 'PHYSICAL_HEALTH', 'PHYSICAL_VIOLENCE', 'POVERTY', 'SELF_HARM',
          'SEXUAL_VIOLENCE', 'SOCIAL_ENVIRONMENT', 'SUICIDE', 'SUPERVISION', 'THREAT_TO_PUBLIC_HEALTH_AND_SAFETY',
          'UNEMPLOYMENT', 'MISSING_SCHOOL', 'MENTAL_HEALTH', 'COGNITIVE_FUNCTIONING')),
        rationale text NOT NULL CHECK (char_length(rationale) BETWEEN 1 AND 500),
        rank int NOT NULL CHECK (rank >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, category),
        UNIQUE (plan_id, rank),
        UNIQUE (id, plan_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE plan_priority_risk_area (
        priority_risk_id uuid NOT NULL REFERENCES plan_priority_risk(id) ON DELETE CASCADE,
        area_id text NOT NULL REFERENCES area(id),
        PRIMARY KEY (priority_risk_id, area_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE plan_strategy (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        framework_area text NOT NULL CHECK (framework_area IN ('SOCIAL_DEVELOPMENT', 'PREVENTION', 'RISK_INTERVENTION', 'INCIDENT_RESPONSE')),
        lead_partner text NOT NULL CHECK (char_length(lead_partner) BETWEEN 1 AND 200),
        partners text[] NOT NULL DEFAULT '{}' CHECK (cardinality(partners) <= 20 AND array_position(partners, NULL) IS NULL),
        budget numeric(14, 2) NOT NULL CHECK (budget >= 0 AND budget <= 1000000000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, plan_id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX plan_strategy_title_key ON plan_strategy (plan_id, lower(title))`);
    await queryRunner.query(`
      CREATE TABLE plan_strategy_priority_risk (
        strategy_id uuid NOT NULL,
        priority_risk_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        PRIMARY KEY (strategy_id, priority_risk_id),
        FOREIGN KEY (strategy_id, plan_id) REFERENCES plan_strategy(id, plan_id) ON DELETE CASCADE,
        FOREIGN KEY (priority_risk_id, plan_id) REFERENCES plan_priority_risk(id, plan_id) ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE plan_outcome (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        strategy_id uuid NOT NULL,
        statement text NOT NULL CHECK (char_length(statement) BETWEEN 1 AND 500),
        level text NOT NULL CHECK (level IN ('IMMEDIATE', 'INTERMEDIATE', 'LONG_TERM')),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (strategy_id, plan_id) REFERENCES plan_strategy(id, plan_id) ON DELETE CASCADE,
        UNIQUE (id, plan_id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX plan_outcome_key ON plan_outcome (strategy_id, level, lower(statement))`);
    await queryRunner.query(`CREATE INDEX plan_outcome_plan_idx ON plan_outcome (plan_id)`);

    await queryRunner.query(`
      CREATE TABLE plan_performance_measure (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        outcome_id uuid NOT NULL,
        indicator_id text NOT NULL CHECK (indicator_id ~ '^[a-z][a-z-]*\\.[a-z0-9_]+$'),
        area_id text NOT NULL REFERENCES area(id),
        baseline double precision NOT NULL CHECK (baseline >= 0 AND baseline < 'Infinity'),
        baseline_period text NOT NULL CHECK (baseline_period ~ '^[0-9]{4}(-Q[1-4]|-[0-9]{2}|-[0-9]{2}-[0-9]{2})?$'),
        target double precision NOT NULL CHECK (target >= 0 AND target < 'Infinity'),
        target_date date NOT NULL,
        data_source text NOT NULL CHECK (char_length(data_source) BETWEEN 1 AND 300),
        collection_frequency text NOT NULL CHECK (collection_frequency IN ('YEAR', 'QUARTER', 'MONTH')),
        responsible_partner text NOT NULL CHECK (char_length(responsible_partner) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (outcome_id, plan_id) REFERENCES plan_outcome(id, plan_id) ON DELETE CASCADE,
        UNIQUE (outcome_id, indicator_id, area_id)
      )`);
    await queryRunner.query(`CREATE INDEX plan_performance_measure_plan_idx ON plan_performance_measure (plan_id)`);

    await queryRunner.query(`
      CREATE TABLE plan_implementation_task (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        strategy_id uuid,
        who text NOT NULL CHECK (char_length(who) BETWEEN 1 AND 200),
        what text NOT NULL CHECK (char_length(what) BETWEEN 1 AND 500),
        start_on date NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED')),
        reporting_line text NOT NULL CHECK (char_length(reporting_line) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (due_on >= start_on),
        FOREIGN KEY (strategy_id, plan_id) REFERENCES plan_strategy(id, plan_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX plan_implementation_task_plan_idx ON plan_implementation_task (plan_id)`);
    await queryRunner.query(`CREATE INDEX plan_implementation_task_strategy_idx ON plan_implementation_task (strategy_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'plan_implementation_task',
      'plan_performance_measure',
      'plan_outcome',
      'plan_strategy_priority_risk',
      'plan_strategy',
      'plan_priority_risk_area',
      'plan_priority_risk',
      'plan_committee_member',
      'plan',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
