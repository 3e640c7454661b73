import type { ApiError } from '../../api/client';
import type { MapCityYearsQuery, MapIndicatorValuesQuery, SuppressionReason } from '../../gql/graphql';
import { seriesOf } from '../../api/sectors';

export interface MapObservation {
  period: { label: string };
  value: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
}

/** One area's figure for the chosen indicator and year, as the map, the table and the CSV show it. */
export interface MapRow {
  id: string;
  name: string;
  value: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  /** The sector's figures came back null with an authorization error: not shown to this viewer's role. */
  notAllowed: boolean;
  /** 1 for the highest shown value; ties share a rank; none when there is no shown value. */
  rank?: number;
}

const REFUSED = new Set(['UNAUTHORIZED_FIELD_OR_TYPE', 'FORBIDDEN']);

/** Indexes of the areas whose sector profile the hub refused this viewer, from the errors' paths. */
export function refusedAreas(errors: ApiError[], root: string): Set<number> {
  const refused = new Set<number>();
  for (const error of errors) {
    if (!REFUSED.has(error.extensions?.code ?? '') || error.path?.[0] !== root || typeof error.path[1] !== 'number') continue;
    refused.add(error.path[1]);
  }
  return refused;
}

export function rankRows(rows: MapRow[], value: (row: MapRow) => number | null = (row) => (row.suppressed ? null : row.value)): MapRow[] {
  const shown = rows.map(value).filter((v): v is number => v != null).sort((a, b) => b - a);
  return rows.map((row) => {
    const v = value(row);
    return { ...row, rank: v == null ? undefined : shown.indexOf(v) + 1 };
  });
}

export function mapRows(data: MapIndicatorValuesQuery, errors: ApiError[], sector: string, indicatorId: string, year: number): MapRow[] {
  const refused = refusedAreas(errors, 'areas');
  const rows = data.areas.map((area, index): MapRow => {
    const observation = (seriesOf<MapObservation>(area, sector, indicatorId) as MapObservation[]).find((o) => o.period.label === String(year));
    return {
      id: area.id,
      name: area.name,
      value: observation?.suppressed ? null : (observation?.value ?? null),
      perturbed: observation?.perturbed ?? false,
      suppressed: observation?.suppressed ?? false,
      suppressionReason: observation?.suppressionReason ?? null,
      notAllowed: refused.has(index) && !observation,
    };
  });
  return rankRows(rows);
}

/** The city's own figure for the year, to read the areas against. */
export function cityObservation(data: MapCityYearsQuery, sector: string, indicatorId: string, year: number): MapObservation | undefined {
  const city = data.city[0];
  return city && (seriesOf<MapObservation>(city, sector, indicatorId) as MapObservation[]).find((o) => o.period.label === String(year));
}
