import { addRecordKeys, columnKeySumSql, keySumSql } from '@cswb/subgraph-kit/privacy';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateSocialServicesMeasureRollup1732140360100 } from './1732140360100-CreateSocialServicesMeasureRollup';

const UNIT_TABLES = ['social_services_caseload_month', 'social_services_child_welfare_month', 'social_services_food_bank_month'] as const;

/**
 * Cell keys (docs/privacy.md): each imported area-month (and program) row gets a random key, each
 * of its counts a key derived from it, and the rollup keeps beside each value the key sum of the
 * rows holding any of it.
 */
export class AddSocialServicesCellKeys1732140360200 implements MigrationInterface {
  name = 'AddSocialServicesCellKeys1732140360200';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of UNIT_TABLES) await addRecordKeys(queryRunner, table);
    await queryRunner.query(`DROP MATERIALIZED VIEW social_services_measure_monthly`);
    const program = (ontarioWorks: string, odsp: string) => `CASE program WHEN 'ONTARIO_WORKS' THEN '${ontarioWorks}' ELSE '${odsp}' END`;
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW social_services_measure_monthly AS
      SELECT area_id, month, ${program('ow_cases', 'odsp_cases')} AS measure, sum(cases)::numeric AS value, true AS stock, ${columnKeySumSql('cases')} AS key_sum
        FROM social_services_caseload_month GROUP BY 1, 2, 3
      UNION ALL
      SELECT area_id, month, ${program('ow_beneficiaries', 'odsp_beneficiaries')}, sum(beneficiaries)::numeric, true, ${columnKeySumSql('beneficiaries')}
        FROM social_services_caseload_month GROUP BY 1, 2, 3
      UNION ALL
      SELECT area_id, month, 'child_welfare_investigations', sum(investigations)::numeric, false, ${columnKeySumSql('investigations')}
        FROM social_services_child_welfare_month GROUP BY 1, 2
      UNION ALL
      SELECT area_id, month, 'child_welfare_substantiated', sum(substantiated)::numeric, false, ${columnKeySumSql('substantiated')}
        FROM social_services_child_welfare_month GROUP BY 1, 2
      UNION ALL
      SELECT area_id, month, 'food_bank_visits', sum(visits)::numeric, false, ${keySumSql('record_key', 'visits > 0')}
        FROM social_services_food_bank_month GROUP BY 1, 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX social_services_measure_monthly_key ON social_services_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW social_services_measure_monthly`);
    for (const table of UNIT_TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN record_key`);
    await new CreateSocialServicesMeasureRollup1732140360100().up(queryRunner);
  }
}
