import type { FileImport } from '@cswb/subgraph-kit/import';
import { InvalidImportFileError } from '@cswb/subgraph-kit/import';
import type { AreaGeometry } from '../geometry/Geometry';
import { existingAreaIds } from '../store/areaStore';
import { writeBoundaries } from '../store/boundaryStore';
import { readBoundaryFile } from './readBoundaryFile';

/** How many problems the refusal lists before summarising the rest. */
const SHOWN_PROBLEMS = 20;

/** The refusal: how many features are invalid, then the problems, one a line. */
function refusal(problems: readonly string[]): InvalidImportFileError {
  const features = new Set(problems.map((problem) => /^features\[(\d+)\]/.exec(problem)?.[1]).filter((index) => index !== undefined));
  const head = features.size ? `${features.size} invalid feature${features.size > 1 ? 's' : ''}` : problems[0];
  const listed = features.size ? problems : problems.slice(1);
  const more = listed.length > SHOWN_PROBLEMS ? [`… and ${listed.length - SHOWN_PROBLEMS} more`] : [];
  return new InvalidImportFileError([head, ...listed.slice(0, SHOWN_PROBLEMS), ...more].join('\n'));
}

/** `cswb import planning boundaries <file.geojson>`: area boundaries from a GeoJSON FeatureCollection (docs/import.md). */
export const BOUNDARIES_IMPORT: FileImport = {
  name: 'boundaries',
  description: 'Area boundaries: a GeoJSON FeatureCollection, the area id in each feature\'s properties.id',
  async importText(db, text) {
    const file = readBoundaryFile(text);
    if (file.problems.length) throw refusal(file.problems);
    return db.transaction(async (manager) => {
      const known = await existingAreaIds(manager, file.features.map((feature) => feature.id));
      const unknown = file.features.filter((feature) => !known.has(feature.id));
      if (unknown.length) {
        throw refusal(unknown.map((feature) => `features[${feature.index}] (${JSON.stringify(feature.id)}): no area "${feature.id}" in the area registry`));
      }
      const counts = await writeBoundaries(manager, new Map<string, AreaGeometry>(file.features.map((feature) => [feature.id, feature.geometry])));
      return { read: file.features.length, ...counts };
    });
  },
};
