import { PROFILE_REQUIRES, profileSource, SubgraphContext } from '@cswb/shared';
import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { PoliceProfile } from '../entities/PoliceProfile';
import type { PoliceLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @Directive(PROFILE_REQUIRES)
  @FieldResolver(() => PoliceProfile, { nullable: true, description: "The police service's indicators and data for this area" })
  police(@Root() area: Area): PoliceProfile {
    return profileSource(area);
  }
}

/** Police holds no area rows: the reference (with the fields it requires) is the area. */
export function resolveAreaReference(reference: Area, _ctx: SubgraphContext<PoliceLoaders>): Area {
  return reference;
}
