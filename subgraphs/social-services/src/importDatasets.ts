import { NEIGHBOURHOOD_REFERENCE } from '@cswb/subgraph-kit/areas';
import type { ImportDataset } from '@cswb/subgraph-kit/import';
import { SOCIAL_SERVICES_ROLLUPS } from './rollups';

/** What `cswb import social-services <dataset> <file>` accepts. */
export const SOCIAL_SERVICES_IMPORT_DATASETS: readonly ImportDataset[] = [
  {
    name: 'caseloads',
    description: 'Month-end Ontario Works and ODSP caseloads by neighbourhood',
    table: 'social_services_caseload_month',
    naturalKey: ['area_id', 'month', 'program'],
    columns: [
      { name: 'area_id', type: 'text', required: true, pattern: /[a-z0-9][a-z0-9-]*/, references: NEIGHBOURHOOD_REFERENCE, description: 'neighbourhood id, e.g. lakeshore-n001' },
      { name: 'month', type: 'date', required: true, firstOfMonth: true },
      { name: 'program', type: 'text', required: true, enum: ['ONTARIO_WORKS', 'ODSP'] },
      { name: 'cases', type: 'int', required: true, min: 0 },
      { name: 'beneficiaries', type: 'int', required: true, min: 0, description: 'people in the cases (at least one per case)' },
    ],
    checks: [
      {
        message: 'beneficiaries must be at least cases',
        test: (row) => (row.beneficiaries as number) >= (row.cases as number),
      },
    ],
    rollups: SOCIAL_SERVICES_ROLLUPS,
  },
];
