import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { BadUserInputError, NotFoundError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { ImplementationTask } from '../entities/ImplementationTask';
import { ImplementationTaskStatus } from '../entities/ImplementationTaskStatus';
import { AddImplementationTaskInput } from '../inputs/AddImplementationTaskInput';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { MAX_STATEMENT_LENGTH } from '../plans/rules';
import { checkDateOrder, checkOrganisation, checkText, checkUuid } from '../plans/validation';
import {
  findImplementationTask,
  findSameImplementationTask,
  getImplementationTask,
  insertImplementationTask,
  TaskFields,
  updateImplementationTaskStatus,
} from '../store/implementationTaskStore';
import { lockPlan, touchPlan } from '../store/planStore';
import { isStrategyOfPlan } from '../store/strategyStore';
import { inTransaction } from '../store/transaction';

type Context = SubgraphContext<PlanningLoaders>;

/** The implementation plan: who does what when. It is kept up to date at any point of the plan's life. */
@Resolver()
export class TaskMutationResolver {
  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => ImplementationTask, {
    nullable: true,
    description: "Adds a task to a plan's implementation plan. The same task again (every field equal) returns the existing one.",
  })
  async addImplementationTask(
    @Arg('input', () => AddImplementationTaskInput) input: AddImplementationTaskInput,
    @Ctx() ctx: Context,
  ): Promise<ImplementationTask> {
    const planId = checkUuid(input.planId, 'input.planId');
    const strategyId = input.strategyId != null ? checkUuid(input.strategyId, 'input.strategyId') : null;
    const who = checkOrganisation(input.who, 'input.who');
    const what = checkText(input.what, 'input.what', MAX_STATEMENT_LENGTH);
    checkDateOrder({ value: input.start, field: 'input.start' }, { value: input.due, field: 'input.due' }, true);
    const reportingLine = checkOrganisation(input.reportingLine, 'input.reportingLine');
    return inTransaction(ctx, async (manager) => {
      await lockPlan(manager, planId);
      if (strategyId) {
        if (!(await isStrategyOfPlan(manager, strategyId, planId))) throw new BadUserInputError(`input.strategyId: "${strategyId}" is not a strategy of plan ${planId}`, 'input.strategyId');
      }
      const fields: TaskFields = { planId, strategyId, who, what, start: input.start, due: input.due, status: input.status, reportingLine };
      const existing = await findSameImplementationTask(manager, fields);
      if (existing) return existing;
      const task = await insertImplementationTask(manager, fields);
      await touchPlan(manager, planId);
      return task;
    });
  }

  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => ImplementationTask, { nullable: true, description: 'Sets the status of an implementation task; the same status changes nothing' })
  async updateTaskStatus(
    @Arg('id', () => ID) idArg: string,
    @Arg('status', () => ImplementationTaskStatus) status: ImplementationTaskStatus,
    @Ctx() ctx: Context,
  ): Promise<ImplementationTask> {
    const id = checkUuid(idArg, 'id');
    return inTransaction(ctx, async (manager) => {
      const found = await findImplementationTask(manager, id);
      if (!found) throw new NotFoundError('ImplementationTask', id);
      await lockPlan(manager, found.planId);
      const task = await getImplementationTask(manager, id);
      if (task.status === status) return task;
      const updated = await updateImplementationTaskStatus(manager, id, status);
      await touchPlan(manager, task.planId);
      return updated;
    });
  }
}
