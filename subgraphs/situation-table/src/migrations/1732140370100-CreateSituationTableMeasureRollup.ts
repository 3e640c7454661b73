import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly values per neighbourhood and measure, all flows: what every Situation Table indicator
 * is read from. AER discussions count in their neighbourhood. A rejected discussion records no
 * area, only its table: it is apportioned over the table's catchment by each neighbourhood's
 * share of residents (`rejected`, fractional for a neighbourhood, whole for the catchment), so
 * that `discussions` = `aer_met` + `rejected` of every area adds up to the tables' totals.
 */
export class CreateSituationTableMeasureRollup1732140370100 implements MigrationInterface {
  name = 'CreateSituationTableMeasureRollup1732140370100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW situation_table_measure_monthly AS
      WITH met AS (
        SELECT d.discussion_id, d.area_id, date_trunc('month', d.discussed_on)::date AS month, d.age_group, d.conclusion, d.assisting_agencies
          FROM situation_table_discussion d
         WHERE d.aer_met
      ),
      counts AS (
        SELECT area_id, month, 'aer_met' AS measure, count(*)::numeric AS value FROM met GROUP BY 1, 2
        UNION ALL
        SELECT c.area_id, date_trunc('month', d.discussed_on)::date, 'rejected', sum(c.population_share)
          FROM situation_table_discussion d
          JOIN situation_table_catchment c ON c.table_id = d.table_id
         WHERE NOT d.aer_met
         GROUP BY 1, 2
        UNION ALL
        SELECT area_id, month, 'risk_lowered', count(*) FROM met
         WHERE conclusion IN ('RISK_LOWERED_CONNECTED_TO_SERVICES', 'RISK_LOWERED_NOT_CONNECTED') GROUP BY 1, 2
        UNION ALL
        SELECT m.area_id, m.month, 'category.' || f.category, count(DISTINCT m.discussion_id)
          FROM met m
          JOIN situation_table_discussion_risk_factor x ON x.discussion_id = m.discussion_id
          JOIN situation_table_risk_factor f ON f.code = x.factor_code
         GROUP BY 1, 2, 3
        UNION ALL
        SELECT area_id, month, 'age.' || age_group, count(*) FROM met GROUP BY 1, 2, 3
        UNION ALL
        SELECT m.area_id, m.month, 'agency.' || a.agency, count(*)
          FROM met m CROSS JOIN LATERAL unnest(m.assisting_agencies) AS a(agency)
         GROUP BY 1, 2, 3
      )
      SELECT area_id, month, measure, value, false AS stock FROM counts
      UNION ALL
      SELECT area_id, month, 'discussions', sum(value), false FROM counts WHERE measure IN ('aer_met', 'rejected') GROUP BY 1, 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX situation_table_measure_monthly_key ON situation_table_measure_monthly (area_id, month, measure)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW situation_table_measure_monthly`);
  }
}
