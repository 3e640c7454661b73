import { RegisteredArea } from '@cswb/subgraph-kit/areas';
import { areaProfile } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { SituationTableProfile } from '../entities/SituationTableProfile';
import type { SituationTableLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => SituationTableProfile, {
    nullable: true,
    description: 'Situation Table discussions of acutely elevated risk in this area, with their AER share and outcomes',
  })
  situationTable(@Root() area: RegisteredArea, @Ctx() ctx: SubgraphContext<SituationTableLoaders>): Promise<SituationTableProfile> {
    return areaProfile(area, ctx);
  }
}

