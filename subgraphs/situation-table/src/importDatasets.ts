import { NEIGHBOURHOOD_REFERENCE } from '@cswb/subgraph-kit/areas';
import { ImportColumn, ImportDataset, ImportRowCheck } from '@cswb/subgraph-kit/import';
import { RISK_FACTORS } from '@cswb/subgraph-kit/vocabulary';
import { SituationTableAgeGroup } from './entities/SituationTableAgeGroup';
import { SituationTableConclusion } from './entities/SituationTableConclusion';
import { SituationTableGender } from './entities/SituationTableGender';
import { SituationTableProtectiveFactor } from './entities/SituationTableProtectiveFactor';
import { SituationTableSector } from './entities/SituationTableSector';
import { SituationTableService } from './entities/SituationTableService';
import { SITUATION_TABLE_ROLLUPS } from './rollups';

const SECTORS = Object.values(SituationTableSector);
const TABLE_ID: ImportColumn = {
  name: 'table_id',
  type: 'text',
  required: true,
  pattern: /[a-z0-9]+(-[a-z0-9]+)*/,
  references: { table: 'situation_table_table', column: 'table_id', dataset: 'tables' },
  description: 'a Situation Table already imported, e.g. lakeshore-central',
};
const AREA_ID = { name: 'area_id', type: 'text', pattern: /[a-z0-9][a-z0-9-]*/, references: NEIGHBOURHOOD_REFERENCE, description: 'neighbourhood id, e.g. lakeshore-n001' } as const;

/** What an AER discussion records beyond the minimum; a rejected discussion records none of it. */
const AER_RECORDED = ['area_id', 'age_group', 'gender', 'protective_factors', 'assisting_agencies', 'services_mobilised'];
const AER_ONLY = [...AER_RECORDED, 'conclusion', 'concluded_on', 'risk_factors'];

/** The CHECK constraints of situation_table_discussion, one message per column that breaks them. */
const DISCUSSION_CHECKS: readonly ImportRowCheck[] = [
  {
    message: 'aer_met must be true when filter_reached is 3 or 4 and false when it is 1 or 2',
    test: (row) => row.aer_met === ((row.filter_reached as number) >= 3),
  },
  ...AER_ONLY.map((name) => ({
    message: `${name} must be blank when aer_met is false: a rejected discussion keeps only discussed_on, table_id, originating_agency and filter_reached`,
    test: (row: Readonly<Record<string, unknown>>) => row.aer_met === true || row[name] === null,
  })),
  ...AER_RECORDED.map((name) => ({
    message: `${name} is required when aer_met is true (a list column may be [] for none)`,
    test: (row: Readonly<Record<string, unknown>>) => row.aer_met === false || row[name] !== null,
  })),
  {
    message: 'conclusion and concluded_on go together: give both or neither',
    test: (row) => (row.conclusion === null) === (row.concluded_on === null),
  },
  {
    message: 'concluded_on must not be before discussed_on',
    test: (row) => row.concluded_on === null || (row.concluded_on as string) >= (row.discussed_on as string),
  },
];

/**
 * What `cswb import situation-table <dataset> <file>` accepts, in load order (catchments and
 * discussions refer to tables). The Risk-driven Tracking Database is de-identified: codes,
 * dates, a neighbourhood; no column could hold a name, an address or free text.
 */
export const SITUATION_TABLE_IMPORT_DATASETS: readonly ImportDataset[] = [
  {
    name: 'tables',
    description: 'The Situation Tables of the municipality',
    table: 'situation_table_table',
    naturalKey: ['table_id'],
    columns: [{ name: 'table_id', type: 'text', required: true, pattern: /[a-z0-9]+(-[a-z0-9]+)*/, description: 'lower-case words joined by -, e.g. lakeshore-central' }],
    rollups: SITUATION_TABLE_ROLLUPS,
  },
  {
    name: 'catchments',
    description: 'The neighbourhoods each table serves, with their share of its residents',
    table: 'situation_table_catchment',
    // A neighbourhood belongs to one table (area_id is UNIQUE): a file moving it to another table updates it.
    naturalKey: ['area_id'],
    columns: [
      TABLE_ID,
      { ...AREA_ID, required: true },
      { name: 'population_share', type: 'numeric', required: true, min: 0, max: 1, description: "the neighbourhood's share of the residents the table serves" },
    ],
    checks: [{ message: 'population_share must be more than 0', test: (row) => Number(row.population_share) > 0 }],
    rollups: SITUATION_TABLE_ROLLUPS,
  },
  {
    name: 'discussions',
    description: 'De-identified discussions of the Risk-driven Tracking Database, one per discussion id, with their risk factors',
    table: 'situation_table_discussion',
    naturalKey: ['discussion_id'],
    columns: [
      { name: 'discussion_id', type: 'text', required: true, pattern: /[a-z0-9-]+-[0-9]{4}-[0-9]{4}/, description: 'table id, year, number: lakeshore-central-2024-0001' },
      { name: 'discussed_on', type: 'date', required: true },
      TABLE_ID,
      { name: 'originating_agency', type: 'text', required: true, enum: SECTORS, description: 'sector of the agency that brought the situation' },
      { name: 'filter_reached', type: 'int', required: true, min: 1, max: 4, description: 'the last filter of the Four Filter Approach reached' },
      { name: 'aer_met', type: 'boolean', required: true, description: 'acutely elevated risk found: true exactly when filter_reached is 3 or 4' },
      { ...AREA_ID, required: false },
      { name: 'age_group', type: 'text', required: false, enum: Object.values(SituationTableAgeGroup) },
      { name: 'gender', type: 'text', required: false, enum: Object.values(SituationTableGender) },
      { name: 'protective_factors', type: 'text[]', required: false, enum: Object.values(SituationTableProtectiveFactor) },
      { name: 'assisting_agencies', type: 'text[]', required: false, enum: SECTORS, description: 'sectors of the agencies that helped' },
      { name: 'services_mobilised', type: 'text[]', required: false, enum: Object.values(SituationTableService) },
      { name: 'conclusion', type: 'text', required: false, enum: Object.values(SituationTableConclusion) },
      { name: 'concluded_on', type: 'date', required: false },
    ],
    checks: DISCUSSION_CHECKS,
    children: [
      {
        column: {
          name: 'risk_factors',
          type: 'text[]',
          required: false,
          enum: RISK_FACTORS.map((factor) => factor.code),
          description: "codes of the RTD's risk-factor taxonomy",
        },
        table: 'situation_table_discussion_risk_factor',
        parentKey: ['discussion_id'],
        valueColumn: 'factor_code',
      },
    ],
    rollups: SITUATION_TABLE_ROLLUPS,
  },
];
