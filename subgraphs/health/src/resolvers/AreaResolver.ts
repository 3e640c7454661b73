import { RegisteredArea } from '@cswb/subgraph-kit/areas';
import { areaProfile } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { HealthProfile } from '../entities/HealthProfile';
import type { HealthLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => HealthProfile, { nullable: true, description: "The public health unit's indicators and aggregate counts for this area" })
  health(@Root() area: RegisteredArea, @Ctx() ctx: SubgraphContext<HealthLoaders>): Promise<HealthProfile> {
    return areaProfile(area, ctx);
  }
}

