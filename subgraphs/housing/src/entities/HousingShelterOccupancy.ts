import { Period } from '@cswb/subgraph-kit/vocabulary';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('HousingShelterOccupancy', { description: "A shelter's bed-nights over one period" })
export class HousingShelterOccupancy {
  @Field(() => Period)
  period: Period;

  @Field(() => Int, { description: 'Bed-nights occupied at the nightly count' })
  occupiedBedNights: number;

  @Field(() => Int, { description: 'Bed-nights in service' })
  availableBedNights: number;

  @Field(() => Float, { nullable: true, description: 'Occupied over available bed-nights, in percent; null when no beds were in service' })
  occupancyRate: number | null;
}
