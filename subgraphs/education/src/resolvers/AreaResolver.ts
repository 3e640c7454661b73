import { PROFILE_REQUIRES, profileSource, SubgraphContext } from '@cswb/shared';
import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { EducationProfile } from '../entities/EducationProfile';
import type { EducationLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @Directive(PROFILE_REQUIRES)
  @FieldResolver(() => EducationProfile, { nullable: true, description: "The school boards' indicators and schools for this area" })
  education(@Root() area: Area): EducationProfile {
    return profileSource(area);
  }
}

/** Education holds no area rows: the reference (with the fields it requires) is the area. */
export function resolveAreaReference(reference: Area, _ctx: SubgraphContext<EducationLoaders>): Area {
  return reference;
}
