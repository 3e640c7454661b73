import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The shared Area entity, owned by the planning subgraph; the Situation Tables add their profile. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Area {
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Field(() => Int)
  population: number;

  @Directive('@external')
  @Field(() => [ID])
  neighbourhoodIds: string[];
}
