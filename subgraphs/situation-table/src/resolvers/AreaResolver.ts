import { PROFILE_REQUIRES, profileSource, SubgraphContext } from '@cswb/shared';
import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { SituationTableProfile } from '../entities/SituationTableProfile';
import type { SituationTableLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaResolver {
  @Directive(PROFILE_REQUIRES)
  @FieldResolver(() => SituationTableProfile, {
    nullable: true,
    description: 'Situation Table discussions of acutely elevated risk in this area, with their AER share and outcomes',
  })
  situationTable(@Root() area: Area): SituationTableProfile {
    return profileSource(area);
  }
}

/** The Situation Tables hold no area rows: the reference (with the fields it requires) is the area. */
export function resolveAreaReference(reference: Area, _ctx: SubgraphContext<SituationTableLoaders>): Area {
  return reference;
}
