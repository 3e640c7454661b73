import { REQUIRES_AGGREGATES, requiresRecordAccess } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { periodsBetween } from '@cswb/subgraph-kit/vocabulary';
import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { HousingShelterArgs, MAX_SHELTERS } from '../args/HousingShelterArgs';
import { ShelterOccupancyArgs } from '../args/ShelterOccupancyArgs';
import { HousingShelter } from '../entities/HousingShelter';
import { HousingShelterOccupancy } from '../entities/HousingShelterOccupancy';
import type { HousingLoaders } from '../loaders/createLoaders';

function percent(occupied: number, available: number): number | null {
  return available > 0 ? Math.round((occupied / available) * 100 * 1000) / 1000 : null;
}

/** Emergency shelters and their nightly occupancy, in the housing namespace. */
@Resolver(() => HousingShelter)
export class HousingShelterResolver {
  @Directive(REQUIRES_AGGREGATES)
  @Query(() => [HousingShelter], { nullable: true, description: 'Emergency shelters, optionally in one neighbourhood or sector, by shelter code' })
  async housingShelters(@Args(() => HousingShelterArgs) args: HousingShelterArgs, @Ctx() ctx: SubgraphContext<HousingLoaders>): Promise<HousingShelter[]> {
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_SHELTERS) {
      throw new BadUserInputError(`limit must be from 1 to ${MAX_SHELTERS}, got ${args.limit}`, 'limit');
    }
    const query = ctx.db.getRepository(HousingShelter).createQueryBuilder('s').orderBy('s.shelter_code').limit(args.limit);
    if (args.areaId) query.andWhere('s.area_id = :areaId', { areaId: args.areaId });
    if (args.sector) query.andWhere('s.sector = :sector', { sector: args.sector });
    return query.getMany();
  }

  @Directive(requiresRecordAccess('housing'))
  @FieldResolver(() => [HousingShelterOccupancy], { nullable: true,
    description: 'Occupied and available bed-nights per period; every period in the range, empty ones with no beds in service',
  })
  async occupancy(
    @Root() shelter: HousingShelter,
    @Args(() => ShelterOccupancyArgs) args: ShelterOccupancyArgs,
    @Ctx() ctx: SubgraphContext<HousingLoaders>,
  ): Promise<HousingShelterOccupancy[]> {
    const periods = periodsBetween(args.from, args.to, args.granularity);
    const rows = await ctx.loaders.shelterOccupancy({ from: args.from, to: args.to, granularity: args.granularity }).load(shelter.shelterCode);
    const byPeriod = new Map(rows.map((row) => [row.period_start, row]));
    return periods.map((period) => {
      const occupied = byPeriod.get(period.start)?.occupied ?? 0;
      const available = byPeriod.get(period.start)?.available ?? 0;
      return { period, occupiedBedNights: occupied, availableBedNights: available, occupancyRate: percent(occupied, available) };
    });
  }
}
