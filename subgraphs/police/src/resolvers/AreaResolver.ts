import { RegisteredArea } from '@cswb/subgraph-kit/areas';
import { areaProfile } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { PoliceProfile } from '../entities/PoliceProfile';
import type { PoliceLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => PoliceProfile, { nullable: true, description: "The police service's indicators and data for this area" })
  police(@Root() area: RegisteredArea, @Ctx() ctx: SubgraphContext<PoliceLoaders>): Promise<PoliceProfile> {
    return areaProfile(area, ctx);
  }
}

