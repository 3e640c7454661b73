import { NEIGHBOURHOOD_REFERENCE } from '@cswb/subgraph-kit/areas';
import type { ImportColumn, ImportDataset, ImportRowCheck } from '@cswb/subgraph-kit/import';
import { SchoolPanel } from './entities/SchoolPanel';
import { EDUCATION_ROLLUPS } from './rollups';

const AREA_ID: ImportColumn = { name: 'area_id', type: 'text', required: true, pattern: /[a-z0-9][a-z0-9-]*/, references: NEIGHBOURHOOD_REFERENCE, description: 'neighbourhood id, e.g. lakeshore-n001' };
const YEAR = { type: 'int', required: true, min: 1990, max: 2100 } as const;
const COUNT = { type: 'int', required: true, min: 0 } as const;

/** `part BETWEEN 0 AND whole`: the upper bound of a count is another column of the row. */
const atMost = (part: string, whole: string): ImportRowCheck => ({
  message: `${part} must not be more than ${whole}`,
  test: (row) => (row[part] as number) <= (row[whole] as number),
});

/**
 * What `cswb import education <dataset> <file>` accepts, in load order (school-years refer to
 * schools); the rules are the tables' CHECK constraints.
 */
export const EDUCATION_IMPORT_DATASETS: readonly ImportDataset[] = [
  {
    name: 'schools',
    description: 'Schools of the boards, one per school number, with the neighbourhood the school is in',
    table: 'education_school',
    naturalKey: ['school_number'],
    columns: [
      { name: 'school_number', type: 'text', required: true, pattern: /\S+/, description: "the board's school number" },
      { name: 'name', type: 'text', required: true, maxLength: 120 },
      AREA_ID,
      { name: 'board', type: 'text', required: true, maxLength: 120, description: 'the school board' },
      { name: 'panel', type: 'text', required: true, enum: Object.values(SchoolPanel) },
    ],
    rollups: EDUCATION_ROLLUPS,
  },
  {
    name: 'school-years',
    description: 'Enrolment, attendance, discipline and graduation of a school in a school year',
    table: 'education_school_year_stat',
    naturalKey: ['school_number', 'school_year'],
    columns: [
      {
        name: 'school_number',
        type: 'text',
        required: true,
        references: { table: 'education_school', column: 'school_number', dataset: 'schools' },
        description: 'a school already imported',
      },
      { name: 'school_year', ...YEAR, description: 'the calendar year the school year ends in (2024 for 2023-24)' },
      { name: 'enrolment', ...COUNT },
      { name: 'chronically_absent', ...COUNT, description: 'students absent 10 % or more of school days' },
      { name: 'suspended_students', ...COUNT },
      { name: 'expulsions', ...COUNT },
      { name: 'graduation_cohort', ...COUNT, description: 'students of the cohort due to graduate (0 for an elementary school)' },
      { name: 'graduates_on_time', ...COUNT },
    ],
    checks: [
      atMost('chronically_absent', 'enrolment'),
      atMost('suspended_students', 'enrolment'),
      atMost('expulsions', 'enrolment'),
      atMost('graduates_on_time', 'graduation_cohort'),
    ],
    rollups: EDUCATION_ROLLUPS,
  },
  {
    name: 'edi',
    description: 'Early Development Instrument results by neighbourhood and cycle',
    table: 'education_edi_result',
    naturalKey: ['area_id', 'cycle_year'],
    columns: [
      AREA_ID,
      { name: 'cycle_year', ...YEAR, description: 'the year the EDI cycle ends in' },
      { name: 'children_assessed', ...COUNT },
      { name: 'vulnerable_one_or_more', ...COUNT, description: 'children vulnerable on one or more EDI domains' },
    ],
    checks: [atMost('vulnerable_one_or_more', 'children_assessed')],
    rollups: EDUCATION_ROLLUPS,
  },
];
