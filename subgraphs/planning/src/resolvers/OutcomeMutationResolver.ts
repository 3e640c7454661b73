import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { NotFoundError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { Outcome } from '../entities/Outcome';
import { AddOutcomeInput } from '../inputs/AddOutcomeInput';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { requireContentEditable } from '../plans/requireContentEditable';
import { MAX_STATEMENT_LENGTH } from '../plans/rules';
import { checkText, checkUuid } from '../plans/validation';
import { findSameOutcome, insertOutcome } from '../store/outcomeStore';
import { lockPlan, touchPlan } from '../store/planStore';
import { findStrategy } from '../store/strategyStore';
import { inTransaction } from '../store/transaction';

/** The outcomes of the strategies' logic models, part of the plan's adopted content (DRAFT or UNDER_REVIEW only). */
@Resolver()
export class OutcomeMutationResolver {
  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => Outcome, {
    nullable: true,
    description: "Adds an outcome to a strategy's logic model. The same statement at the same level again returns the existing outcome.",
  })
  async addOutcome(@Arg('input', () => AddOutcomeInput) input: AddOutcomeInput, @Ctx() ctx: SubgraphContext<PlanningLoaders>): Promise<Outcome> {
    const strategyId = checkUuid(input.strategyId, 'input.strategyId');
    const statement = checkText(input.statement, 'input.statement', MAX_STATEMENT_LENGTH);
    return inTransaction(ctx, async (manager) => {
      const strategy = await findStrategy(manager, strategyId);
      if (!strategy) throw new NotFoundError('PlanStrategy', strategyId);
      const plan = await lockPlan(manager, strategy.planId);
      requireContentEditable(plan, 'input.strategyId');
      const existing = await findSameOutcome(manager, strategyId, input.level, statement);
      if (existing) return existing;
      const outcome = await insertOutcome(manager, { planId: plan.id, strategyId, statement, level: input.level });
      await touchPlan(manager, plan.id);
      return outcome;
    });
  }
}
