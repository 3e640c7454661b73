import { keySumOf, keySumSql } from '@cswb/subgraph-kit/privacy';
import type { DataSource } from 'typeorm';
import type { AnalyticsRow } from '../entities/SituationTableAnalytics';

export interface AnalyticsQuery {
  from: string;
  to: string;
  areaId: string | null;
  tableId: string | null;
}

const KEY_SUM = keySumSql('record_key');

/**
 * Every count of the analytics, per month, with the key sum of the discussions counted (docs/privacy.md), in one statement: the discussions of the range
 * (optionally of one neighbourhood or table) and their breakdowns, one row per month and cell.
 */
const ANALYTICS_SQL = `
  WITH d AS (
    SELECT discussion_id, record_key, date_trunc('month', discussed_on)::date AS month, aer_met, area_id, age_group, conclusion, assisting_agencies
      FROM situation_table_discussion
     WHERE discussed_on BETWEEN $1 AND $2
       AND ($3::text IS NULL OR area_id = $3)
       AND ($4::text IS NULL OR table_id = $4)
  )
  SELECT month::text AS month, kind, key, count::int AS count, key_sum::text AS "keySum" FROM (
    SELECT month, 'discussions' AS kind, '' AS key, count(*) AS count, ${KEY_SUM} AS key_sum FROM d GROUP BY 1
    UNION ALL
    SELECT month, 'aer_met', '', count(*), ${KEY_SUM} FROM d WHERE aer_met GROUP BY 1
    UNION ALL
    SELECT month, 'risk_lowered', '', count(*), ${KEY_SUM} FROM d
     WHERE conclusion IN ('RISK_LOWERED_CONNECTED_TO_SERVICES', 'RISK_LOWERED_NOT_CONNECTED') GROUP BY 1
    UNION ALL
    SELECT month, 'category', category, count(*), ${KEY_SUM}
      FROM (SELECT DISTINCT d.month, d.discussion_id, d.record_key, f.category
              FROM d
              JOIN situation_table_discussion_risk_factor x ON x.discussion_id = d.discussion_id
              JOIN situation_table_risk_factor f ON f.code = x.factor_code) AS categorised
     GROUP BY 1, 3
    UNION ALL
    SELECT month, 'age', age_group, count(*), ${KEY_SUM} FROM d WHERE age_group IS NOT NULL GROUP BY 1, 3
    UNION ALL
    SELECT month, 'area', area_id, count(*), ${KEY_SUM} FROM d WHERE area_id IS NOT NULL GROUP BY 1, 3
    UNION ALL
    SELECT d.month, 'agency', a.agency, count(*), ${keySumSql('d.record_key')} FROM d CROSS JOIN LATERAL unnest(d.assisting_agencies) AS a(agency) GROUP BY 1, 3
  ) cells
  ORDER BY 1, 2, 3`;

export async function loadAnalyticsRows(db: DataSource, query: AnalyticsQuery): Promise<AnalyticsRow[]> {
  const rows: (Omit<AnalyticsRow, 'keySum'> & { keySum: string })[] = await db.query(ANALYTICS_SQL, [query.from, query.to, query.areaId, query.tableId]);
  return rows.map((row) => ({ ...row, keySum: keySumOf(row.keySum) }));
}

export interface ScopeNeighbourhood {
  id: string;
  population: number | null;
}

/** The neighbourhoods `byArea` lists: every one of the scope, with or without discussions, so the list says nothing of the counts. */
export async function loadScopeNeighbourhoods(db: DataSource, query: Pick<AnalyticsQuery, 'areaId' | 'tableId'>): Promise<ScopeNeighbourhood[]> {
  return db.query(
    `SELECT a.id, a.population FROM area a
      WHERE a.kind = 'NEIGHBOURHOOD'
        AND ($1::text IS NULL OR a.id = $1)
        AND ($2::text IS NULL OR a.id IN (SELECT area_id FROM situation_table_catchment WHERE table_id = $2))
      ORDER BY a.id`,
    [query.areaId, query.tableId],
  );
}
