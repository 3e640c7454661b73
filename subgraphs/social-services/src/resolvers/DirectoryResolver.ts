import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { DirectoryArgs, MAX_PROGRAMS } from '../args/DirectoryArgs';
import { Program } from '../entities/Program';
import type { SocialServicesLoaders } from '../loaders/createLoaders';

/** The directory of community programs (the CSWB asset map), in the social services namespace. */
@Resolver()
export class DirectoryResolver {
  @Query(() => [Program], { description: 'Community programs, optionally by neighbourhood served, framework area and category, in program code order' })
  async socialServicesDirectory(@Args(() => DirectoryArgs) args: DirectoryArgs, @Ctx() ctx: SubgraphContext<SocialServicesLoaders>): Promise<Program[]> {
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_PROGRAMS) {
      throw new BadUserInputError(`limit must be from 1 to ${MAX_PROGRAMS}, got ${args.limit}`, 'limit');
    }
    const query = ctx.db.getRepository(Program).createQueryBuilder('p').orderBy('p.program_code').limit(args.limit);
    if (args.areaId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM social_services_program_area pa WHERE pa.program_code = p.program_code AND pa.area_id = :areaId)',
        { areaId: args.areaId },
      );
    }
    if (args.frameworkArea) query.andWhere('p.framework_area = :frameworkArea', { frameworkArea: args.frameworkArea });
    if (args.category) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM social_services_program_category c WHERE c.program_code = p.program_code AND c.category = :category)',
        { category: args.category },
      );
    }
    return query.getMany();
  }
}
