import { ObjectType } from 'type-graphql';

@ObjectType({ description: "The police service's view of an area" })
export class PoliceProfile {
  areaId: string;
  population: number | null;
  neighbourhoodIds: string[];
}
