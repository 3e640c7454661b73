import { deriveSyntheticRecordKeys } from '@cswb/subgraph-kit/privacy';
import { bulkInsert, refreshRollups } from '@cswb/subgraph-kit/db';
import { SeedOptions, SeedReport } from '@cswb/subgraph-kit/server';
import type { DataSource } from 'typeorm';
import { SITUATION_TABLE_ROLLUPS } from '../rollups';
import { GeneratedCatchment, GeneratedDiscussion, GeneratedTable, generateSituationTableRecords, SituationTableBatch } from './generate';

export async function isSeeded(db: DataSource): Promise<boolean> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM situation_table_table) AS exists');
  return exists;
}

const FLUSH_AT = 20_000;

interface FactorRow {
  discussionId: string;
  factorCode: string;
}

/** Writes the synthetic Situation Table records in one transaction, in chunks of bulk inserts. */
export async function seed(db: DataSource, options: SeedOptions): Promise<SeedReport> {
  const rows = {
    situation_table_table: 0,
    situation_table_catchment: 0,
    situation_table_discussion: 0,
    situation_table_discussion_risk_factor: 0,
  };
  await db.transaction(async (manager) => {
    let pending: SituationTableBatch = { tables: [], catchments: [], discussions: [] };
    const flush = async () => {
      const { tables, catchments, discussions } = pending;
      rows.situation_table_table += await bulkInsert(manager, 'situation_table_table', [
        { name: 'table_id', type: 'text[]', value: (t: GeneratedTable) => t.tableId },
      ], tables);
      rows.situation_table_catchment += await bulkInsert(manager, 'situation_table_catchment', [
        { name: 'table_id', type: 'text[]', value: (c: GeneratedCatchment) => c.tableId },
        { name: 'area_id', type: 'text[]', value: (c) => c.areaId },
        { name: 'population_share', type: 'numeric[]', value: (c) => c.populationShare },
      ], catchments);
      // unnest cannot take arrays of arrays of different lengths: list columns travel as text
      // (`{A,B}`, null for a rejected discussion) and are cast back to text[] per row.
      const list = (values: readonly string[] | null) => (values === null ? null : `{${values.join(',')}}`);
      const discussionColumns = [
        'discussion_id', 'discussed_on', 'table_id', 'originating_agency', 'filter_reached', 'aer_met', 'area_id', 'age_group', 'gender',
        'protective_factors', 'assisting_agencies', 'services_mobilised', 'conclusion', 'concluded_on',
      ];
      const values = (d: GeneratedDiscussion) => [
        d.discussionId, d.discussedOn, d.tableId, d.originatingAgency, d.filterReached, d.aerMet, d.areaId, d.ageGroup, d.gender,
        list(d.protectiveFactors), list(d.assistingAgencies), list(d.servicesMobilised), d.conclusion, d.concludedOn,
      ];
      const types = ['text', 'date', 'text', 'text', 'smallint', 'boolean', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'date'];
      if (discussions.length) {
        const table = discussions.map(values);
        const columns = discussionColumns.map((_, i) => table.map((row) => row[i]));
        await manager.query(
          `INSERT INTO situation_table_discussion (${discussionColumns.join(', ')})
           SELECT u.c1, u.c2, u.c3, u.c4, u.c5, u.c6, u.c7, u.c8, u.c9, u.c10::text[], u.c11::text[], u.c12::text[], u.c13, u.c14
             FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
               AS u(${discussionColumns.map((_, i) => `c${i + 1}`).join(', ')})`,
          columns,
        );
        rows.situation_table_discussion += discussions.length;
      }
      const factors: FactorRow[] = discussions.flatMap((d) => (d.riskFactors ?? []).map((factorCode) => ({ discussionId: d.discussionId, factorCode })));
      rows.situation_table_discussion_risk_factor += await bulkInsert(manager, 'situation_table_discussion_risk_factor', [
        { name: 'discussion_id', type: 'text[]', value: (f: FactorRow) => f.discussionId },
        { name: 'factor_code', type: 'text[]', value: (f) => f.factorCode },
      ], factors);
      options.progress?.(`situation-table: ${rows.situation_table_table} tables, ${rows.situation_table_discussion} discussions`);
      pending = { tables: [], catchments: [], discussions: [] };
    };
    for (const batch of generateSituationTableRecords(options.city)) {
      pending.tables.push(...batch.tables);
      pending.catchments.push(...batch.catchments);
      pending.discussions.push(...batch.discussions);
      if (pending.discussions.length >= FLUSH_AT) await flush();
    }
    await flush();
    await manager.query(Object.keys(rows).map((table) => `ANALYZE ${table}`).join('; '));
    await deriveSyntheticRecordKeys(manager, 'situation_table_discussion', ['discussion_id']);
    await refreshRollups(manager, SITUATION_TABLE_ROLLUPS);
  });
  return { rows };
}
