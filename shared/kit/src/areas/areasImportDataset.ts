import type { ImportDataset, ImportReference } from '../import/ImportDataset';

const AREA_ID = /[a-z0-9][a-z0-9-]*/;

/**
 * `cswb import <subgraph> areas <file>`: the municipality's area registry, which every
 * subgraph keeps a copy of (docs/import.md, "areas"). In a real deployment, load the same file
 * into every subgraph's database; seeded databases are filled from the synthetic city.
 */
export const AREAS_IMPORT_DATASET: ImportDataset = {
  name: 'areas',
  description: "The area registry: the municipality, its wards and neighbourhoods, each with its parent and population",
  table: 'area',
  naturalKey: ['id'],
  columns: [
    { name: 'id', type: 'text', required: true, pattern: AREA_ID, maxLength: 200, description: 'stable area id, e.g. lakeshore-n001' },
    { name: 'name', type: 'text', required: true, pattern: /\S.*/, description: 'the name people know it by' },
    { name: 'kind', type: 'text', required: true, enum: ['MUNICIPALITY', 'WARD', 'NEIGHBOURHOOD'] },
    { name: 'parent_id', type: 'text', required: false, pattern: AREA_ID, description: 'the area it lies within: empty for the municipality' },
    { name: 'population', type: 'int', required: true, min: 0, description: 'residents at the latest census' },
  ],
  checks: [
    {
      message: 'parent_id must be empty for the MUNICIPALITY and set for a WARD or NEIGHBOURHOOD',
      test: (row) => (row.kind === 'MUNICIPALITY') === (row.parent_id === null || row.parent_id === undefined || row.parent_id === ''),
    },
  ],
  rollups: [],
};

/** Datasets every subgraph accepts, before its own. */
export const SHARED_IMPORT_DATASETS: readonly ImportDataset[] = [AREAS_IMPORT_DATASET];

/**
 * A sector's `area_id`: a neighbourhood of the area registry (the subgraph's `area` table), so a
 * file cannot file records under an area the hub does not know (`atlantis-n999`) or a ward.
 */
export const NEIGHBOURHOOD_REFERENCE: ImportReference = {
  table: 'area',
  column: 'id',
  where: { column: 'kind', equals: 'NEIGHBOURHOOD' },
  description: 'a neighbourhood of the area registry',
  dataset: 'areas',
};
