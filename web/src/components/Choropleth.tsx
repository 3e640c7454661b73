import { geoMercator, geoPath } from 'd3-geo';
import type { Geometry, Position } from 'geojson';
import { useMemo, useRef, useState } from 'preact/hooks';
import { onLinkClick } from '../app/router';
import { HATCH_INK, NO_DATA_FILL, type Classing } from './classes';

/** One area as the map draws it. */
export interface ChoroplethArea {
  id: string;
  name: string;
  geometry: Geometry | null;
  /** The shown value; null when withheld or missing. */
  value: number | null;
  withheld: boolean;
  /** What hovering or focusing the area says: its name, value and mark, in words. */
  description: string;
  /** Where choosing the area goes (its profile). */
  href: string;
}

/** Twice the signed area of a lon/lat ring: positive when counter-clockwise. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum;
}

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo reads rings on the sphere and takes
 * a counter-clockwise outer ring for the whole globe but the area. Outer rings clockwise, holes not.
 */
export function forD3(geometry: Geometry): Geometry {
  const wind = (rings: Position[][]) => rings.map((ring, index) => ((index === 0) === ringArea(ring) > 0 ? [...ring].reverse() : ring));
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: wind(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(wind) };
  return geometry;
}

const WIDTH = 720;
const MAX_HEIGHT = 560;
const PADDING = 10;

/** The id of the withheld hatch pattern; one map per page, so one id. */
export const HATCH_ID = 'choropleth-hatch';

export function HatchPattern({ id = HATCH_ID }: { id?: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#fff" />
      <line x1="0" y1="0" x2="0" y2="8" stroke={HATCH_INK} stroke-width="3" />
    </pattern>
  );
}

/**
 * A choropleth of areas' values, projected to fit (no tiles). Every area is a link: Tab reaches it,
 * its value is announced (tooltip and live region), Enter or a click opens it.
 */
export function Choropleth({ areas, classing, title, summary, testId }: { areas: ChoroplethArea[]; classing: Classing; title: string; summary: string; testId?: string }) {
  const [active, setActive] = useState<{ id: string; x: number; y: number } | undefined>();
  const [announced, setAnnounced] = useState('');
  const frame = useRef<HTMLDivElement>(null);
  const drawn = useMemo(() => {
    const shapes = areas.filter((a): a is ChoroplethArea & { geometry: Geometry } => a.geometry != null);
    const collection = { type: 'FeatureCollection' as const, features: shapes.map((a) => ({ type: 'Feature' as const, properties: {}, geometry: forD3(a.geometry) })) };
    const projection = geoMercator();
    if (shapes.length > 0) projection.fitExtent([[PADDING, PADDING], [WIDTH - PADDING, MAX_HEIGHT - PADDING]], collection);
    const path = geoPath(projection);
    // The drawing's own box: no band of white around a city narrower or flatter than the frame.
    const [[left, top], [right, bottom]] = shapes.length > 0 ? path.bounds(collection) : [[0, 0], [WIDTH, MAX_HEIGHT]];
    return {
      x: Math.floor(left - PADDING),
      y: Math.floor(top - PADDING),
      width: Math.ceil(right - left + 2 * PADDING),
      height: Math.ceil(bottom - top + 2 * PADDING),
      shapes: shapes.map((area, index) => ({ area, d: path(collection.features[index].geometry) ?? '', centroid: path.centroid(collection.features[index].geometry) })),
    };
  }, [areas]);
  const fillOf = (area: ChoroplethArea) => (area.withheld ? `url(#${HATCH_ID})` : area.value == null ? NO_DATA_FILL : classing.colourOf(area.value));
  const show = (id: string, x: number, y: number, description: string) => {
    setActive({ id, x, y });
    setAnnounced(description);
  };
  /** From SVG user units to pixels inside the frame, for the tooltip of a focused (not hovered) area. */
  const toFrame = (point: [number, number]): [number, number] => {
    const svg = frame.current?.querySelector('svg');
    if (!svg) return point;
    const box = svg.getBoundingClientRect();
    // The drawing is scaled to fit the box and centred (preserveAspectRatio's default).
    const scale = Math.min(box.width / drawn.width, box.height / drawn.height);
    const offsetX = (box.width - drawn.width * scale) / 2;
    const offsetY = (box.height - drawn.height * scale) / 2;
    return [offsetX + (point[0] - drawn.x) * scale, offsetY + (point[1] - drawn.y) * scale];
  };
  const highlighted = drawn.shapes.find((d) => d.area.id === active?.id);
  return (
    <div class="choropleth" ref={frame} data-testid={testId ?? 'choropleth'} onMouseLeave={() => setActive(undefined)}>
      <svg viewBox={`${drawn.x} ${drawn.y} ${drawn.width} ${drawn.height}`} class="choropleth-svg" role="group" aria-label={`${title}. ${summary}`}>
        <title>{title}</title>
        <desc>{summary}</desc>
        <defs>
          <HatchPattern />
        </defs>
        {drawn.shapes.map(({ area, d, centroid }) => (
          <a
            key={area.id}
            href={area.href}
            onClick={onLinkClick}
            aria-label={area.description}
            data-area={area.id}
            data-withheld={area.withheld ? 'true' : undefined}
            onMouseMove={(event: MouseEvent) => {
              const box = frame.current!.getBoundingClientRect();
              show(area.id, event.clientX - box.left, event.clientY - box.top, area.description);
            }}
            onFocus={() => {
              const [x, y] = toFrame(centroid as [number, number]);
              show(area.id, x, y, area.description);
            }}
            onBlur={() => setActive(undefined)}
          >
            <path d={d} fill={fillOf(area)} class="choropleth-area" />
          </a>
        ))}
        {highlighted && <path d={highlighted.d} class="choropleth-highlight" aria-hidden="true" />}
      </svg>
      {active && highlighted && (
        <div class="tooltip choropleth-tooltip" style={{ left: `${active.x + 12}px`, top: `${active.y + 12}px` }} aria-hidden="true" data-testid="map-tooltip">
          {highlighted.area.description}
        </div>
      )}
      <p class="visually-hidden" aria-live="polite" data-testid="map-announcer">
        {announced}
      </p>
    </div>
  );
}
