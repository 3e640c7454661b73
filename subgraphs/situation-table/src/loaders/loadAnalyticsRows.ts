import type { DataSource } from 'typeorm';
import type { AnalyticsRow } from '../entities/SituationTableAnalytics';

export interface AnalyticsQuery {
  from: string;
  to: string;
  areaId: string | null;
  tableId: string | null;
}

/**
 * Every count of the analytics, per month, in one statement: the discussions of the range
 * (optionally of one neighbourhood or table) and their breakdowns, one row per month and cell.
 */
const ANALYTICS_SQL = `
  WITH d AS (
    SELECT discussion_id, date_trunc('month', discussed_on)::date AS month, aer_met, area_id, age_group, conclusion, assisting_agencies
      FROM situation_table_discussion
     WHERE discussed_on BETWEEN $1 AND $2
       AND ($3::text IS NULL OR area_id = $3)
       AND ($4::text IS NULL OR table_id = $4)
  )
  SELECT month::text AS month, kind, key, count::int AS count FROM (
    SELECT month, 'discussions' AS kind, '' AS key, count(*) AS count FROM d GROUP BY 1
    UNION ALL
    SELECT month, 'aer_met', '', count(*) FROM d WHERE aer_met GROUP BY 1
    UNION ALL
    SELECT month, 'risk_lowered', '', count(*) FROM d
     WHERE conclusion IN ('RISK_LOWERED_CONNECTED_TO_SERVICES', 'RISK_LOWERED_NOT_CONNECTED') GROUP BY 1
    UNION ALL
    SELECT d.month, 'category', f.category, count(DISTINCT d.discussion_id)
      FROM d
      JOIN situation_table_discussion_risk_factor x ON x.discussion_id = d.discussion_id
      JOIN situation_table_risk_factor f ON f.code = x.factor_code
     GROUP BY 1, 3
    UNION ALL
    SELECT month, 'age', age_group, count(*) FROM d WHERE age_group IS NOT NULL GROUP BY 1, 3
    UNION ALL
    SELECT month, 'area', area_id, count(*) FROM d WHERE area_id IS NOT NULL GROUP BY 1, 3
    UNION ALL
    SELECT d.month, 'agency', a.agency, count(*) FROM d CROSS JOIN LATERAL unnest(d.assisting_agencies) AS a(agency) GROUP BY 1, 3
  ) cells
  ORDER BY 1, 2, 3`;

export async function loadAnalyticsRows(db: DataSource, query: AnalyticsQuery): Promise<AnalyticsRow[]> {
  return db.query(ANALYTICS_SQL, [query.from, query.to, query.areaId, query.tableId]);
}
