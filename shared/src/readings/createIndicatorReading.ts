import { Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { IndicatorSpec } from '../vocabulary/buildIndicatorSeries';
import { BetterDirection } from '../vocabulary/BetterDirection';
import { Observation } from '../vocabulary/Observation';
import { IndicatorReading } from './IndicatorReading';
import { progressStatus, trendDirection } from './progress';
import { ProgressStatus } from './ProgressStatus';
import { ReadingContext, readingSeries, ReadingSource } from './readingSeries';
import { TrendDirection } from './TrendDirection';

/** `social-services` → `SocialServices`. */
export function pascalCase(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** The GraphQL type a sector reads its performance-measure indicators through. */
export function readingTypeName(sector: string): string {
  return `${pascalCase(sector)}IndicatorReading`;
}

/** The fields the planning subgraph supplies and every reading field requires. */
export const READING_SOURCE_FIELDS = 'indicatorId areaId baseline target baselineDate targetDate areaPopulation areaNeighbourhoodIds';
const REQUIRES_SOURCE = `@requires(fields: "${READING_SOURCE_FIELDS}")`;

export interface SectorReadingOptions {
  sector: string;
  specs: readonly IndicatorSpec[];
  /** The sector's monthly rollup view. */
  rollup: string;
}

/**
 * A sector's reading entity (`<Sector>IndicatorReading @key(fields: "measureId")`): the
 * planning subgraph owns the measure and supplies baseline, target and area; the sector that
 * owns the indicator resolves its values, trend and progress under the caller's rules. A class
 * per sector, made here, because type-graphql attaches field resolvers to a class for the
 * whole process.
 */
export function createSectorReading(options: SectorReadingOptions) {
  const { specs, rollup } = options;

  @Directive('@key(fields: "measureId")')
  @ObjectType(readingTypeName(options.sector), {
    implements: IndicatorReading,
    description: `A performance measure's ${options.sector} indicator, read by the ${options.sector} subgraph`,
  })
  class SectorIndicatorReading implements ReadingSource {
    @Field(() => ID)
    measureId: string;

    @Directive('@external')
    @Field(() => ID)
    indicatorId: string;

    @Directive('@external')
    @Field(() => ID)
    areaId: string;

    @Directive('@external')
    @Field(() => Float)
    baseline: number;

    @Directive('@external')
    @Field(() => Float)
    target: number;

    @Directive('@external')
    @Field(() => LocalDateResolver)
    baselineDate: string;

    @Directive('@external')
    @Field(() => LocalDateResolver)
    targetDate: string;

    @Directive('@external')
    @Field(() => Int, { nullable: true })
    areaPopulation: number | null;

    @Directive('@external')
    @Field(() => [ID])
    areaNeighbourhoodIds: string[];

    series: Observation[];
    current: Observation | null;
    progress: ProgressStatus;
    trend: TrendDirection;
  }

  const betterWhen = (indicatorId: string) => specs.find((s) => s.definition.id === indicatorId)?.definition.betterWhen ?? BetterDirection.NEUTRAL;
  const latest = (series: Observation[]) => [...series].reverse().find((o) => o.value !== null) ?? null;

  @Resolver(() => SectorIndicatorReading)
  class SectorIndicatorReadingResolver {
    @Directive(REQUIRES_SOURCE)
    @FieldResolver(() => [Observation])
    series(@Root() source: SectorIndicatorReading, @Ctx() ctx: ReadingContext): Promise<Observation[]> {
      return readingSeries(source, specs, rollup, ctx);
    }

    @Directive(REQUIRES_SOURCE)
    @FieldResolver(() => Observation, { nullable: true })
    async current(@Root() source: SectorIndicatorReading, @Ctx() ctx: ReadingContext): Promise<Observation | null> {
      return latest(await readingSeries(source, specs, rollup, ctx));
    }

    @Directive(REQUIRES_SOURCE)
    @FieldResolver(() => ProgressStatus)
    async progress(@Root() source: SectorIndicatorReading, @Ctx() ctx: ReadingContext): Promise<ProgressStatus> {
      const current = latest(await readingSeries(source, specs, rollup, ctx));
      return progressStatus(
        { ...source, current: current?.value ?? null, currentDate: current?.period.end ?? null },
        betterWhen(source.indicatorId),
      );
    }

    @Directive(REQUIRES_SOURCE)
    @FieldResolver(() => TrendDirection)
    async trend(@Root() source: SectorIndicatorReading, @Ctx() ctx: ReadingContext): Promise<TrendDirection> {
      const series = await readingSeries(source, specs, rollup, ctx);
      return trendDirection(series.map((o) => o.value), betterWhen(source.indicatorId));
    }
  }

  return {
    type: SectorIndicatorReading,
    resolver: SectorIndicatorReadingResolver,
    typeName: readingTypeName(options.sector),
    /** The reference carries everything the reading needs. */
    resolveReference: (reference: SectorIndicatorReading) => reference,
  };
}
