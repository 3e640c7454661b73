import { RegisteredArea } from '@cswb/subgraph-kit/areas';
import { areaProfile } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { SocialServicesProfile } from '../entities/SocialServicesProfile';
import type { SocialServicesLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => SocialServicesProfile, {
    nullable: true,
    description: 'Social assistance, child welfare and food bank indicators, and the community programs serving this area',
  })
  socialServices(@Root() area: RegisteredArea, @Ctx() ctx: SubgraphContext<SocialServicesLoaders>): Promise<SocialServicesProfile> {
    return areaProfile(area, ctx);
  }
}

