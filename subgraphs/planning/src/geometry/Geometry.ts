/** A GeoJSON position: longitude, latitude (WGS 84 degrees). */
export type Position = [number, number];
/** A closed ring: the first position repeated as the last. */
export type Ring = Position[];
/** The rings of one polygon: the exterior first, then any holes. */
export type PolygonRings = Ring[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: PolygonRings;
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: PolygonRings[];
}

/** An area's boundary, as GeoJSON (RFC 7946) geometry. */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** The polygons of a geometry, whichever its type. */
export function polygonsOf(geometry: AreaGeometry): PolygonRings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A geometry of the same type with the given polygons. */
export function withPolygons(geometry: AreaGeometry, polygons: PolygonRings[]): AreaGeometry {
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}
