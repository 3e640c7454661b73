import { randomUUID } from 'node:crypto';
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
import { inTransaction, lockPlan, touchPlan } from '../plans/writes';

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
        const [strategy] = await manager.query('SELECT 1 FROM plan_strategy WHERE id = $1 AND plan_id = $2', [strategyId, planId]);
        if (!strategy) throw new BadUserInputError(`input.strategyId: "${strategyId}" is not a strategy of plan ${planId}`, 'input.strategyId');
      }
      const tasks = manager.getRepository(ImplementationTask);
      const existing = await tasks
        .createQueryBuilder('t')
        .where(
          `t.plan_id = :planId AND t.who = :who AND t.what = :what AND t.start_on = :start AND t.due_on = :due AND t.status = :status
           AND t.reporting_line = :reportingLine AND t.strategy_id IS NOT DISTINCT FROM CAST(:strategyId AS uuid)`,
          { planId, who, what, start: input.start, due: input.due, status: input.status, reportingLine, strategyId },
        )
        .getOne();
      if (existing) return existing;
      const id = randomUUID();
      await manager.query(
        `INSERT INTO plan_implementation_task (id, plan_id, strategy_id, who, what, start_on, due_on, status, reporting_line)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, planId, strategyId, who, what, input.start, input.due, input.status, reportingLine],
      );
      await touchPlan(manager, planId);
      return tasks.findOneByOrFail({ id });
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
      const tasks = manager.getRepository(ImplementationTask);
      const found = await tasks.findOneBy({ id });
      if (!found) throw new NotFoundError('ImplementationTask', id);
      await lockPlan(manager, found.planId);
      const task = await tasks.findOneByOrFail({ id });
      if (task.status === status) return task;
      await manager.query('UPDATE plan_implementation_task SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
      await touchPlan(manager, task.planId);
      return tasks.findOneByOrFail({ id });
    });
  }
}
