import { requiresRecordAccess } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { SchoolYearRangeArgs } from '../args/SchoolYearRangeArgs';
import { School } from '../entities/School';
import { SchoolYearStat } from '../entities/SchoolYearStat';
import type { EducationLoaders } from '../loaders/createLoaders';

@Resolver(() => School)
export class SchoolResolver {
  @Directive(requiresRecordAccess('education'))
  @FieldResolver(() => [SchoolYearStat], { nullable: true, description: "The school's statistics for each school year in the range, oldest first" })
  yearStats(
    @Root() school: School,
    @Args(() => SchoolYearRangeArgs) args: SchoolYearRangeArgs,
    @Ctx() ctx: SubgraphContext<EducationLoaders>,
  ): Promise<SchoolYearStat[]> {
    if (args.from > args.to) throw new BadUserInputError(`from (${args.from}) is after to (${args.to})`, 'from');
    return ctx.loaders.yearStats({ from: args.from, to: args.to }).load(school.schoolNumber);
  }
}
