import type { SubgraphContext } from '@cswb/shared';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { PriorityRisk } from '../entities/PriorityRisk';
import { ServiceCoverage } from '../entities/ServiceCoverage';
import type { SocialServicesLoaders } from '../loaders/createLoaders';

const REQUIRES_RISK = '@requires(fields: "category neighbourhoodIds")';

/** The asset map set against a plan's priority risks: where matching services are thin. */
@Resolver(() => PriorityRisk)
export class PriorityRiskResolver {
  @Directive(REQUIRES_RISK)
  @FieldResolver(() => [ServiceCoverage], {
    description: 'Programs answering this risk in each of its neighbourhoods, per framework area',
  })
  serviceCoverage(@Root() risk: PriorityRisk, @Ctx() ctx: SubgraphContext<SocialServicesLoaders>): Promise<ServiceCoverage[]> {
    return ctx.loaders.coverage.load(risk);
  }

  @Directive(REQUIRES_RISK)
  @FieldResolver(() => [ServiceCoverage], {
    description: 'The gap report: neighbourhoods and framework areas with fewer matching programs than the threshold (2)',
  })
  async serviceGaps(@Root() risk: PriorityRisk, @Ctx() ctx: SubgraphContext<SocialServicesLoaders>): Promise<ServiceCoverage[]> {
    return (await ctx.loaders.coverage.load(risk)).filter((coverage) => coverage.gap);
  }
}
