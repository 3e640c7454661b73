import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSeed } from '@cswb/contract/config';
import { PROJECT_ROOT } from '@cswb/cli';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { AreaGeometry, syntheticBoundaries } from '@cswb/subgraph-planning';
import { cswb, dropSectorDatabases, freshSectorDatabase } from '@cswb/testing/cli';
import { writeFileIn } from '@cswb/testing/files';
import { queryRows } from '@cswb/testing/database';

/** `cswb import planning boundaries <file.geojson>`: the built CLI in a child process against a real database. */

jest.setTimeout(180_000);

// freshSectorDatabase registers the areas of the `small` city of seed 1.
const boundaries = syntheticBoundaries(createSyntheticCity('small', 1));
const [firstId, secondId] = [...boundaries.keys()];
const feature = (id: unknown, geometry: unknown) => ({ type: 'Feature', properties: { id }, geometry });
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const GOOD = feature(firstId, boundaries.get(firstId));
const square = (ring: unknown[]) => ({ type: 'Polygon', coordinates: [ring] });

let tmp: string;
let url: string;
let env: Record<string, string>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-import-boundaries-'));
  ({ url, env } = await freshSectorDatabase('planning'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropSectorDatabases();
});

const stored = async () => {
  const rows = await queryRows<{ area_id: string; geometry: AreaGeometry }>(url, 'SELECT area_id, geometry FROM area_boundary ORDER BY area_id');
  return new Map(rows.map((row) => [row.area_id, row.geometry]));
};
const importText = (name: string, text: string) => cswb(['import', 'planning', 'boundaries', writeFileIn(tmp, name, text)], env);

