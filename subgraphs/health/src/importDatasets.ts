import { NEIGHBOURHOOD_REFERENCE } from '@cswb/subgraph-kit/areas';
import type { ImportDataset } from '@cswb/subgraph-kit/import';
import { HEALTH_ROLLUPS } from './rollups';

/** What `cswb import health <dataset> <file>` accepts: aggregates only, as the unit shares them. */
export const HEALTH_IMPORT_DATASETS: readonly ImportDataset[] = [
  {
    name: 'ed-visits',
    description: 'Monthly emergency department visit counts by neighbourhood, reason, age group and sex',
    table: 'health_ed_visit_count',
    naturalKey: ['area_id', 'month', 'reason', 'age_group', 'sex'],
    columns: [
      { name: 'area_id', type: 'text', required: true, pattern: /[a-z0-9][a-z0-9-]*/, references: NEIGHBOURHOOD_REFERENCE, description: 'neighbourhood id, e.g. lakeshore-n001' },
      { name: 'month', type: 'date', required: true, firstOfMonth: true },
      { name: 'reason', type: 'text', required: true, enum: ['MENTAL_BEHAVIOURAL', 'SUBSTANCE_RELATED', 'OPIOID_POISONING', 'SELF_HARM', 'ASSAULT_INJURY'] },
      { name: 'age_group', type: 'text', required: true, enum: ['0-11', '12-17', '18-24', '25-44', '45-64', '65+'] },
      { name: 'sex', type: 'text', required: true, enum: ['FEMALE', 'MALE'] },
      { name: 'visits', type: 'int', required: true, min: 0 },
    ],
    rollups: HEALTH_ROLLUPS,
  },
];
