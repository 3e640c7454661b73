import { PROFILE_REQUIRES, profileSource, SubgraphContext } from '@cswb/shared';
import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { SocialServicesProfile } from '../entities/SocialServicesProfile';
import type { SocialServicesLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @Directive(PROFILE_REQUIRES)
  @FieldResolver(() => SocialServicesProfile, {
    nullable: true,
    description: 'Social assistance, child welfare and food bank indicators, and the community programs serving this area',
  })
  socialServices(@Root() area: Area): SocialServicesProfile {
    return profileSource(area);
  }
}

/** Social services holds no area rows: the reference (with the fields it requires) is the area. */
export function resolveAreaReference(reference: Area, _ctx: SubgraphContext<SocialServicesLoaders>): Area {
  return reference;
}
