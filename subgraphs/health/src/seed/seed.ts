import { deriveSyntheticRecordKeys } from '@cswb/subgraph-kit/privacy';
import { bulkInsert, refreshRollups } from '@cswb/subgraph-kit/db';
import { SeedOptions, SeedReport } from '@cswb/subgraph-kit/server';
import type { DataSource } from 'typeorm';
import { HEALTH_ROLLUPS } from '../rollups';
import { GeneratedEdVisitCount, GeneratedHospitalizationCount, GeneratedParamedicOverdoseCount, generateHealthCounts } from './generate';

export async function isSeeded(db: DataSource): Promise<boolean> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM health_ed_visit_count) AS exists');
  return exists;
}

const FLUSH_AT = 50_000;

/** Writes the synthetic monthly counts in one transaction, in chunks of bulk inserts. */
export async function seed(db: DataSource, options: SeedOptions): Promise<SeedReport> {
  const rows = { health_ed_visit_count: 0, health_hospitalization_count: 0, health_paramedic_overdose_count: 0 };
  await db.transaction(async (manager) => {
    let edVisits: GeneratedEdVisitCount[] = [];
    let hospitalizations: GeneratedHospitalizationCount[] = [];
    let paramedicCalls: GeneratedParamedicOverdoseCount[] = [];
    const flush = async () => {
      rows.health_ed_visit_count += await bulkInsert(manager, 'health_ed_visit_count', [
        { name: 'area_id', type: 'text[]', value: (v: GeneratedEdVisitCount) => v.areaId },
        { name: 'month', type: 'date[]', value: (v) => v.month },
        { name: 'reason', type: 'text[]', value: (v) => v.reason },
        { name: 'age_group', type: 'text[]', value: (v) => v.ageGroup },
        { name: 'sex', type: 'text[]', value: (v) => v.sex },
        { name: 'visits', type: 'int[]', value: (v) => v.visits },
      ], edVisits);
      rows.health_hospitalization_count += await bulkInsert(manager, 'health_hospitalization_count', [
        { name: 'area_id', type: 'text[]', value: (h: GeneratedHospitalizationCount) => h.areaId },
        { name: 'month', type: 'date[]', value: (h) => h.month },
        { name: 'reason', type: 'text[]', value: (h) => h.reason },
        { name: 'age_group', type: 'text[]', value: (h) => h.ageGroup },
        { name: 'sex', type: 'text[]', value: (h) => h.sex },
        { name: 'admissions', type: 'int[]', value: (h) => h.admissions },
      ], hospitalizations);
      rows.health_paramedic_overdose_count += await bulkInsert(manager, 'health_paramedic_overdose_count', [
        { name: 'area_id', type: 'text[]', value: (p: GeneratedParamedicOverdoseCount) => p.areaId },
        { name: 'month', type: 'date[]', value: (p) => p.month },
        { name: 'age_group', type: 'text[]', value: (p) => p.ageGroup },
        { name: 'sex', type: 'text[]', value: (p) => p.sex },
        { name: 'calls', type: 'int[]', value: (p) => p.calls },
      ], paramedicCalls);
      options.progress?.(
        `health: ${rows.health_ed_visit_count} ED visit cells, ${rows.health_hospitalization_count} hospitalisation cells, ` +
          `${rows.health_paramedic_overdose_count} paramedic cells`,
      );
      edVisits = [];
      hospitalizations = [];
      paramedicCalls = [];
    };
    for (const month of generateHealthCounts(options.city)) {
      edVisits.push(...month.edVisits);
      hospitalizations.push(...month.hospitalizations);
      paramedicCalls.push(...month.paramedicOverdoseCalls);
      if (edVisits.length + hospitalizations.length + paramedicCalls.length >= FLUSH_AT) await flush();
    }
    await flush();
    await manager.query('ANALYZE health_ed_visit_count; ANALYZE health_hospitalization_count; ANALYZE health_paramedic_overdose_count');
    await deriveSyntheticRecordKeys(manager, 'health_ed_visit_count', ['area_id', 'month', 'reason', 'age_group', 'sex']);
    await deriveSyntheticRecordKeys(manager, 'health_hospitalization_count', ['area_id', 'month', 'reason', 'age_group', 'sex']);
    await deriveSyntheticRecordKeys(manager, 'health_paramedic_overdose_count', ['area_id', 'month', 'age_group', 'sex']);
    await refreshRollups(manager, HEALTH_ROLLUPS);
  });
  return { rows };
}
