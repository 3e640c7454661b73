import { NEIGHBOURHOOD_REFERENCE } from '@cswb/subgraph-kit/areas';
import type { ImportColumn, ImportDataset } from '@cswb/subgraph-kit/import';
import { POLICE_ROLLUPS } from './rollups';

/** Columns shared by both police tables: which service holds the record, and where it happened. */
const AREA_ID: ImportColumn = { name: 'area_id', type: 'text', required: true, pattern: /[a-z0-9][a-z0-9-]*/, references: NEIGHBOURHOOD_REFERENCE, description: 'neighbourhood id, e.g. lakeshore-n001' };
const AGENCY_ID_PATTERN = /[a-z0-9][a-z0-9-]*/;
const AGENCY_ID: ImportColumn = {
  name: 'agency_id',
  type: 'text',
  required: true,
  pattern: AGENCY_ID_PATTERN,
  references: { table: 'police_agency', column: 'id', dataset: 'agencies', description: 'a police service of the agency registry' },
  description: 'police service holding the record, e.g. lakeshore-police',
};

/** What `cswb import police <dataset> <file>` accepts; the enums are the tables' CHECK constraints. */
export const POLICE_IMPORT_DATASETS: readonly ImportDataset[] = [
  {
    name: 'agencies',
    description: 'The police services whose records this database holds',
    table: 'police_agency',
    naturalKey: ['id'],
    columns: [
      { name: 'id', type: 'text', required: true, pattern: AGENCY_ID_PATTERN, description: "the service's id, used as agency_id in records and as the agency claim in tokens" },
      { name: 'name', type: 'text', required: true, pattern: /\S.*/, description: 'the name people know it by' },
    ],
    rollups: [],
  },
  {
    name: 'occurrences',
    description: 'De-identified occurrences, one per occurrence number',
    table: 'police_occurrence',
    naturalKey: ['occurrence_number'],
    columns: [
      { name: 'occurrence_number', type: 'text', required: true, pattern: /\S+/, description: "the service's occurrence number" },
      AGENCY_ID,
      { name: 'occurred_on', type: 'date', required: true },
      AREA_ID,
      { name: 'category', type: 'text', required: true, enum: ['VIOLENT', 'PROPERTY', 'OTHER_CRIMINAL_CODE', 'DRUGS', 'TRAFFIC'] },
      { name: 'premises_type', type: 'text', required: true, enum: ['RESIDENCE', 'COMMERCIAL', 'OUTSIDE', 'TRANSIT', 'EDUCATIONAL', 'OTHER'] },
      { name: 'cleared', type: 'boolean', required: true },
    ],
    rollups: POLICE_ROLLUPS,
  },
  {
    name: 'calls',
    description: 'Calls for service, one per call number',
    table: 'police_call_for_service',
    naturalKey: ['call_number'],
    columns: [
      { name: 'call_number', type: 'text', required: true, pattern: /\S+/, description: "the service's call number" },
      AGENCY_ID,
      { name: 'received_on', type: 'date', required: true },
      AREA_ID,
      { name: 'call_type', type: 'text', required: true, enum: ['PERSON_IN_CRISIS', 'DISTURBANCE', 'DOMESTIC', 'WELFARE_CHECK', 'SUSPICIOUS', 'OTHER'] },
      { name: 'mha_apprehension', type: 'boolean', required: true, description: 'a Mental Health Act apprehension: only on PERSON_IN_CRISIS calls' },
    ],
    checks: [
      {
        message: 'mha_apprehension can be true only when call_type is PERSON_IN_CRISIS',
        test: (row) => !row.mha_apprehension || row.call_type === 'PERSON_IN_CRISIS',
      },
    ],
    rollups: POLICE_ROLLUPS,
  },
];
