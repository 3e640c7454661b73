import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The shared Area entity, owned by the planning subgraph; police adds its profile. Only the key comes
 * from a representation: population, neighbourhoods and ward come from this subgraph's own copy
 * of the area registry (`resolveRegisteredArea`).
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Area {
  @Field(() => ID)
  id: string;
}
