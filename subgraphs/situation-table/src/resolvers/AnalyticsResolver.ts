import { REQUIRES_AGGREGATES } from '@cswb/contract/auth';
import {
  addKeySums,
  areaSuppressionReason,
  isSubannual,
  isSubannualBreakdown,
  publishCell,
  PublishedCount,
  seesExactValues,
  SuppressionReason,
} from '@cswb/subgraph-kit/privacy';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Granularity, periodsBetween, rateValue, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AnalyticsArgs } from '../args/AnalyticsArgs';
import { SituationTableAgeGroup } from '../entities/SituationTableAgeGroup';
import {
  AnalyticsRow,
  SituationTableAgencyCount,
  SituationTableAnalytics,
  SituationTablePeriodCount,
} from '../entities/SituationTableAnalytics';
import { SituationTableSector } from '../entities/SituationTableSector';
import { SECTOR, SITUATION_TABLE_SMALLEST_PUBLISHED } from '../indicators';
import { loadAnalyticsRows, loadScopeNeighbourhoods } from '../loaders/loadAnalyticsRows';

interface Cell {
  count: number;
  keySum: number;
}

function cellOf(rows: readonly AnalyticsRow[], kind: AnalyticsRow['kind'], key = '', inPeriod?: (month: string) => boolean): Cell {
  const cell: Cell = { count: 0, keySum: 0 };
  for (const row of rows) {
    if (row.kind !== kind || row.key !== key || (inPeriod && !inPeriod(row.month))) continue;
    cell.count += row.count;
    cell.keySum = addKeySums(cell.keySum, row.keySum);
  }
  return cell;
}

/** A count as the caller may see it: the shared rule, with the Situation Tables' smallest published count (never 1 to 9). */
function publish(exact: boolean, cell: Cell, withheldFor: SuppressionReason | null = null): PublishedCount {
  return publishCell(cell.count, cell.keySum, SITUATION_TABLE_SMALLEST_PUBLISHED, exact, withheldFor);
}

function fields(published: PublishedCount) {
  return { perturbed: published.perturbed, suppressed: published.suppressed, suppressionReason: published.suppressionReason };
}

/** Aggregates of the Risk-driven Tracking Database for planners. */
@Resolver(() => SituationTableAnalytics)
export class AnalyticsResolver {
  @Directive(REQUIRES_AGGREGATES)
  @Query(() => SituationTableAnalytics, {
    nullable: true,
    description:
      'Situation Table discussions over a range of whole months (optionally of one neighbourhood or table), with breakdowns: ' +
      'exact for callers with records:read:situation-table; otherwise perturbed (never published from 1 to 9), for one calendar ' +
      "month, quarter or year at a time; a neighbourhood's breakdowns by age, category and agency by year only (docs/privacy.md)",
  })
  async situationTableAnalytics(@Args(() => AnalyticsArgs) args: AnalyticsArgs, @Ctx() ctx: SubgraphContext): Promise<SituationTableAnalytics> {
    // Whole months, in order, at most 600 of them: BAD_USER_INPUT otherwise.
    periodsBetween(args.from, args.to, Granularity.MONTH);
    // The Situation Tables' records are one sector's, held alike by every table: no row ownership to check.
    const exact = seesExactValues(ctx.caller, SECTOR, null);
    // Perturbed counts come for one calendar period; a neighbourhood's breakdowns by year only.
    const subannual = isSubannualBreakdown(exact, args.from, args.to);
    const areaId = args.areaId ?? null;
    const tableId = args.tableId ?? null;
    const [rows, neighbourhoods] = await Promise.all([
      loadAnalyticsRows(ctx.db, { from: args.from, to: args.to, areaId, tableId }),
      loadScopeNeighbourhoods(ctx.db, { areaId, tableId }),
    ]);
    // A neighbourhood's own totals are the cells its indicators publish, withheld alike (a small
    // area's months and quarters); its breakdowns by age, category and agency by year only.
    const ofNeighbourhood = (id: string, fine: boolean) =>
      areaSuppressionReason(ctx.caller, { population: neighbourhoods.find((n) => n.id === id)?.population ?? null, neighbourhoodIds: [id] }, fine);
    const scopeReason = areaId ? ofNeighbourhood(areaId, subannual) : null;
    const breakdownReason = areaId && subannual ? SuppressionReason.FINE_BREAKDOWN : null;

    const discussions = publish(exact, cellOf(rows, 'discussions'), scopeReason);
    const aerMet = publish(exact, cellOf(rows, 'aer_met'), scopeReason);
    const riskLowered = publish(exact, cellOf(rows, 'risk_lowered'), scopeReason);

    const agencies = Object.values(SituationTableSector).map((agency): SituationTableAgencyCount => {
      const published = publish(exact, cellOf(rows, 'agency', agency), breakdownReason);
      return { agency, engagements: published.value, ...fields(published) };
    });
    // Most engaged first by what the caller sees: an order by exact counts would leak them.
    const order = Object.values(SituationTableSector);
    agencies.sort((a, b) => (b.engagements ?? -1) - (a.engagements ?? -1) || order.indexOf(a.agency) - order.indexOf(b.agency));

    return Object.assign(new SituationTableAnalytics(), {
      exact,
      perturbed: !exact,
      discussions: discussions.value,
      aerMet: aerMet.value,
      riskLowered: riskLowered.value,
      // A rejected discussion records no area: the AER share of a neighbourhood is unknown.
      aerMetShare: areaId || aerMet.value === null || discussions.value === null ? null : rateValue(aerMet.value, discussions.value, 100),
      riskLoweredShare: riskLowered.value === null || aerMet.value === null ? null : rateValue(riskLowered.value, aerMet.value, 100),
      byRiskCategory: Object.values(RiskFactorCategory).map((category) => {
        const published = publish(exact, cellOf(rows, 'category', category), breakdownReason);
        return { category, discussions: published.value, ...fields(published) };
      }),
      byAgeGroup: Object.values(SituationTableAgeGroup).map((ageGroup) => {
        const published = publish(exact, cellOf(rows, 'age', ageGroup), breakdownReason);
        return { ageGroup, discussions: published.value, ...fields(published) };
      }),
      byArea: neighbourhoods.map(({ id }) => {
        const published = publish(exact, cellOf(rows, 'area', id), ofNeighbourhood(id, subannual));
        return { areaId: id, discussions: published.value, ...fields(published) };
      }),
      agenciesMostEngaged: agencies,
      rows,
      from: args.from,
      to: args.to,
      subannualReason: areaId ? ofNeighbourhood(areaId, true) : null,
    });
  }

  @FieldResolver(() => [SituationTablePeriodCount], {
    description: 'Discussions held in each period of the range, which must start and end on period boundaries of the granularity',
  })
  byPeriod(
    @Root() analytics: SituationTableAnalytics,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.MONTH }) granularity: Granularity,
  ): SituationTablePeriodCount[] {
    return periodsBetween(analytics.from, analytics.to, granularity).map((period) => {
      const cell = cellOf(analytics.rows, 'discussions', '', (month) => month >= period.start && month <= period.end);
      const published = publish(analytics.exact, cell, isSubannual(granularity) ? analytics.subannualReason : null);
      return { period, discussions: published.value, ...fields(published) };
    });
  }
}
