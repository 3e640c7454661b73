import type { ApiError } from '../../api/client';
import type { CompareAreasQuery } from '../../gql/graphql';
import { type AreaValues, areaValues } from '../profile/indicatorData';

export const SLOTS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] as const;

export interface CompareColumn {
  id: string;
  name: string;
  values: AreaValues;
}

/** The variables of the one request: an id per slot, the slots after the first switched on when used. */
export function compareVariables(ids: string[], from: number, to: number, language: 'EN' | 'FR') {
  const variables: Record<string, string | boolean> = { from: `${from}-01-01`, to: `${to}-12-31`, language };
  ids.forEach((id, index) => {
    variables[SLOTS[index]] = id;
    if (index > 0) variables[`with${index + 1}`] = true;
  });
  return variables as { a1: string; from: string; to: string; language: 'EN' | 'FR' };
}

/** The areas answered, in the order asked; one not found is left out (its error says so). */
export function compareColumns(data: CompareAreasQuery | null, errors: ApiError[], count: number): CompareColumn[] {
  const columns: CompareColumn[] = [];
  SLOTS.slice(0, count).forEach((slot) => {
    const area = data?.[slot];
    if (area) columns.push({ id: area.id, name: area.name, values: areaValues(area, errors, [slot]) });
  });
  return columns;
}