describe('cswb import planning boundaries', () => {
  it('imports a FeatureCollection, and again changes nothing; a changed boundary is updated', async () => {
    const all = collection([...boundaries].map(([id, geometry]) => feature(id, geometry)));
    const first = await importText('all.geojson', all);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^planning\/boundaries: 29 rows read, 29 inserted, 0 updated, 0 unchanged, 0 rejected in /);
    expect(await stored()).toEqual(boundaries);

    const again = await importText('all.geojson', all);
    expect(again.stdout).toMatch(/^planning\/boundaries: 29 rows read, 0 inserted, 0 updated, 29 unchanged, 0 rejected in /);

    const moved = square([[-79.2, 43.8], [-79.1, 43.8], [-79.1, 43.9], [-79.2, 43.8]]);
    const changed = await importText('one.geojson', collection([feature(secondId, moved)]));
    expect(changed.stdout).toMatch(/^planning\/boundaries: 1 rows read, 0 inserted, 1 updated, 0 unchanged, 0 rejected in /);
    expect((await stored()).get(secondId)).toEqual(moved);
  });

  it('imports its sample in docs/import-samples, documented in docs/import.md', async () => {
    const sample = path.join(PROJECT_ROOT, 'docs', 'import-samples', 'planning', 'boundaries.geojson');
    const result = await cswb(['import', 'planning', 'boundaries', sample], env);
    expect(result.stdout).toMatch(/^planning\/boundaries: 7 rows read, /);
    expect(result.code).toBe(0);
    const { features } = JSON.parse(fs.readFileSync(sample, 'utf8'));
    const rows = await stored();
    for (const { properties, geometry } of features) expect(rows.get(properties.id)).toEqual(geometry);
    // Ward 1 of the city `npm start` seeds (the default seed), as seeded: importing it there changes nothing.
    const seeded = syntheticBoundaries(createSyntheticCity('small', readSeed({})));
    for (const { properties, geometry } of features) expect({ id: properties.id, geometry }).toEqual({ id: properties.id, geometry: seeded.get(properties.id) });
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'import.md'), 'utf8')).toContain('## planning boundaries');
  });

  const notJson = 'not json';
  const jsonError = (() => {
    try {
      JSON.parse(notJson);
    } catch (error) {
      return (error as Error).message;
    }
  })();
  const closedRing = [[-79.2, 43.8], [-79.1, 43.8], [-79.1, 43.9], [-79.2, 43.8]];
  it.each([
    ['not JSON', notJson, `not valid JSON: ${jsonError}; nothing was written`],
    [
      'not a FeatureCollection',
      JSON.stringify({ type: 'Feature', properties: { id: firstId } }),
      'expected a GeoJSON FeatureCollection: an object with "type": "FeatureCollection" and a "features" array; nothing was written',
    ],
    ['a feature that is not a Feature', collection([GOOD, { type: 'Polygon' }]), '1 invalid feature; nothing was written\nfeatures[1]: expected an object with "type": "Feature"'],
    [
      'no area id',
      collection([GOOD, feature(7, square(closedRing))]),
      '1 invalid feature; nothing was written\nfeatures[1]: properties.id must be the id of an area (a non-empty string)',
    ],
    ['a repeated id', collection([GOOD, GOOD]), `1 invalid feature; nothing was written\nfeatures[1] ("${firstId}"): duplicate id: features[0] has it too`],
    [
      'a geometry neither Polygon nor MultiPolygon',
      collection([GOOD, feature(secondId, { type: 'Point', coordinates: [-79.2, 43.8] })]),
      `1 invalid feature; nothing was written\nfeatures[1] ("${secondId}"): geometry type must be Polygon or MultiPolygon, not "Point"`,
    ],
    [
      'a ring that is not closed',
      collection([GOOD, feature(secondId, { type: 'MultiPolygon', coordinates: [[closedRing], [closedRing.slice(0, 3).concat([[-79.3, 43.8]])]] })]),
      `1 invalid feature; nothing was written\nfeatures[1] ("${secondId}"): geometry.coordinates[1][0]: the ring is not closed: its last position must repeat its first`,
    ],
    [
      'a ring of fewer than 4 positions',
      collection([GOOD, feature(secondId, square([closedRing[0], closedRing[1], closedRing[0]]))]),
      `1 invalid feature; nothing was written\nfeatures[1] ("${secondId}"): geometry.coordinates[0]: a ring needs at least 4 positions, it has 3`,
    ],
    [
      'a longitude or latitude out of range, or not a number',
      collection([GOOD, feature(secondId, square([[-79.2, 43.8], [-190, 43.8], [-79.1, 91], [-79.1, '43.9'], [-79.2, 43.8]]))]),
      [
        '1 invalid feature; nothing was written',
        `features[1] ("${secondId}"): geometry.coordinates[0][1]: longitude -190 is not from -180 to 180`,
        `features[1] ("${secondId}"): geometry.coordinates[0][2]: latitude 91 is not from -90 to 90`,
        `features[1] ("${secondId}"): geometry.coordinates[0][3]: a position must be [longitude, latitude] (numbers)`,
      ].join('\n'),
    ],
    [
      'an id the area registry does not have',
      collection([GOOD, feature('atlantis', square(closedRing))]),
      '1 invalid feature; nothing was written\nfeatures[1] ("atlantis"): no area "atlantis" in the area registry',
    ],
  ])('refuses %s, naming the feature and the rule, and writes nothing', async (_rule, text, message) => {
    const before = await stored();
    const file = writeFileIn(tmp, 'bad.geojson', text);
    const result = await cswb(['import', 'planning', 'boundaries', file], env);
    expect(result.stderr).toBe(`cswb import: ${file}: ${message}\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(await stored()).toEqual(before);
  });

  it('lists at most 20 problems, then how many more', async () => {
    const features = Array.from({ length: 25 }, () => feature('', square(closedRing)));
    const result = await importText('many.geojson', collection(features));
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/: 25 invalid features; nothing was written$/);
    expect(lines.slice(1, 21)).toEqual(features.slice(0, 20).map((_, i) => `features[${i}]: properties.id must be the id of an area (a non-empty string)`));
    expect(lines[21]).toBe('… and 5 more');
    expect(result.code).toBe(1);
  });

  it('refuses --skip-invalid (a boundary file is all or nothing), and lists the dataset among the known ones', async () => {
    const skip = await cswb(['import', 'planning', 'boundaries', writeFileIn(tmp, 'skip.geojson', collection([GOOD])), '--skip-invalid'], env);
    expect(skip.code).toBe(2);
    expect(skip.stderr).toBe('cswb import: --skip-invalid does not apply to planning boundaries: the file is imported whole or not at all\n');
    const unknown = await cswb(['import', 'planning', 'nosuch', writeFileIn(tmp, 'any.geojson', collection([GOOD]))], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('planning boundaries');
  });
});
