import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { MAX_SCHOOLS, SchoolArgs } from '../args/SchoolArgs';
import { School } from '../entities/School';
import type { EducationLoaders } from '../loaders/createLoaders';

/** School-level education data, in the education namespace. */
@Resolver()
export class EducationSchoolsResolver {
  @Query(() => [School], { description: 'Schools, optionally of one neighbourhood and panel, by school number' })
  async educationSchools(@Args(() => SchoolArgs) args: SchoolArgs, @Ctx() ctx: SubgraphContext<EducationLoaders>): Promise<School[]> {
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_SCHOOLS) {
      throw new BadUserInputError(`limit must be from 1 to ${MAX_SCHOOLS}, got ${args.limit}`, 'limit');
    }
    const query = ctx.db.getRepository(School).createQueryBuilder('s').orderBy('s.school_number').limit(args.limit);
    if (args.areaId) query.andWhere('s.area_id = :areaId', { areaId: args.areaId });
    if (args.panel) query.andWhere('s.panel = :panel', { panel: args.panel });
    return query.getMany();
  }
}
