import { NotFoundError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { CommitteeMember } from '../entities/CommitteeMember';
import { CommitteeSector, REQUIRED_COMMITTEE_SECTORS } from '../entities/CommitteeSector';
import { FrameworkBalance } from '../entities/FrameworkBalance';
import { ImplementationTask } from '../entities/ImplementationTask';
import { PerformanceMeasure } from '../entities/PerformanceMeasure';
import { Plan } from '../entities/Plan';
import { PlanStatus } from '../entities/PlanStatus';
import { PriorityRisk } from '../entities/PriorityRisk';
import { Strategy } from '../entities/Strategy';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { canReadAllPlans, isVisible, visiblePlan } from '../plans/access';
import { planBalance } from '../plans/frameworkBalance';
import { UPSTREAM_BUDGET_SHARE_TARGET } from '../plans/rules';
import { listPlans } from '../store/planStore';

type Context = SubgraphContext<PlanningLoaders>;

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => [Plan], {
    description:
      'CSWB plans, newest period first. Everyone reads PUBLISHED plans; callers with plans:write read plans of every status.',
  })
  async plans(
    @Ctx() ctx: Context,
    @Arg('status', () => PlanStatus, { nullable: true, description: 'Only plans with this status' }) status?: PlanStatus | null,
  ): Promise<Plan[]> {
    const readsAll = canReadAllPlans(ctx.caller);
    if (!readsAll && status && status !== PlanStatus.PUBLISHED) return [];
    const wanted = readsAll ? status : PlanStatus.PUBLISHED;
    const plans = await listPlans(ctx.db.manager, wanted);
    for (const plan of plans) ctx.loaders.plans.planById.prime(plan.id, plan);
    return plans;
  }

  @Query(() => Plan, { nullable: true, description: 'One plan by id; null with NOT_FOUND when there is none or the caller may not read it' })
  async plan(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Plan> {
    const plan = await ctx.loaders.plans.planById.load(id);
    if (!isVisible(plan, ctx.caller)) throw new NotFoundError('Plan', id);
    return plan;
  }

  @FieldResolver(() => Area, { description: 'The municipality the plan is for' })
  async municipality(@Root() plan: Plan, @Ctx() ctx: Context): Promise<Area | null> {
    return ctx.loaders.areaById.load(plan.municipalityId);
  }

  @FieldResolver(() => [CommitteeMember], { description: 'The advisory committee: the chair first, then by sector' })
  committee(@Root() plan: Plan, @Ctx() ctx: Context): Promise<CommitteeMember[]> {
    return ctx.loaders.plans.committeeByPlan.load(plan.id);
  }

  @FieldResolver(() => [CommitteeSector], { description: 'Sectors the Act requires on the committee that no member represents yet' })
  async missingCommitteeSectors(@Root() plan: Plan, @Ctx() ctx: Context): Promise<CommitteeSector[]> {
    const members = await ctx.loaders.plans.committeeByPlan.load(plan.id);
    return REQUIRED_COMMITTEE_SECTORS.filter((sector) => !members.some((m) => m.sector === sector));
  }

  @FieldResolver(() => Boolean, { description: 'True when every sector the Act requires is represented on the committee' })
  async committeeComplete(@Root() plan: Plan, @Ctx() ctx: Context): Promise<boolean> {
    return (await this.missingCommitteeSectors(plan, ctx)).length === 0;
  }

  @FieldResolver(() => [PriorityRisk], { description: 'Priority risks, by rank' })
  priorityRisks(@Root() plan: Plan, @Ctx() ctx: Context): Promise<PriorityRisk[]> {
    return ctx.loaders.plans.risksByPlan.load(plan.id);
  }

  @FieldResolver(() => [Strategy], { description: 'Strategies, by framework area then title' })
  strategies(@Root() plan: Plan, @Ctx() ctx: Context): Promise<Strategy[]> {
    return ctx.loaders.plans.strategiesByPlan.load(plan.id);
  }

  @FieldResolver(() => [PerformanceMeasure], { description: 'The performance measurement framework: every measure of every outcome' })
  performanceMeasures(@Root() plan: Plan, @Ctx() ctx: Context): Promise<PerformanceMeasure[]> {
    return ctx.loaders.plans.measuresByPlan.load(plan.id);
  }

  @FieldResolver(() => [ImplementationTask], { description: 'The implementation plan, by start date' })
  tasks(@Root() plan: Plan, @Ctx() ctx: Context): Promise<ImplementationTask[]> {
    return ctx.loaders.plans.tasksByPlan.load(plan.id);
  }

  @FieldResolver(() => [FrameworkBalance], { description: 'Strategies and budget in each of the four framework areas, in the framework order' })
  async frameworkBalance(@Root() plan: Plan, @Ctx() ctx: Context): Promise<FrameworkBalance[]> {
    return planBalance(await ctx.loaders.plans.strategiesByPlan.load(plan.id)).areas;
  }

  @FieldResolver(() => Float, { description: 'Budget of all strategies, in Canadian dollars' })
  async totalBudget(@Root() plan: Plan, @Ctx() ctx: Context): Promise<number> {
    return planBalance(await ctx.loaders.plans.strategiesByPlan.load(plan.id)).totalBudget;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Share of the budget in SOCIAL_DEVELOPMENT, PREVENTION and RISK_INTERVENTION, 0 to 1; null when the plan has no budget',
  })
  async upstreamBudgetShare(@Root() plan: Plan, @Ctx() ctx: Context): Promise<number | null> {
    return planBalance(await ctx.loaders.plans.strategiesByPlan.load(plan.id)).upstreamBudgetShare;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: `True when upstreamBudgetShare is at least balanceThreshold (${UPSTREAM_BUDGET_SHARE_TARGET}): most investment upstream of incident response; null when the plan has no budget`,
  })
  async balanced(@Root() plan: Plan, @Ctx() ctx: Context): Promise<boolean | null> {
    return planBalance(await ctx.loaders.plans.strategiesByPlan.load(plan.id)).balanced;
  }

  @FieldResolver(() => Float, { description: 'The upstream budget share at or above which a plan counts as balanced' })
  balanceThreshold(): number {
    return UPSTREAM_BUDGET_SHARE_TARGET;
  }
}

/**
 * Other subgraphs' references to a plan: the same row rule as `plan(id)`: a plan the caller may
 * not read (a draft, for anyone without plans:write) is null with NOT_FOUND, as one that does not exist.
 */
export async function resolvePlanReference(reference: { id?: unknown }, ctx: Context): Promise<Plan> {
  return visiblePlan(reference?.id, ctx);
}
