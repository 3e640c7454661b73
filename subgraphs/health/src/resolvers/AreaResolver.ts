import { PROFILE_REQUIRES, profileSource, SubgraphContext } from '@cswb/shared';
import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { HealthProfile } from '../entities/HealthProfile';
import type { HealthLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @Directive(PROFILE_REQUIRES)
  @FieldResolver(() => HealthProfile, { nullable: true, description: "The public health unit's indicators and aggregate counts for this area" })
  health(@Root() area: Area): HealthProfile {
    return profileSource(area);
  }
}

/** Health holds no area rows: the reference (with the fields it requires) is the area. */
export function resolveAreaReference(reference: Area, _ctx: SubgraphContext<HealthLoaders>): Area {
  return reference;
}
