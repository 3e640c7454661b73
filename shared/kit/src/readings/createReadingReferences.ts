import { createUnionType, Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { readingTypeName } from './createIndicatorReading';
import type { ReadingSource } from './readingSeries';

/**
 * A performance measure as the planning subgraph hands it to the sector that reads it. Planning
 * still serves the area's population and neighbourhoods; the sector no longer requires them.
 */
export interface ReadingReference extends ReadingSource {
  sector: string;
  areaPopulation: number | null;
  areaNeighbourhoodIds: string[];
}

/**
 * The planning side of the readings: for each sector, the `<Sector>IndicatorReading` entity
 * with the fields planning owns (the measure's baseline, target and area), and the union a
 * measure's `reading` returns. The sectors come from the composed indicator catalogue, so a
 * new sector needs no change here.
 */
export function createReadingReferences(sectors: readonly string[]) {
  const types = sectors.map((sector) => {
    @Directive('@key(fields: "measureId")')
    @ObjectType(readingTypeName(sector), { description: `A performance measure's ${sector} indicator: its values come from the ${sector} subgraph` })
    class ReadingReferenceType implements ReadingSource {
      @Field(() => ID)
      measureId: string;

      @Field(() => ID)
      indicatorId: string;

      @Field(() => ID, { description: 'The area the measure is tracked for' })
      areaId: string;

      @Field(() => Float)
      baseline: number;

      @Field(() => Float)
      target: number;

      @Field(() => LocalDateResolver)
      baselineDate: string;

      @Field(() => LocalDateResolver)
      targetDate: string;

      @Field(() => Int, { nullable: true })
      areaPopulation: number | null;

      @Field(() => [ID])
      areaNeighbourhoodIds: string[];
    }
    return [sector, ReadingReferenceType] as const;
  });
  const bySector = new Map(types);
  const union = createUnionType({
    name: 'SectorIndicatorReading',
    description: "A performance measure's indicator as its owning sector reads it; every member implements IndicatorReading",
    types: () => types.map(([, type]) => type) as unknown as readonly [new () => ReadingSource],
    resolveType: (value) => readingTypeName((value as ReadingReference).sector),
  });
  return { types: [...bySector.values()], union, typeNames: sectors.map(readingTypeName) };
}
