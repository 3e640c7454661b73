import type { AreaGeometry, Position, Ring } from '../geometry/Geometry';

export interface BoundaryFeature {
  /** The feature's index in the file's `features` array. */
  index: number;
  id: string;
  geometry: AreaGeometry;
}

export interface BoundaryFile {
  features: BoundaryFeature[];
  /** Each problem found, naming the feature (`features[3] ("lakeshore-n004")`) and the rule. */
  problems: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The position's problem, or its [longitude, latitude] (an altitude is dropped). */
function readPosition(value: unknown): Position | string {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every((n) => typeof n === 'number')) {
    return 'a position must be [longitude, latitude] (numbers)';
  }
  const [longitude, latitude] = value as number[];
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) return `longitude ${longitude} is not from -180 to 180`;
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) return `latitude ${latitude} is not from -90 to 90`;
  return [longitude, latitude];
}

/** A ring's positions, or its problems (each with its JSON path under the feature). */
function readRing(value: unknown, path: string, problems: string[]): Ring | undefined {
  if (!Array.isArray(value)) {
    problems.push(`${path} must be a ring: an array of positions`);
    return undefined;
  }
  const ring: Ring = [];
  value.forEach((item, i) => {
    const position = readPosition(item);
    if (typeof position === 'string') problems.push(`${path}[${i}]: ${position}`);
    else ring.push(position);
  });
  if (ring.length < value.length) return undefined;
  if (ring.length < 4) {
    problems.push(`${path}: a ring needs at least 4 positions, it has ${ring.length}`);
    return undefined;
  }
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.push(`${path}: the ring is not closed: its last position must repeat its first`);
    return undefined;
  }
  return ring;
}

function readPolygon(value: unknown, path: string, problems: string[]): Ring[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${path} must be a polygon: a non-empty array of rings`);
    return undefined;
  }
  const rings = value.map((ring, r) => readRing(ring, `${path}[${r}]`, problems));
  return rings.every((ring) => ring) ? (rings as Ring[]) : undefined;
}

function readGeometry(value: unknown, problems: string[]): AreaGeometry | undefined {
  const type = isObject(value) ? value.type : undefined;
  if (!isObject(value) || (type !== 'Polygon' && type !== 'MultiPolygon')) {
    problems.push(`geometry type must be Polygon or MultiPolygon, not ${JSON.stringify(type ?? null)}`);
    return undefined;
  }
  if (type === 'Polygon') {
    const polygon = readPolygon(value.coordinates, 'geometry.coordinates', problems);
    return polygon && { type, coordinates: polygon };
  }
  if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) {
    problems.push('geometry.coordinates must be a non-empty array of polygons');
    return undefined;
  }
  const polygons = value.coordinates.map((polygon, p) => readPolygon(polygon, `geometry.coordinates[${p}]`, problems));
  return polygons.every((polygon) => polygon) ? { type, coordinates: polygons as Ring[][] } : undefined;
}

/**
 * Reads a GeoJSON FeatureCollection of area boundaries: each feature's `properties.id` names an
 * area, its geometry is a Polygon or MultiPolygon of closed rings of at least 4 positions, with
 * longitudes from -180 to 180 and latitudes from -90 to 90; no id twice. Whether the ids are in
 * the area registry is for the caller to check.
 */
export function readBoundaryFile(text: string): BoundaryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { features: [], problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return { features: [], problems: ['expected a GeoJSON FeatureCollection: an object with "type": "FeatureCollection" and a "features" array'] };
  }
  const features: BoundaryFeature[] = [];
  const problems: string[] = [];
  const indexOfId = new Map<string, number>();
  json.features.forEach((feature: unknown, index) => {
    const id = isObject(feature) && isObject(feature.properties) ? feature.properties.id : undefined;
    const label = `features[${index}]${typeof id === 'string' && id ? ` (${JSON.stringify(id)})` : ''}`;
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push(`${label}: expected an object with "type": "Feature"`);
      return;
    }
    const featureProblems: string[] = [];
    if (typeof id !== 'string' || !id) featureProblems.push('properties.id must be the id of an area (a non-empty string)');
    else if (indexOfId.has(id)) featureProblems.push(`duplicate id: features[${indexOfId.get(id)}] has it too`);
    else indexOfId.set(id, index);
    const geometry = readGeometry(feature.geometry, featureProblems);
    if (featureProblems.length) problems.push(...featureProblems.map((problem) => `${label}: ${problem}`));
    else features.push({ index, id: id as string, geometry: geometry! });
  });
  return { features, problems };
}
