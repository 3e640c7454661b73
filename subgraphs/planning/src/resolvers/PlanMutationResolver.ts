import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { Plan } from '../entities/Plan';
import { PlanStatus } from '../entities/PlanStatus';
import { CreatePlanInput } from '../inputs/CreatePlanInput';
import { UpdatePlanInput } from '../inputs/UpdatePlanInput';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { checkMunicipality } from '../plans/areas';
import { addYears } from '../plans/dates';
import { requireContentEditable } from '../plans/requireContentEditable';
import { MAX_TITLE_LENGTH, NEXT_STATUS, REVIEW_INTERVAL_YEARS } from '../plans/rules';
import { checkDateOrder, checkText, checkUuid } from '../plans/validation';
import { deletePlan, findSamePlan, insertPlanUnlessExists, lockPlan, lockPlanStatus, PlanColumn, updatePlan } from '../store/planStore';
import { inTransaction } from '../store/transaction';

type Context = SubgraphContext<PlanningLoaders>;

/** "a DRAFT plan", "an ADOPTED plan". */
function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

@Resolver()
export class PlanMutationResolver {
  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => Plan, {
    nullable: true,
    description:
      'Creates a DRAFT plan. The same municipality, title and period again returns the existing plan (a retry creates nothing).',
  })
  async createPlan(@Arg('input', () => CreatePlanInput) input: CreatePlanInput, @Ctx() ctx: Context): Promise<Plan> {
    const title = checkText(input.title, 'input.title', MAX_TITLE_LENGTH);
    checkDateOrder({ value: input.periodStart, field: 'input.periodStart' }, { value: input.periodEnd, field: 'input.periodEnd' }, false);
    return inTransaction(ctx, async (manager) => {
      await checkMunicipality(manager, input.municipalityId, 'input.municipalityId');
      const inserted = await insertPlanUnlessExists(manager, {
        municipalityId: input.municipalityId,
        title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        createdBy: ctx.caller.subject,
      });
      if (inserted) return inserted;
      const existing = (await findSamePlan(manager, input.municipalityId, title, input.periodStart)) as Plan;
      if (existing.periodEnd !== input.periodEnd) {
        throw new BadUserInputError(
          `input.title: plan ${existing.id} "${existing.title}" for ${existing.municipalityId} already starts on ${existing.periodStart}, and ends on ${existing.periodEnd}`,
          'input.title',
        );
      }
      return existing;
    });
  }

  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => Plan, {
    nullable: true,
    description:
      'Changes a plan. Status moves DRAFT → ADOPTED → PUBLISHED → UNDER_REVIEW → ADOPTED …; adopting needs adoptedOn (the council resolution), and reviewDue defaults to adoptedOn + 4 years. Title and period change only while DRAFT or UNDER_REVIEW. Nothing given, nothing changes.',
  })
  async updatePlan(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePlanInput) input: UpdatePlanInput,
    @Ctx() ctx: Context,
  ): Promise<Plan> {
    checkUuid(id, 'id');
    const title = input.title != null ? checkText(input.title, 'input.title', MAX_TITLE_LENGTH) : null;
    if (input.periodStart != null && input.periodEnd != null) {
      checkDateOrder({ value: input.periodStart, field: 'input.periodStart' }, { value: input.periodEnd, field: 'input.periodEnd' }, false);
    }
    return inTransaction(ctx, async (manager) => {
      const plan = await lockPlan(manager, id);
      const changes: Partial<Record<PlanColumn, string>> = {};

      // Content: title and period.
      const periodStart = input.periodStart ?? plan.periodStart;
      const periodEnd = input.periodEnd ?? plan.periodEnd;
      const contentChanges = (title !== null && title !== plan.title) || periodStart !== plan.periodStart || periodEnd !== plan.periodEnd;
      if (contentChanges) {
        requireContentEditable(plan, 'id');
        checkDateOrder(
          { value: periodStart, field: input.periodStart != null ? 'input.periodStart' : 'periodStart' },
          { value: periodEnd, field: input.periodEnd != null ? 'input.periodEnd' : 'periodEnd' },
          false,
        );
        const other = await findSamePlan(manager, plan.municipalityId, title ?? plan.title, periodStart);
        if (other && other.id !== plan.id) {
          throw new BadUserInputError(
            `input.title: plan ${other.id} "${other.title}" for ${other.municipalityId} already starts on ${other.periodStart}`,
            'input.title',
          );
        }
        if (title !== null && title !== plan.title) changes.title = title;
        if (periodStart !== plan.periodStart) changes.period_start = periodStart;
        if (periodEnd !== plan.periodEnd) changes.period_end = periodEnd;
      }

      // Life cycle: status, adoption and review dates.
      const status = input.status ?? plan.status;
      if (status !== plan.status && NEXT_STATUS[plan.status] !== status) {
        throw new BadUserInputError(
          `input.status cannot go from ${plan.status} to ${status}: ${article(plan.status)} ${plan.status} plan can only become ${NEXT_STATUS[plan.status]}`,
          'input.status',
        );
      }
      const adopting = status === PlanStatus.ADOPTED && plan.status !== PlanStatus.ADOPTED;
      if (adopting && input.adoptedOn == null) {
        throw new BadUserInputError('input.adoptedOn is required to adopt a plan: the date of the council resolution', 'input.adoptedOn');
      }
      if (input.adoptedOn != null && status !== PlanStatus.ADOPTED) {
        throw new BadUserInputError(`input.adoptedOn can only be given when the plan is or becomes ADOPTED; it would be ${status}`, 'input.adoptedOn');
      }
      if (adopting && plan.adoptedOn && input.adoptedOn! <= plan.adoptedOn) {
        throw new BadUserInputError(
          `input.adoptedOn (${input.adoptedOn}) must be after the previous adoption (${plan.adoptedOn})`,
          'input.adoptedOn',
        );
      }
      const adoptedOn = input.adoptedOn ?? plan.adoptedOn;
      let reviewDue = input.adoptedOn != null && input.adoptedOn !== plan.adoptedOn ? addYears(input.adoptedOn, REVIEW_INTERVAL_YEARS) : plan.reviewDue;
      if (input.reviewDue != null) {
        if (!adoptedOn) throw new BadUserInputError('input.reviewDue can only be set on an adopted plan', 'input.reviewDue');
        const latest = addYears(adoptedOn, REVIEW_INTERVAL_YEARS);
        if (input.reviewDue <= adoptedOn || input.reviewDue > latest) {
          throw new BadUserInputError(
            `input.reviewDue (${input.reviewDue}) must be after adoptedOn (${adoptedOn}) and at most ${REVIEW_INTERVAL_YEARS} years later (${latest})`,
            'input.reviewDue',
          );
        }
        reviewDue = input.reviewDue;
      }
      if (status !== plan.status) changes.status = status;
      if (adoptedOn !== plan.adoptedOn && adoptedOn) changes.adopted_on = adoptedOn;
      if (reviewDue !== plan.reviewDue && reviewDue) changes.review_due = reviewDue;

      if (Object.keys(changes).length === 0) return plan;
      return updatePlan(manager, id, changes);
    });
  }

  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => Boolean, {
    nullable: true,
    description: 'Deletes a DRAFT plan and everything in it: true when deleted, false when there was no such plan',
  })
  async deletePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    checkUuid(id, 'id');
    return inTransaction(ctx, async (manager) => {
      const status = await lockPlanStatus(manager, id);
      if (!status) return false;
      if (status !== PlanStatus.DRAFT) {
        throw new BadUserInputError(`id: only DRAFT plans can be deleted; plan ${id} is ${status}`, 'id');
      }
      await deletePlan(manager, id);
      return true;
    });
  }
}
