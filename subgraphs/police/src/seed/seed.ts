import { deriveSyntheticRecordKeys } from '@cswb/subgraph-kit/privacy';
import { bulkInsert, refreshRollups } from '@cswb/subgraph-kit/db';
import { SeedOptions, SeedReport } from '@cswb/subgraph-kit/server';
import { POLICE_ROLLUPS } from '../rollups';
import type { DataSource } from 'typeorm';
import { GeneratedCall, GeneratedOccurrence, generatePoliceRecords, POLICE_AGENCY_NAMES } from './generate';

export async function isSeeded(db: DataSource): Promise<boolean> {
  const [{ exists }] = await db.query('SELECT EXISTS (SELECT 1 FROM police_occurrence) AS exists');
  return exists;
}

const FLUSH_AT = 50_000;

/** Writes the synthetic police records in one transaction, in chunks of bulk inserts. */
export async function seed(db: DataSource, options: SeedOptions): Promise<SeedReport> {
  const rows = { police_occurrence: 0, police_call_for_service: 0, police_agency: 0 };
  await db.transaction(async (manager) => {
    rows.police_agency = await bulkInsert(manager, 'police_agency', [
      { name: 'id', type: 'text[]', value: ([id]: [string, string]) => id },
      { name: 'name', type: 'text[]', value: ([, name]) => name },
    ], Object.entries(POLICE_AGENCY_NAMES));
    let occurrences: GeneratedOccurrence[] = [];
    let calls: GeneratedCall[] = [];
    const flush = async () => {
      rows.police_occurrence += await bulkInsert(manager, 'police_occurrence', [
        { name: 'occurrence_number', type: 'text[]', value: (o: GeneratedOccurrence) => o.occurrenceNumber },
        { name: 'agency_id', type: 'text[]', value: (o) => o.agencyId },
        { name: 'occurred_on', type: 'date[]', value: (o) => o.occurredOn },
        { name: 'area_id', type: 'text[]', value: (o) => o.areaId },
        { name: 'category', type: 'text[]', value: (o) => o.category },
        { name: 'premises_type', type: 'text[]', value: (o) => o.premisesType },
        { name: 'cleared', type: 'boolean[]', value: (o) => o.cleared },
      ], occurrences);
      rows.police_call_for_service += await bulkInsert(manager, 'police_call_for_service', [
        { name: 'call_number', type: 'text[]', value: (c: GeneratedCall) => c.callNumber },
        { name: 'agency_id', type: 'text[]', value: (c) => c.agencyId },
        { name: 'received_on', type: 'date[]', value: (c) => c.receivedOn },
        { name: 'area_id', type: 'text[]', value: (c) => c.areaId },
        { name: 'call_type', type: 'text[]', value: (c) => c.callType },
        { name: 'mha_apprehension', type: 'boolean[]', value: (c) => c.mhaApprehension },
      ], calls);
      options.progress?.(`police: ${rows.police_occurrence} occurrences, ${rows.police_call_for_service} calls`);
      occurrences = [];
      calls = [];
    };
    for (const batch of generatePoliceRecords(options.city)) {
      occurrences.push(...batch.occurrences);
      calls.push(...batch.calls);
      if (occurrences.length + calls.length >= FLUSH_AT) await flush();
    }
    await flush();
    await manager.query('ANALYZE police_occurrence; ANALYZE police_call_for_service');
    await deriveSyntheticRecordKeys(manager, 'police_occurrence', ['occurrence_number']);
    await deriveSyntheticRecordKeys(manager, 'police_call_for_service', ['call_number']);
    await refreshRollups(manager, POLICE_ROLLUPS);
  });
  return { rows };
}
