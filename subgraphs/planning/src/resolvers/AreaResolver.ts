import { NotFoundError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { AreaKind } from '../entities/AreaKind';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { listAreas } from '../store/areaStore';

type Context = SubgraphContext<PlanningLoaders>;

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => [Area], { description: 'Areas of the municipality, optionally of one kind, ordered by id' })
  async areas(
    @Ctx() ctx: Context,
    @Arg('kind', () => AreaKind, { nullable: true }) kind?: AreaKind | null,
  ): Promise<Area[]> {
    return listAreas(ctx.db.manager, kind);
  }

  @Query(() => Area, { nullable: true, description: 'One area by id; null with a NOT_FOUND error when there is none' })
  async area(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Area> {
    const area = await ctx.loaders.areaById.load(id);
    if (!area) throw new NotFoundError('Area', id);
    return area;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area this one lies within' })
  parent(@Root() area: Area, @Ctx() ctx: Context): Promise<Area | null> | null {
    return area.parentId ? ctx.loaders.areaById.load(area.parentId) : null;
  }

  @FieldResolver(() => [Area], { description: 'The areas directly within this one' })
  children(@Root() area: Area, @Ctx() ctx: Context): Promise<Area[]> {
    return ctx.loaders.childrenOf.load(area.id);
  }

  @FieldResolver(() => [ID], {
    description: 'Ids of the neighbourhoods this area covers (itself, for a neighbourhood); sectors aggregate over them',
  })
  async neighbourhoodIds(@Root() area: Area, @Ctx() ctx: Context): Promise<string[]> {
    const rows = await ctx.loaders.neighbourhoodsUnder.load(area.id);
    return rows.map((row) => row.neighbourhood_id);
  }
}

/** Other subgraphs' references to an area: by key only; an unknown id is null with NOT_FOUND at its path. */
export async function resolveAreaReference(reference: { id?: unknown }, ctx: Context): Promise<Area> {
  const id = reference?.id;
  const area = typeof id === 'string' ? await ctx.loaders.areaById.load(id) : null;
  if (!area) throw new NotFoundError('Area', String(id).slice(0, 200));
  return area;
}
