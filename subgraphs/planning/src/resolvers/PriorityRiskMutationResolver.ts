import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { PriorityRisk } from '../entities/PriorityRisk';
import { AddPriorityRiskInput } from '../inputs/AddPriorityRiskInput';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { checkAreasExist } from '../plans/areas';
import { requireContentEditable } from '../plans/requireContentEditable';
import { MAX_AREAS_PER_RISK, MAX_STATEMENT_LENGTH } from '../plans/rules';
import { checkText, checkUuid, distinct, sameList } from '../plans/validation';
import { lockPlan, touchPlan } from '../store/planStore';
import { findPriorityRisk, insertPriorityRisk, nextPriorityRiskRank, priorityRiskAreaIds } from '../store/priorityRiskStore';
import { inTransaction } from '../store/transaction';

/**
 * The plan's priority risks, part of its adopted content: they change only while the plan is
 * DRAFT or UNDER_REVIEW. An identical re-submission returns the existing risk.
 */
@Resolver()
export class PriorityRiskMutationResolver {
  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => PriorityRisk, {
    nullable: true,
    description: 'Adds a priority risk to a plan. The same risk again (same category, rationale, areas) returns the existing one.',
  })
  async addPriorityRisk(@Arg('input', () => AddPriorityRiskInput) input: AddPriorityRiskInput, @Ctx() ctx: SubgraphContext<PlanningLoaders>): Promise<PriorityRisk> {
    const planId = checkUuid(input.planId, 'input.planId');
    const rationale = checkText(input.rationale, 'input.rationale', MAX_STATEMENT_LENGTH);
    const areaIds = distinct(input.areaIds);
    if (areaIds.length === 0) throw new BadUserInputError('input.areaIds must name at least one area', 'input.areaIds');
    if (areaIds.length > MAX_AREAS_PER_RISK) {
      throw new BadUserInputError(`input.areaIds must name at most ${MAX_AREAS_PER_RISK} areas, got ${areaIds.length}`, 'input.areaIds');
    }
    if (input.rank != null && input.rank < 1) throw new BadUserInputError(`input.rank must be 1 or more, got ${input.rank}`, 'input.rank');
    return inTransaction(ctx, async (manager) => {
      const plan = await lockPlan(manager, planId);
      requireContentEditable(plan, 'input.planId');
      await checkAreasExist(manager, areaIds, 'input.areaIds');
      const existing = await findPriorityRisk(manager, { planId, category: input.category });
      if (existing) {
        const identical =
          existing.rationale === rationale &&
          (input.rank == null || input.rank === existing.rank) &&
          sameList(await priorityRiskAreaIds(manager, existing.id), areaIds);
        if (identical) return existing;
        throw new BadUserInputError(`input.category ${input.category} is already a priority risk of this plan (rank ${existing.rank})`, 'input.category');
      }
      let rank = input.rank;
      if (rank != null) {
        const taken = await findPriorityRisk(manager, { planId, rank });
        if (taken) throw new BadUserInputError(`input.rank ${rank} is taken by ${taken.category} in this plan`, 'input.rank');
      } else {
        rank = await nextPriorityRiskRank(manager, planId);
      }
      const risk = await insertPriorityRisk(manager, { planId, category: input.category, rationale, rank, areaIds });
      await touchPlan(manager, planId);
      return risk;
    });
  }
}
