import type { AreaProfileSource } from '@cswb/subgraph-kit/profiles';
import { ObjectType } from 'type-graphql';

@ObjectType({ description: "The Situation Tables' view of an area: discussions of acutely elevated risk and their outcomes" })
export class SituationTableProfile implements AreaProfileSource {
  areaId: string;
  population: number | null;
  neighbourhoodIds: readonly string[];
  wardId: string | null;
  rowOwners: readonly string[] | null;
}
