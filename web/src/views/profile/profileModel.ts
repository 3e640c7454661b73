import type { ApiError } from '../../api/client';
import type { ProfileAreaQuery } from '../../gql/graphql';
import { type AreaValues, areaValues, type CatalogueEntry, type Cell, cellOf } from './indicatorData';

/** One column of the profile: the area, its ward, the city. */
export interface ProfileColumn {
  id: string;
  name: string;
  kind: string;
  values: AreaValues;
}

/** The area and its parent chain as columns, each with its values and refused sectors. */
export function profileColumns(data: ProfileAreaQuery | null, errors: ApiError[]): ProfileColumn[] {
  const columns: ProfileColumn[] = [];
  const path = ['area'];
  let area: ({ id: string; name: string; kind: string; parent?: unknown } & Parameters<typeof areaValues>[0]) | null | undefined = data?.area;
  while (area) {
    columns.push({ id: area.id, name: area.name, kind: area.kind, values: areaValues(area, errors, [...path]) });
    path.push('parent');
    area = area.parent as typeof area;
  }
  return columns;
}

/** One row of the whole profile table: an indicator in a year, with a cell per column. */
export interface ProfileRow {
  indicator: CatalogueEntry;
  year: string;
  cells: Cell[];
}

export function profileRows(indicators: CatalogueEntry[], years: string[], columns: ProfileColumn[]): ProfileRow[] {
  return indicators.flatMap((indicator) => years.map((year) => ({ indicator, year, cells: columns.map((c) => cellOf(c.values, indicator, year)) })));
}

/** Digits worth showing for an indicator: two for small values (shares, low rates), else one. */
export function digitsFor(rows: { cells: Cell[] }[]): number {
  const values = rows.flatMap((r) => r.cells.map((c) => c.value)).filter((v): v is number => v != null);
  return values.length && Math.max(...values.map(Math.abs)) < 10 ? 2 : 1;
}
