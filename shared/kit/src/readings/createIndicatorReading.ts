import { Ctx, Directive, Field, FieldResolver, Float, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { registeredArea, RegisteredArea } from '../areas/areaRegistry';
import { BadUserInputError, NotFoundError } from '@cswb/contract/errors';
import type { IndicatorSpec } from '../vocabulary/buildIndicatorSeries';
import { BetterDirection } from '../vocabulary/BetterDirection';
import { Observation } from '../vocabulary/Observation';
import { IndicatorReading } from './IndicatorReading';
import { progressStatus, trendDirection } from './progress';
import { ProgressStatus } from './ProgressStatus';
import { ReadingContext, readingSeries, ResolvedReading } from './readingSeries';
import { TrendDirection } from './TrendDirection';
import { sectorNames } from '../sector/sectorNames';

/** The GraphQL type a sector reads its performance-measure indicators through. */
export function readingTypeName(sector: string): string {
  return sectorNames(sector).readingTypeName;
}

/**
 * The fields the planning subgraph supplies and every reading field requires: which indicator
 * for which area, and the plan's baseline and target. Not the area's population or
 * neighbourhoods: the sector reads those from its own registry (planning still serves them).
 */
export const READING_SOURCE_FIELDS = 'indicatorId areaId baseline target baselineDate targetDate';
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
  class SectorIndicatorReading implements ResolvedReading {
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

    area: RegisteredArea;
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
    /**
     * The representation is a question, checked like a root field's arguments: an indicator of
     * this sector (else NOT_FOUND), an area of the sector's own registry (else NOT_FOUND), whose
     * population and neighbourhoods come from there whatever the representation says.
     */
    resolveReference: (reference: Record<string, unknown>, ctx: ReadingContext) => resolveSectorReading(reference, specs, ctx),
  };
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function localDate(value: unknown, field: string): string {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || +match[1] < 1 || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
    throw new BadUserInputError(`${field} must be a date written YYYY-MM-DD`, field);
  }
  return value as string;
}

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new BadUserInputError(`${field} must be a number`, field);
  return value;
}

/** A sector reading's representation, checked; its area from the sector's own registry. */
export async function resolveSectorReading(
  reference: Record<string, unknown>,
  specs: readonly IndicatorSpec[],
  ctx: ReadingContext,
): Promise<ResolvedReading> {
  const { measureId, indicatorId } = reference ?? {};
  if (typeof measureId !== 'string' || measureId.length === 0 || measureId.length > 200) throw new BadUserInputError('measureId must be an id', 'measureId');
  if (typeof indicatorId !== 'string' || !specs.some((spec) => spec.definition.id === indicatorId)) {
    throw new NotFoundError('Indicator', typeof indicatorId === 'string' ? indicatorId.slice(0, 200) : String(indicatorId));
  }
  const baselineDate = localDate(reference.baselineDate, 'baselineDate');
  const targetDate = localDate(reference.targetDate, 'targetDate');
  const baseline = finite(reference.baseline, 'baseline');
  const target = finite(reference.target, 'target');
  const area = await registeredArea(reference.areaId, ctx, 'areaId');
  return { measureId, indicatorId, areaId: area.id, baseline, target, baselineDate, targetDate, area };
}
