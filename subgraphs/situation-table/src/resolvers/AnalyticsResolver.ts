import { REQUIRES_AGGREGATES } from '@cswb/contract/auth';
import { cellKey, protectCount, PublishedCount, seesExactValues } from '@cswb/subgraph-kit/privacy';
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
import { SECTOR, SITUATION_TABLE_THRESHOLD } from '../indicators';
import { loadAnalyticsRows } from '../loaders/loadAnalyticsRows';

interface Cell {
  count: number;
  /** First and last month holding a count of the cell: its identity, not the range asked for. */
  firstMonth: string | null;
  lastMonth: string | null;
}

function cellOf(rows: readonly AnalyticsRow[], kind: AnalyticsRow['kind'], key = '', inPeriod?: (month: string) => boolean): Cell {
  const cell: Cell = { count: 0, firstMonth: null, lastMonth: null };
  for (const row of rows) {
    if (row.kind !== kind || row.key !== key || (inPeriod && !inPeriod(row.month)) || row.count === 0) continue;
    cell.count += row.count;
    if (cell.firstMonth === null || row.month < cell.firstMonth) cell.firstMonth = row.month;
    if (cell.lastMonth === null || row.month > cell.lastMonth) cell.lastMonth = row.month;
  }
  return cell;
}

/**
 * A count as the caller may see it. Exact for callers with records:read:situation-table;
 * otherwise the shared disclosure control: 1 to 9 withheld, the rest randomly rounded to base 5
 * with the draw of the cell, keyed by what it counts (measure, filters, breakdown part and the
 * months that hold its discussions), so widening a range over empty months draws nothing new.
 */
function publish(exact: boolean, scope: readonly (string | null)[], measure: string, cell: Cell, part: readonly string[] = []): PublishedCount {
  if (exact) return { value: cell.count, suppressed: false, suppressionReason: null };
  return protectCount(cell.count, SITUATION_TABLE_THRESHOLD, cellKey([SECTOR, measure, ...scope, cell.firstMonth, cell.lastMonth, ...part]));
}

function fields(published: PublishedCount) {
  return { suppressed: published.suppressed, suppressionReason: published.suppressionReason };
}

/** Aggregates of the Risk-driven Tracking Database for planners. */
@Resolver(() => SituationTableAnalytics)
export class AnalyticsResolver {
  @Directive(REQUIRES_AGGREGATES)
  @Query(() => SituationTableAnalytics, {
    nullable: true,
    description:
      'Situation Table discussions over a range of whole months (optionally of one neighbourhood or table), with breakdowns: ' +
      'exact for callers with records:read:situation-table, otherwise rounded to base 5 with counts from 1 to 9 withheld',
  })
  async situationTableAnalytics(@Args(() => AnalyticsArgs) args: AnalyticsArgs, @Ctx() ctx: SubgraphContext): Promise<SituationTableAnalytics> {
    // Whole months, in order, at most 600 of them: BAD_USER_INPUT otherwise.
    periodsBetween(args.from, args.to, Granularity.MONTH);
    const areaId = args.areaId ?? null;
    const tableId = args.tableId ?? null;
    const rows = await loadAnalyticsRows(ctx.db, { from: args.from, to: args.to, areaId, tableId });
    // The Situation Tables' records are one sector's, held alike by every table: no row ownership to check.
    const exact = seesExactValues(ctx.caller, SECTOR, null);
    const scope = [areaId ?? 'ALL', tableId ?? 'ALL'];

    const discussions = publish(exact, scope, 'discussions', cellOf(rows, 'discussions'));
    const aerMet = publish(exact, scope, 'aer_met', cellOf(rows, 'aer_met'));
    const riskLowered = publish(exact, scope, 'risk_lowered', cellOf(rows, 'risk_lowered'));

    const agencies = Object.values(SituationTableSector).map((agency): SituationTableAgencyCount => {
      const published = publish(exact, scope, 'agency_engagements', cellOf(rows, 'agency', agency), [agency]);
      return { agency, engagements: published.value, ...fields(published) };
    });
    // Most engaged first by what the caller sees: an order by exact counts would leak them.
    const order = Object.values(SituationTableSector);
    agencies.sort((a, b) => (b.engagements ?? -1) - (a.engagements ?? -1) || order.indexOf(a.agency) - order.indexOf(b.agency));

    const areaIds = [...new Set(rows.filter((r) => r.kind === 'area').map((r) => r.key))].sort();

    return Object.assign(new SituationTableAnalytics(), {
      exact,
      discussions: discussions.value,
      aerMet: aerMet.value,
      riskLowered: riskLowered.value,
      // A rejected discussion records no area: the AER share of a neighbourhood is unknown.
      aerMetShare: areaId || aerMet.value === null || discussions.value === null ? null : rateValue(aerMet.value, discussions.value, 100),
      riskLoweredShare: riskLowered.value === null || aerMet.value === null ? null : rateValue(riskLowered.value, aerMet.value, 100),
      byRiskCategory: Object.values(RiskFactorCategory).map((category) => {
        const published = publish(exact, scope, 'discussions_by_risk_category', cellOf(rows, 'category', category), [category]);
        return { category, discussions: published.value, ...fields(published) };
      }),
      byAgeGroup: Object.values(SituationTableAgeGroup).map((ageGroup) => {
        const published = publish(exact, scope, 'discussions_by_age_group', cellOf(rows, 'age', ageGroup), [ageGroup]);
        return { ageGroup, discussions: published.value, ...fields(published) };
      }),
      byArea: areaIds.map((id) => {
        const published = publish(exact, scope, 'discussions_by_area', cellOf(rows, 'area', id), [id]);
        return { areaId: id, discussions: published.value, ...fields(published) };
      }),
      agenciesMostEngaged: agencies,
      rows,
      from: args.from,
      to: args.to,
      identity: scope,
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
      const published = publish(analytics.exact, analytics.identity, 'discussions_by_period', cell, [granularity, period.start]);
      return { period, discussions: published.value, ...fields(published) };
    });
  }
}
