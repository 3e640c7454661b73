import type { AreaKind } from '../../gql/graphql';

/** The kinds of area a map shows, as the URL spells them. */
export const MAP_KINDS = { neighbourhood: 'NEIGHBOURHOOD', ward: 'WARD' } as const satisfies Record<string, AreaKind>;
export type MapKindParam = keyof typeof MAP_KINDS;

export function kindOf(param: string | null): { param: MapKindParam; kind: AreaKind } {
  const key: MapKindParam = param === 'ward' ? 'ward' : 'neighbourhood';
  return { param: key, kind: MAP_KINDS[key] };
}
