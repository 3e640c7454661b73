import { NEIGHBOURHOOD_REFERENCE } from '@cswb/subgraph-kit/areas';
import type { ImportDataset } from '@cswb/subgraph-kit/import';
import { HOUSING_ROLLUPS } from './rollups';

/** What `cswb import housing <dataset> <file>` accepts. */
export const HOUSING_IMPORT_DATASETS: readonly ImportDataset[] = [
  {
    name: 'area-months',
    description: 'Monthly housing measures by neighbourhood: chronic homelessness and the waitlist (stocks), eviction applications (a flow)',
    table: 'housing_area_month',
    naturalKey: ['area_id', 'month'],
    columns: [
      { name: 'area_id', type: 'text', required: true, pattern: /[a-z0-9][a-z0-9-]*/, references: NEIGHBOURHOOD_REFERENCE, description: 'neighbourhood id, e.g. lakeshore-n001' },
      { name: 'month', type: 'date', required: true, firstOfMonth: true },
      { name: 'chronically_homeless', type: 'int', required: true, min: 0 },
      { name: 'waitlist_households', type: 'int', required: true, min: 0 },
      { name: 'eviction_applications', type: 'int', required: true, min: 0 },
    ],
    rollups: HOUSING_ROLLUPS,
  },
];
