import type { AreaProfileSource } from '@cswb/subgraph-kit/profiles';
import { ObjectType } from 'type-graphql';

@ObjectType({ description: "Social services' view of an area: social assistance, child welfare, food banks and community programs" })
export class SocialServicesProfile implements AreaProfileSource {
  areaId: string;
  population: number | null;
  neighbourhoodIds: readonly string[];
  wardId: string | null;
  rowOwners: readonly string[] | null;
}
