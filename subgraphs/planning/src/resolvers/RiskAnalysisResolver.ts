import { REQUIRES_AGGREGATES } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { BetterDirection, periodsBetween, Granularity } from '@cswb/subgraph-kit/vocabulary';
import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { findIndicator } from '../catalogue/indicatorCatalogue';
import { MAX_RISK_INDICATORS, RiskAnalysisArgs } from '../args/RiskAnalysisArgs';
import { AreaRiskScore } from '../entities/AreaRiskScore';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { fetchIndicatorValues } from '../riskAnalysis/fetchIndicatorValues';
import { IndicatorWeight, scoreAreas } from '../riskAnalysis/scoreAreas';

function validate(args: RiskAnalysisArgs): IndicatorWeight[] {
  if (args.indicators.length < 1 || args.indicators.length > MAX_RISK_INDICATORS) {
    throw new BadUserInputError(`indicators must list 1 to ${MAX_RISK_INDICATORS} indicators, got ${args.indicators.length}`, 'indicators');
  }
  periodsBetween(args.from, args.to, Granularity.YEAR);
  const seen = new Set<string>();
  return args.indicators.map(({ indicatorId, weight, betterWhen }, index) => {
    const definition = findIndicator(indicatorId);
    if (!definition) throw new BadUserInputError(`indicators[${index}].indicatorId "${indicatorId}" is not in the indicator catalogue`, 'indicators');
    if (seen.has(indicatorId)) throw new BadUserInputError(`indicators[${index}].indicatorId "${indicatorId}" is listed twice`, 'indicators');
    if (betterWhen === BetterDirection.NEUTRAL) {
      throw new BadUserInputError(`indicators[${index}].betterWhen must be HIGHER or LOWER: a neutral indicator cannot measure risk`, 'indicators');
    }
    const direction = betterWhen ?? definition.betterWhen;
    if (direction === BetterDirection.NEUTRAL) {
      throw new BadUserInputError(
        `indicators[${index}].indicatorId "${indicatorId}" has no better direction, so it cannot measure risk unless indicators[${index}].betterWhen says which way is better`,
        'indicators',
      );
    }
    if (!(weight > 0 && weight <= 100)) throw new BadUserInputError(`indicators[${index}].weight must be more than 0 and at most 100, got ${weight}`, 'indicators');
    seen.add(indicatorId);
    return { indicatorId, weight, betterWhen: direction };
  });
}

@Resolver()
export class RiskAnalysisResolver {
  @Directive(REQUIRES_AGGREGATES)
  @Query(() => [AreaRiskScore], {
    nullable: true,
    description:
      "Toolkit tool 5: areas ranked on a weighted composite of standardised indicators from any sectors, with each indicator's part in the score. Values are read through the gateway under the caller's own access rules and disclosure control.",
  })
  async riskAnalysis(@Args(() => RiskAnalysisArgs) args: RiskAnalysisArgs, @Ctx() ctx: SubgraphContext<PlanningLoaders>): Promise<AreaRiskScore[]> {
    const weights = validate(args);
    const bySector = new Map<string, string[]>();
    for (const { indicatorId } of weights) {
      const sector = findIndicator(indicatorId)!.sector;
      bySector.set(sector, [...(bySector.get(sector) ?? []), indicatorId]);
    }
    const { areaIds, values } = await fetchIndicatorValues(ctx, bySector, { kind: args.kind, from: args.from, to: args.to });
    const areas = await ctx.loaders.areaById.loadMany(areaIds);
    const byId = new Map(areas.flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a] as const] : [])));
    return scoreAreas(areaIds, weights, values).map((scored) => ({ ...scored, area: byId.get(scored.areaId)! }));
  }
}
