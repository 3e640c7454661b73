import { RegisteredArea } from '@cswb/subgraph-kit/areas';
import { areaProfile } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { EducationProfile } from '../entities/EducationProfile';
import type { EducationLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => EducationProfile, { nullable: true, description: "The school boards' indicators and schools for this area" })
  education(@Root() area: RegisteredArea, @Ctx() ctx: SubgraphContext<EducationLoaders>): Promise<EducationProfile> {
    return areaProfile(area, ctx);
  }
}

