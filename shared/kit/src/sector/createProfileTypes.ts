import { Args, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { RegisteredArea } from '../areas/areaRegistry';
import type { AreaProfileSource, ProfileContext } from '../profiles/AreaProfileSource';
import { areaProfile } from '../profiles/AreaProfileSource';
import type { MeasureLoaders } from '../profiles/createMeasureLoader';
import { resolveIndicators } from '../profiles/resolveIndicators';
import type { SubgraphContext } from '../server/SubgraphDefinition';
import type { IndicatorSpec } from '../vocabulary/buildIndicatorSeries';
import { IndicatorArgs } from '../vocabulary/IndicatorArgs';
import { IndicatorSeries } from '../vocabulary/IndicatorSeries';
import type { SectorNames } from './sectorNames';

export type { MeasureLoaders };

export interface ProfileTypesOptions {
  names: SectorNames;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  profile: Function;
  areaFieldDescription: string;
  indicatorsDescription: string;
  indicators: readonly IndicatorSpec[];
}

/**
 * The types every sector adds to the planning-owned Area: a key-only Area stub, its profile
 * field, and the profile's `indicators`. Fresh classes per sector: type-graphql keeps one
 * registry per process, and field resolvers attach to a class for every schema built from it.
 */
export function createProfileTypes(options: ProfileTypesOptions) {
  const { names, profile, indicators } = options;

  /**
   * The shared Area entity, owned by the planning subgraph; the sector adds its profile. Only the
   * key comes from a representation: population, neighbourhoods and ward come from the sector's
   * own copy of the area registry (`resolveRegisteredArea`).
   */
  @Directive('@key(fields: "id")')
  @ObjectType('Area')
  class Area {
    @Field(() => ID)
    id: string;
  }

  @Resolver(() => Area)
  class AreaProfileResolver {
    @FieldResolver(() => profile, { name: names.fieldName, nullable: true, description: options.areaFieldDescription })
    profile(@Root() area: RegisteredArea, @Ctx() ctx: ProfileContext): Promise<AreaProfileSource> {
      return areaProfile(area, ctx);
    }
  }

  @Resolver(() => profile)
  class ProfileIndicatorsResolver {
    @FieldResolver(() => [IndicatorSeries], { description: options.indicatorsDescription })
    indicators(
      @Root() source: AreaProfileSource,
      @Args(() => IndicatorArgs) args: IndicatorArgs,
      @Ctx() ctx: SubgraphContext<MeasureLoaders>,
    ): Promise<IndicatorSeries[]> {
      return resolveIndicators(indicators, source, args, ctx.loaders, ctx.caller, ctx);
    }
  }

  return { area: Area, resolvers: [AreaProfileResolver, ProfileIndicatorsResolver] as const };
}
