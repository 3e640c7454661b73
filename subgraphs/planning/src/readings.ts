import { NotFoundError } from '@cswb/contract/errors';
import { createOneLoader } from '@cswb/subgraph-kit/loaders';
import { createReadingReferences, ReadingReference } from '@cswb/subgraph-kit/readings';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Granularity, periodContaining } from '@cswb/subgraph-kit/vocabulary';
import type DataLoader from 'dataloader';
import { catalogueSectors, findIndicator } from './catalogue/indicatorCatalogue';
import { PerformanceMeasure } from './entities/PerformanceMeasure';
import type { PlanningLoaders } from './loaders/createLoaders';
import { UUID, visiblePlan } from './plans/access';
import { baselinePeriodStart } from './plans/baselinePeriodStart';
import { measuresByIds } from './store/performanceMeasureStore';

let built: ReturnType<typeof createReadingReferences> | undefined;

/**
 * One reading entity per sector of the composed indicator catalogue, and their union; made on
 * first use, after `npm run compose` has written the catalogue.
 */
export function readings(): ReturnType<typeof createReadingReferences> {
  built ??= createReadingReferences(catalogueSectors());
  return built;
}

type Context = SubgraphContext<PlanningLoaders>;

function measureById(ctx: Context): DataLoader<string, PerformanceMeasure | null, string> {
  return ctx.scope.get('measureById', null, () =>
    createOneLoader<string, PerformanceMeasure>({
      fetch: (ids) => measuresByIds(ctx.db.manager, ids),
      keyOfRow: (measure) => measure.id,
    }),
  );
}

/**
 * What the owning sector needs to read a measure: the indicator, the area (its population and
 * neighbourhoods, which planning owns) and the plan's baseline and target. The baseline is
 * dated at the end of its period.
 */
export async function readingReference(measure: PerformanceMeasure, ctx: Context): Promise<ReadingReference | null> {
  const definition = findIndicator(measure.indicatorId);
  const area = await ctx.loaders.areaById.load(measure.areaId);
  if (!definition || !area) return null;
  const neighbourhoods = await ctx.loaders.neighbourhoodsUnder.load(area.id);
  const start = baselinePeriodStart(measure.baselinePeriod);
  const baselineDate = /^\d{4}(-Q[1-4]|-\d{2})?$/.test(measure.baselinePeriod)
    ? periodContaining(start, /^\d{4}$/.test(measure.baselinePeriod) ? Granularity.YEAR : measure.baselinePeriod.includes('Q') ? Granularity.QUARTER : Granularity.MONTH).end
    : start;
  return {
    sector: definition.sector,
    measureId: measure.id,
    indicatorId: measure.indicatorId,
    areaId: area.id,
    baseline: measure.baseline,
    target: measure.target,
    baselineDate,
    targetDate: measure.targetDate,
    areaPopulation: area.population,
    areaNeighbourhoodIds: neighbourhoods.map((n) => n.neighbourhood_id),
  };
}

/**
 * `__resolveReference` of every reading type: the measure, looked up by id, only when the caller
 * may read its plan from the root fields; a draft plan's measure (for anyone without
 * plans:write), or an unknown one, is null with NOT_FOUND.
 */
export async function resolveReadingReference(reference: { measureId?: unknown }, ctx: Context): Promise<ReadingReference> {
  const id = reference?.measureId;
  const measure = typeof id === 'string' && UUID.test(id) ? await measureById(ctx).load(id) : null;
  const notFound = () => new NotFoundError('PerformanceMeasure', String(id).slice(0, 200));
  if (!measure) throw notFound();
  await visiblePlan(measure.planId, ctx, { typeName: 'PerformanceMeasure', id: measure.id });
  const reading = await readingReference(measure, ctx);
  if (!reading) throw notFound();
  return reading;
}
