import type { AreaProfileSource } from '@cswb/subgraph-kit/profiles';
import { ObjectType } from 'type-graphql';

@ObjectType({ description: "The school boards' view of an area" })
export class EducationProfile implements AreaProfileSource {
  areaId: string;
  population: number | null;
  neighbourhoodIds: readonly string[];
  wardId: string | null;
  rowOwners: readonly string[] | null;
}
