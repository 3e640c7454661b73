import { BadUserInputError } from '@cswb/contract/errors';
import { registeredArea } from '@cswb/subgraph-kit/areas';
import type { SubgraphContext } from '@cswb/subgraph-kit/server';
import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
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

/** More neighbourhoods than any municipality has: a representation listing more is refused. */
const MAX_RISK_NEIGHBOURHOODS = 5000;

/**
 * A priority risk as the gateway hands it over from planning. Social services holds no plans, so
 * the category and neighbourhoods are taken as a question about its public program directory (what
 * `socialServicesDirectory` answers anyone), never as facts: the category must be one of the
 * vocabulary (else BAD_USER_INPUT), every neighbourhood one of this subgraph's registry (else
 * NOT_FOUND), and a neighbourhood listed twice counts once. Whether a draft plan's risk may be read
 * at all is planning's rule: through the gateway, a risk planning does not resolve never gets here.
 */
export async function resolvePriorityRiskReference(
  reference: { id?: unknown; category?: unknown; neighbourhoodIds?: unknown },
  ctx: SubgraphContext<SocialServicesLoaders>,
): Promise<PriorityRisk> {
  const { id, category, neighbourhoodIds } = reference ?? {};
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new BadUserInputError('id must be a priority risk id', 'id');
  if (typeof category !== 'string' || !(Object.values(RiskFactorCategory) as string[]).includes(category)) {
    throw new BadUserInputError('category must be a RiskFactorCategory', 'category');
  }
  if (!Array.isArray(neighbourhoodIds) || neighbourhoodIds.length > MAX_RISK_NEIGHBOURHOODS) {
    throw new BadUserInputError(`neighbourhoodIds must be a list of at most ${MAX_RISK_NEIGHBOURHOODS} neighbourhood ids`, 'neighbourhoodIds');
  }
  const areas = await Promise.all([...new Set(neighbourhoodIds)].map((areaId) => registeredArea(areaId, ctx, 'neighbourhoodIds')));
  if (areas.some((area) => area.kind !== 'NEIGHBOURHOOD')) throw new BadUserInputError('neighbourhoodIds must name neighbourhoods', 'neighbourhoodIds');
  return Object.assign(new PriorityRisk(), {
    id,
    category: category as RiskFactorCategory,
    neighbourhoodIds: areas.map((area) => area.id).sort(),
  });
}
