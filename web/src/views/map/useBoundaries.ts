import type { Geometry } from 'geojson';
import { useMemo } from 'preact/hooks';
import { useQuery } from '../../api/useQuery';
import { type AreaKind, MapBoundariesDocument } from '../../gql/graphql';

/** Simplified enough for a city-wide map, fine enough for a ward's outline. */
export const BOUNDARY_ZOOM = 13;

/** The areas' outlines (one request per kind, shared by the map and the risk views). */
export function useBoundaries(kind: AreaKind) {
  const state = useQuery(MapBoundariesDocument, { kind, zoom: BOUNDARY_ZOOM });
  const byId = useMemo(() => {
    const found = new Map<string, Geometry>();
    if (state.status === 'done') for (const area of state.data?.areas ?? []) if (area.boundary) found.set(area.id, area.boundary as unknown as Geometry);
    return found;
  }, [state]);
  return { state, byId };
}
