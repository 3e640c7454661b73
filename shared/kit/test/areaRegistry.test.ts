import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'graphql';
import { AREAS_IMPORT_DATASET, SHARED_IMPORT_DATASETS } from '@cswb/subgraph-kit/areas';
import { parseImportFile, validateRecords } from '@cswb/subgraph-kit/import';
import { countRepresentations } from '@cswb/subgraph-kit/server';

describe('the areas import dataset', () => {
  const validate = (csv: string) => validateRecords(AREAS_IMPORT_DATASET, parseImportFile(csv, 'csv'));

  it('is offered to every subgraph and accepts the documented sample', () => {
    expect(SHARED_IMPORT_DATASETS.map((d) => d.name)).toEqual(['areas']);
    const sample = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'import-samples', 'areas.csv'), 'utf8');
    const result = validate(sample);
    expect(result.rejected).toEqual([]);
    expect(result.rows.length).toBeGreaterThan(5);
  });

  it('refuses a municipality with a parent, a ward without one, an unknown kind and a negative population', () => {
    const result = validate(
      [
        'id,name,kind,parent_id,population',
        'city,City,MUNICIPALITY,region,100',
        'w1,Ward 1,WARD,,50',
        'n1,North,DISTRICT,w1,10',
        'n2,South,NEIGHBOURHOOD,w1,-1',
        'n3,East,NEIGHBOURHOOD,w1,10',
      ].join('\n'),
    );
    expect(result.rows.map((r) => r.values.id)).toEqual(['n3']);
    expect(result.rejected.map((r) => r.record.line)).toEqual([2, 3, 4, 5]);
  });
});

describe('countRepresentations', () => {
  const count = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as any;
    return countRepresentations(document, operation, variables);
  };

  it('counts every _entities field of the operation: literals, variables, aliases and fragments', () => {
    expect(count('{ _entities(representations: [{__typename: "Area", id: "a"}, {__typename: "Area", id: "b"}]) { __typename } }')).toBe(2);
    expect(count('query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [1, 2, 3] })).toBe(3);
    expect(count('query ($r: [_Any!]!) { a: _entities(representations: $r) { __typename } ...F ... on Query { c: _entities(representations: $r) { __typename } } } fragment F on Query { b: _entities(representations: $r) { __typename } }', { r: [1, 2] })).toBe(6);
    expect(count('query ($r: _Any!) { _entities(representations: [$r]) { __typename } }', { r: {} })).toBe(1);
    expect(count('{ __typename }')).toBe(0);
  });

  it('counts a fragment spread twice once, and nothing of a mutation', () => {
    expect(count('query ($r: [_Any!]!) { ...F ...F } fragment F on Query { _entities(representations: $r) { __typename } }', { r: [1, 2] })).toBe(2);
    expect(count('mutation { x }')).toBe(0);
  });
});
