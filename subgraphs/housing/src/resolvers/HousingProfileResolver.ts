import { REQUIRES_AGGREGATES } from '@cswb/contract/auth';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { HousingProfile } from '../entities/HousingProfile';
import { HousingShelter } from '../entities/HousingShelter';
import { HousingShelterSector } from '../entities/HousingShelterSector';
import type { HousingLoaders } from '../loaders/createLoaders';

@Resolver(() => HousingProfile)
export class HousingProfileResolver {
  @Directive(REQUIRES_AGGREGATES)
  @FieldResolver(() => [HousingShelter], { nullable: true, description: "Emergency shelters in the area's neighbourhoods, by shelter code" })
  async shelters(
    @Root() profile: HousingProfile,
    @Arg('sector', () => HousingShelterSector, { nullable: true, description: 'Only shelters serving this population' })
    sector: HousingShelterSector | null | undefined,
    @Ctx() ctx: SubgraphContext<HousingLoaders>,
  ): Promise<HousingShelter[]> {
    const perNeighbourhood = await ctx.loaders.sheltersByNeighbourhood.loadMany(profile.neighbourhoodIds);
    const shelters: HousingShelter[] = [];
    for (const result of perNeighbourhood) {
      if (result instanceof Error) throw result;
      shelters.push(...result.filter((shelter) => !sector || shelter.sector === sector));
    }
    return shelters.sort((a, b) => a.shelterCode.localeCompare(b.shelterCode));
  }
}
