import { REQUIRES_RISK_INTERVENTION } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { RISK_FACTORS, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { DiscussionArgs, MAX_DISCUSSIONS } from '../args/DiscussionArgs';
import { Discussion } from '../entities/Discussion';
import { RiskFactorCategoryInfo } from '../entities/RiskFactorCategoryInfo';

const [REQUIRES_RISK_READ, REQUIRES_RISK_PURPOSE] = REQUIRES_RISK_INTERVENTION;

interface DiscussionRow {
  id: string;
  discussed_on: string;
  table_id: string;
  originating_agency: Discussion['originatingAgency'];
  filter_reached: number;
  aer_met: boolean;
  area_id: string | null;
  age_group: Discussion['ageGroup'];
  gender: Discussion['gender'];
  risk_factors: string[] | null;
  protective_factors: Discussion['protectiveFactors'];
  assisting_agencies: Discussion['assistingAgencies'];
  services_mobilised: Discussion['servicesMobilised'];
  conclusion: Discussion['conclusion'];
  concluded_on: string | null;
  days_to_conclusion: number | null;
}

/** A discussion with its risk factors, in one statement however many discussions are listed. */
const DISCUSSIONS_SQL = `
  SELECT d.discussion_id AS id, d.discussed_on::text AS discussed_on, d.table_id, d.originating_agency, d.filter_reached, d.aer_met,
         d.area_id, d.age_group, d.gender,
         CASE WHEN d.aer_met THEN ARRAY(
           SELECT x.factor_code FROM situation_table_discussion_risk_factor x WHERE x.discussion_id = d.discussion_id ORDER BY x.factor_code
         ) END AS risk_factors,
         d.protective_factors, d.assisting_agencies, d.services_mobilised, d.conclusion,
         d.concluded_on::text AS concluded_on, d.concluded_on - d.discussed_on AS days_to_conclusion
    FROM situation_table_discussion d
   WHERE d.discussed_on BETWEEN $1 AND $2 AND ($3::text IS NULL OR d.table_id = $3)
   ORDER BY d.discussed_on, d.discussion_id
   LIMIT $4`;

const CATEGORY_ORDER = Object.values(RiskFactorCategory);
const CATEGORY_OF = new Map(RISK_FACTORS.map((f) => [f.code, f.category]));

function toDiscussion(row: DiscussionRow): Discussion {
  const categories = row.risk_factors ? new Set(row.risk_factors.map((code) => CATEGORY_OF.get(code))) : null;
  return Object.assign(new Discussion(), {
    id: row.id,
    discussedOn: row.discussed_on,
    tableId: row.table_id,
    originatingAgency: row.originating_agency,
    filterReached: row.filter_reached,
    aerMet: row.aer_met,
    areaId: row.area_id,
    ageGroup: row.age_group,
    gender: row.gender,
    riskFactors: row.risk_factors,
    riskCategories: categories ? CATEGORY_ORDER.filter((c) => categories.has(c)) : null,
    protectiveFactors: row.protective_factors,
    assistingAgencies: row.assisting_agencies,
    servicesMobilised: row.services_mobilised,
    conclusion: row.conclusion,
    concludedOn: row.concluded_on,
    daysToConclusion: row.days_to_conclusion,
  });
}

/** Record-level Situation Table data and the taxonomy it is recorded against. */
@Resolver()
export class DiscussionResolver {
  @Directive(REQUIRES_RISK_READ)
  @Directive(REQUIRES_RISK_PURPOSE)
  @Query(() => [Discussion], {
    nullable: true,
    description:
      'De-identified Situation Table discussions over a date range, oldest first: for table members (scope risk:read) ' +
      'declaring the purpose risk-intervention only',
  })
  async situationTableDiscussions(@Args(() => DiscussionArgs) args: DiscussionArgs, @Ctx() ctx: SubgraphContext): Promise<Discussion[]> {
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_DISCUSSIONS) {
      throw new BadUserInputError(`limit must be from 1 to ${MAX_DISCUSSIONS}, got ${args.limit}`, 'limit');
    }
    if (args.from > args.to) throw new BadUserInputError(`from (${args.from}) is after to (${args.to})`, 'from');
    const rows: DiscussionRow[] = await ctx.db.query(DISCUSSIONS_SQL, [args.from, args.to, args.tableId ?? null, args.limit]);
    return rows.map(toDiscussion);
  }

  @Query(() => [RiskFactorCategoryInfo], {
    description: "The risk-factor taxonomy of Ontario's Risk-driven Tracking Database: every category with its factors, in taxonomy order",
  })
  riskFactorTaxonomy(): RiskFactorCategoryInfo[] {
    return CATEGORY_ORDER.map((category) => RiskFactorCategoryInfo.of(category));
  }
}
