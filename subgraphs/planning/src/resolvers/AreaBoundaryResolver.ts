import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { JSONObjectResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { zoomTolerance } from '../boundaries/zoomTolerance';
import type { AreaGeometry } from '../geometry/Geometry';
import type { PlanningLoaders } from '../loaders/createLoaders';

@Resolver(() => Area)
export class AreaBoundaryResolver {
  @FieldResolver(() => JSONObjectResolver, {
    nullable: true,
    description:
      'The area\'s boundary as GeoJSON geometry (Polygon or MultiPolygon, lon/lat); null when none is stored. Shared edges are simplified alike, so neighbours meet without gaps',
  })
  async boundary(
    @Root() area: Area,
    @Ctx() ctx: SubgraphContext<PlanningLoaders>,
    @Arg('zoom', () => Int, { nullable: true, description: 'Simplified for a web map at this zoom level (0 to 24); none: as stored' }) zoom?: number | null,
  ): Promise<AreaGeometry | null> {
    const boundaries = await ctx.loaders.boundaries.load(zoomTolerance(zoom));
    return boundaries?.geometries.get(area.id) ?? null;
  }
}
