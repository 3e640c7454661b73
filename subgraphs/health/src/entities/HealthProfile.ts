import type { AreaProfileSource } from '@cswb/subgraph-kit/profiles';
import { ObjectType } from 'type-graphql';

@ObjectType({ description: "The public health unit's view of an area: aggregate counts only, never records" })
export class HealthProfile implements AreaProfileSource {
  areaId: string;
  population: number | null;
  neighbourhoodIds: readonly string[];
  wardId: string | null;
  rowOwners: readonly string[] | null;
}
