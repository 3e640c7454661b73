import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EducationProfile } from '../entities/EducationProfile';
import { School } from '../entities/School';
import { SchoolPanel } from '../entities/SchoolPanel';
import type { EducationLoaders } from '../loaders/createLoaders';

@Resolver(() => EducationProfile)
export class EducationProfileResolver {
  @FieldResolver(() => [School], { description: "Schools located in the area's neighbourhoods, by school number" })
  async schools(
    @Root() profile: EducationProfile,
    @Ctx() ctx: SubgraphContext<EducationLoaders>,
    @Arg('panel', () => SchoolPanel, { nullable: true, description: 'Only schools of this panel' }) panel?: SchoolPanel | null,
  ): Promise<School[]> {
    const perNeighbourhood = await ctx.loaders.schoolsInNeighbourhood.loadMany(profile.neighbourhoodIds);
    const schools: School[] = [];
    for (const list of perNeighbourhood) {
      if (list instanceof Error) throw list;
      schools.push(...list);
    }
    return schools
      .filter((school) => !panel || school.panel === panel)
      .sort((a, b) => (a.schoolNumber < b.schoolNumber ? -1 : a.schoolNumber > b.schoolNumber ? 1 : 0));
  }
}
