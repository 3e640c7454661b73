import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { BadUserInputError, NotFoundError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { Strategy } from '../entities/Strategy';
import { AddStrategyInput } from '../inputs/AddStrategyInput';
import { UpdateStrategyInput } from '../inputs/UpdateStrategyInput';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { requireContentEditable } from '../plans/requireContentEditable';
import { MAX_PARTNERS, MAX_TITLE_LENGTH } from '../plans/rules';
import { checkBudget, checkOrganisation, checkOrganisations, checkText, checkUuid, distinct, sameList, sameOrganisation } from '../plans/validation';
import { lockPlan, touchPlan } from '../store/planStore';
import { planPriorityRiskIds } from '../store/priorityRiskStore';
import {
  findStrategy,
  findStrategyByTitle,
  getStrategy,
  insertStrategy,
  replaceStrategyPriorityRisks,
  StrategyColumn,
  strategyPriorityRiskIds,
  updateStrategy,
} from '../store/strategyStore';
import { inTransaction } from '../store/transaction';

type Context = SubgraphContext<PlanningLoaders>;

/** Throws unless every id is a priority risk of the plan. */
async function checkPlanRisks(manager: EntityManager, planId: string, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await planPriorityRiskIds(manager, planId, ids);
  const missing = ids.find((id) => !found.includes(id));
  if (missing) throw new BadUserInputError(`${field}: "${missing}" is not a priority risk of plan ${planId}`, field);
}

function checkPartners(partners: readonly string[], lead: string): string[] {
  return checkOrganisations(partners, 'input.partners', MAX_PARTNERS, { value: lead, field: 'the lead partner' });
}

function checkRiskIds(ids: readonly string[]): string[] {
  return distinct(ids.map((id, i) => checkUuid(id, `input.priorityRiskIds[${i}]`)));
}

/**
 * The plan's strategies, part of its adopted content: they change only while the plan is DRAFT
 * or UNDER_REVIEW. An identical re-submission returns the existing strategy; a different one
 * under the same title is refused.
 */
@Resolver()
export class StrategyMutationResolver {
  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => Strategy, {
    nullable: true,
    description: 'Adds a strategy to a plan. The same strategy again (same title and fields) returns the existing one.',
  })
  async addStrategy(@Arg('input', () => AddStrategyInput) input: AddStrategyInput, @Ctx() ctx: Context): Promise<Strategy> {
    const planId = checkUuid(input.planId, 'input.planId');
    const title = checkText(input.title, 'input.title', MAX_TITLE_LENGTH);
    const leadPartner = checkOrganisation(input.leadPartner, 'input.leadPartner');
    const partners = checkPartners(input.partners, leadPartner);
    const budget = checkBudget(input.budget, 'input.budget');
    const riskIds = checkRiskIds(input.priorityRiskIds);
    return inTransaction(ctx, async (manager) => {
      const plan = await lockPlan(manager, planId);
      requireContentEditable(plan, 'input.planId');
      await checkPlanRisks(manager, planId, riskIds, 'input.priorityRiskIds');
      const existing = await findStrategyByTitle(manager, planId, title);
      if (existing) {
        const identical =
          existing.title === title &&
          existing.frameworkArea === input.frameworkArea &&
          existing.leadPartner === leadPartner &&
          sameList(existing.partners, partners) &&
          existing.budget === budget &&
          sameList(await strategyPriorityRiskIds(manager, existing.id), riskIds);
        if (identical) return existing;
        throw new BadUserInputError(`input.title: the plan already has a strategy "${existing.title}" (${existing.id}); change it with updateStrategy`, 'input.title');
      }
      const strategy = await insertStrategy(manager, { planId, title, frameworkArea: input.frameworkArea, leadPartner, partners, budget, riskIds });
      await touchPlan(manager, planId);
      return strategy;
    });
  }

  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => Strategy, {
    nullable: true,
    description: 'Changes a strategy: only the fields given change; partners and priorityRiskIds, when given, replace the lists. Nothing given, nothing changes.',
  })
  async updateStrategy(
    @Arg('id', () => ID) idArg: string,
    @Arg('input', () => UpdateStrategyInput) input: UpdateStrategyInput,
    @Ctx() ctx: Context,
  ): Promise<Strategy> {
    const id = checkUuid(idArg, 'id');
    const title = input.title != null ? checkText(input.title, 'input.title', MAX_TITLE_LENGTH) : null;
    const leadPartner = input.leadPartner != null ? checkOrganisation(input.leadPartner, 'input.leadPartner') : null;
    const budget = input.budget != null ? checkBudget(input.budget, 'input.budget') : null;
    const riskIds = input.priorityRiskIds != null ? checkRiskIds(input.priorityRiskIds) : null;
    return inTransaction(ctx, async (manager) => {
      const found = await findStrategy(manager, id);
      if (!found) throw new NotFoundError('PlanStrategy', id);
      const plan = await lockPlan(manager, found.planId);
      const strategy = await getStrategy(manager, id);
      const lead = leadPartner ?? strategy.leadPartner;
      let partners = strategy.partners;
      if (input.partners != null) partners = checkPartners(input.partners, lead);
      else if (leadPartner !== null && partners.some((p) => sameOrganisation(p, leadPartner))) {
        throw new BadUserInputError(`input.leadPartner "${leadPartner}" is among the partners: give input.partners without it`, 'input.leadPartner');
      }
      const changes: Partial<Record<StrategyColumn, unknown>> = {};
      if (title !== null && title !== strategy.title) changes.title = title;
      if (input.frameworkArea != null && input.frameworkArea !== strategy.frameworkArea) changes.framework_area = input.frameworkArea;
      if (leadPartner !== null && leadPartner !== strategy.leadPartner) changes.lead_partner = leadPartner;
      if (partners.join('\n') !== strategy.partners.join('\n')) changes.partners = partners;
      if (budget !== null && budget !== strategy.budget) changes.budget = budget;
      const risksChange = riskIds !== null && !sameList(riskIds, await strategyPriorityRiskIds(manager, id));
      if (Object.keys(changes).length === 0 && !risksChange) return strategy;

      requireContentEditable(plan, 'id');
      if (changes.title) {
        const clash = await findStrategyByTitle(manager, plan.id, changes.title as string, id);
        if (clash) throw new BadUserInputError(`input.title: the plan already has a strategy "${changes.title}" (${clash.id})`, 'input.title');
      }
      if (risksChange && riskIds !== null) {
        await checkPlanRisks(manager, plan.id, riskIds, 'input.priorityRiskIds');
        await replaceStrategyPriorityRisks(manager, plan.id, id, riskIds);
      }
      await updateStrategy(manager, id, changes);
      await touchPlan(manager, plan.id);
      return getStrategy(manager, id);
    });
  }
}
