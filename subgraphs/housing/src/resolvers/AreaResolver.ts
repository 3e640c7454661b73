import { RegisteredArea } from '@cswb/subgraph-kit/areas';
import { areaProfile } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { HousingProfile } from '../entities/HousingProfile';
import type { HousingLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => HousingProfile, { nullable: true, description: 'Housing and homelessness indicators and shelters for this area' })
  housing(@Root() area: RegisteredArea, @Ctx() ctx: SubgraphContext<HousingLoaders>): Promise<HousingProfile> {
    return areaProfile(area, ctx);
  }
}

