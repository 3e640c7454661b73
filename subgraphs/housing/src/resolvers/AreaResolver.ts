import { PROFILE_REQUIRES, profileSource, SubgraphContext } from '@cswb/shared';
import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { HousingProfile } from '../entities/HousingProfile';
import type { HousingLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @Directive(PROFILE_REQUIRES)
  @FieldResolver(() => HousingProfile, { nullable: true, description: 'Housing and homelessness indicators and shelters for this area' })
  housing(@Root() area: Area): HousingProfile {
    return profileSource(area);
  }
}

/** Housing holds no area rows: the reference (with the fields it requires) is the area. */
export function resolveAreaReference(reference: Area, _ctx: SubgraphContext<HousingLoaders>): Area {
  return reference;
}
