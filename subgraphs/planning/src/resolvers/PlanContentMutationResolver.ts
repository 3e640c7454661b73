import { randomUUID } from 'node:crypto';
import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { BadUserInputError, NotFoundError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { BetterDirection } from '@cswb/subgraph-kit/vocabulary';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { Outcome } from '../entities/Outcome';
import { PerformanceMeasure } from '../entities/PerformanceMeasure';
import { PriorityRisk } from '../entities/PriorityRisk';
import { Strategy } from '../entities/Strategy';
import { AddOutcomeInput } from '../inputs/AddOutcomeInput';
import { AddPerformanceMeasureInput } from '../inputs/AddPerformanceMeasureInput';
import { AddPriorityRiskInput } from '../inputs/AddPriorityRiskInput';
import { AddStrategyInput } from '../inputs/AddStrategyInput';
import { UpdateStrategyInput } from '../inputs/UpdateStrategyInput';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { checkAreasExist } from '../plans/areas';
import { baselinePeriodStart } from '../plans/baselinePeriodStart';
import { MAX_AREAS_PER_RISK, MAX_DATA_SOURCE_LENGTH, MAX_PARTNERS, MAX_STATEMENT_LENGTH, MAX_TITLE_LENGTH } from '../plans/rules';
import {
  checkBaselinePeriod,
  checkBudget,
  checkOrganisation,
  checkOrganisations,
  checkText,
  checkUuid,
  distinct,
  isFiner,
  sameOrganisation,
} from '../plans/validation';
import { inTransaction, lockPlan, requireContentEditable, touchPlan } from '../plans/writes';
import { indicatorCatalogue } from './IndicatorCatalogueResolver';

type Context = SubgraphContext<PlanningLoaders>;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);
}

async function riskAreaIds(manager: EntityManager, riskId: string): Promise<string[]> {
  const rows: { area_id: string }[] = await manager.query('SELECT area_id FROM plan_priority_risk_area WHERE priority_risk_id = $1', [riskId]);
  return rows.map((row) => row.area_id);
}

async function strategyRiskIds(manager: EntityManager, strategyId: string): Promise<string[]> {
  const rows: { priority_risk_id: string }[] = await manager.query(
    'SELECT priority_risk_id FROM plan_strategy_priority_risk WHERE strategy_id = $1',
    [strategyId],
  );
  return rows.map((row) => row.priority_risk_id);
}

/** Throws unless every id is a priority risk of the plan. */
async function checkPlanRisks(manager: EntityManager, planId: string, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const rows: { id: string }[] = await manager.query('SELECT id FROM plan_priority_risk WHERE plan_id = $1 AND id = ANY($2)', [planId, ids]);
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing) throw new BadUserInputError(`${field}: "${missing}" is not a priority risk of plan ${planId}`, field);
}

async function linkRisks(manager: EntityManager, planId: string, strategyId: string, riskIds: readonly string[]): Promise<void> {
  if (riskIds.length === 0) return;
  await manager.query(
    'INSERT INTO plan_strategy_priority_risk (strategy_id, priority_risk_id, plan_id) SELECT $1, unnest($2::uuid[]), $3',
    [strategyId, riskIds, planId],
  );
}

function checkPartners(partners: readonly string[], lead: string): string[] {
  return checkOrganisations(partners, 'input.partners', MAX_PARTNERS, { value: lead, field: 'the lead partner' });
}

/** A measured value: 0 or more, and at most 100 for percentages. */
function checkValue(value: number, field: string, unit: string): void {
  if (!Number.isFinite(value) || value < 0) throw new BadUserInputError(`${field} must be 0 or more, got ${value}`, field);
  if (/%|percent/i.test(unit) && value > 100) throw new BadUserInputError(`${field} must be at most 100 (${unit}), got ${value}`, field);
}

/**
 * The plan's adopted content: priority risks, strategies, outcomes, performance measures. It
 * changes only while the plan is DRAFT or UNDER_REVIEW. An identical re-submission returns the
 * existing row; a different one under the same natural key is refused.
 */
@Resolver()
export class PlanContentMutationResolver {
  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => PriorityRisk, {
    nullable: true,
    description: 'Adds a priority risk to a plan. The same risk again (same category, rationale, areas) returns the existing one.',
  })
  async addPriorityRisk(@Arg('input', () => AddPriorityRiskInput) input: AddPriorityRiskInput, @Ctx() ctx: Context): Promise<PriorityRisk> {
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
      const risks = manager.getRepository(PriorityRisk);
      const existing = await risks.findOneBy({ planId, category: input.category });
      if (existing) {
        const identical =
          existing.rationale === rationale && (input.rank == null || input.rank === existing.rank) && sameList(await riskAreaIds(manager, existing.id), areaIds);
        if (identical) return existing;
        throw new BadUserInputError(`input.category ${input.category} is already a priority risk of this plan (rank ${existing.rank})`, 'input.category');
      }
      let rank = input.rank;
      if (rank != null) {
        const taken = await risks.findOneBy({ planId, rank });
        if (taken) throw new BadUserInputError(`input.rank ${rank} is taken by ${taken.category} in this plan`, 'input.rank');
      } else {
        const [{ next }] = await manager.query('SELECT coalesce(max(rank), 0) + 1 AS next FROM plan_priority_risk WHERE plan_id = $1', [planId]);
        rank = next as number;
      }
      const id = randomUUID();
      await manager.query('INSERT INTO plan_priority_risk (id, plan_id, category, rationale, rank) VALUES ($1, $2, $3, $4, $5)', [
        id,
        planId,
        input.category,
        rationale,
        rank,
      ]);
      await manager.query('INSERT INTO plan_priority_risk_area (priority_risk_id, area_id) SELECT $1, unnest($2::text[])', [id, areaIds]);
      await touchPlan(manager, planId);
      return risks.findOneByOrFail({ id });
    });
  }

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
    const riskIds = distinct(input.priorityRiskIds.map((id, i) => checkUuid(id, `input.priorityRiskIds[${i}]`)));
    return inTransaction(ctx, async (manager) => {
      const plan = await lockPlan(manager, planId);
      requireContentEditable(plan, 'input.planId');
      await checkPlanRisks(manager, planId, riskIds, 'input.priorityRiskIds');
      const strategies = manager.getRepository(Strategy);
      const existing = await strategies.createQueryBuilder('s').where('s.plan_id = :planId AND lower(s.title) = lower(:title)', { planId, title }).getOne();
      if (existing) {
        const identical =
          existing.title === title &&
          existing.frameworkArea === input.frameworkArea &&
          existing.leadPartner === leadPartner &&
          sameList(existing.partners, partners) &&
          existing.budget === budget &&
          sameList(await strategyRiskIds(manager, existing.id), riskIds);
        if (identical) return existing;
        throw new BadUserInputError(`input.title: the plan already has a strategy "${existing.title}" (${existing.id}); change it with updateStrategy`, 'input.title');
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO plan_strategy (id, plan_id, title, framework_area, lead_partner, partners, budget)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, planId, title, input.frameworkArea, leadPartner, partners, budget],
      );
      await linkRisks(manager, planId, id, riskIds);
      await touchPlan(manager, planId);
      return strategies.findOneByOrFail({ id });
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
    const riskIds = input.priorityRiskIds != null ? distinct(input.priorityRiskIds.map((r, i) => checkUuid(r, `input.priorityRiskIds[${i}]`))) : null;
    return inTransaction(ctx, async (manager) => {
      const strategies = manager.getRepository(Strategy);
      const found = await strategies.findOneBy({ id });
      if (!found) throw new NotFoundError('PlanStrategy', id);
      const plan = await lockPlan(manager, found.planId);
      const strategy = await strategies.findOneByOrFail({ id });
      const lead = leadPartner ?? strategy.leadPartner;
      let partners = strategy.partners;
      if (input.partners != null) partners = checkPartners(input.partners, lead);
      else if (leadPartner !== null && partners.some((p) => sameOrganisation(p, leadPartner))) {
        throw new BadUserInputError(`input.leadPartner "${leadPartner}" is among the partners: give input.partners without it`, 'input.leadPartner');
      }
      const changes: Record<string, unknown> = {};
      if (title !== null && title !== strategy.title) changes.title = title;
      if (input.frameworkArea != null && input.frameworkArea !== strategy.frameworkArea) changes.framework_area = input.frameworkArea;
      if (leadPartner !== null && leadPartner !== strategy.leadPartner) changes.lead_partner = leadPartner;
      if (partners.join('\n') !== strategy.partners.join('\n')) changes.partners = partners;
      if (budget !== null && budget !== strategy.budget) changes.budget = budget;
      const risksChange = riskIds !== null && !sameList(riskIds, await strategyRiskIds(manager, id));
      if (Object.keys(changes).length === 0 && !risksChange) return strategy;

      requireContentEditable(plan, 'id');
      if (changes.title) {
        const [clash]: { id: string }[] = await manager.query('SELECT id FROM plan_strategy WHERE plan_id = $1 AND lower(title) = lower($2) AND id <> $3', [
          plan.id,
          changes.title,
          id,
        ]);
        if (clash) throw new BadUserInputError(`input.title: the plan already has a strategy "${changes.title}" (${clash.id})`, 'input.title');
      }
      if (risksChange && riskIds !== null) {
        await checkPlanRisks(manager, plan.id, riskIds, 'input.priorityRiskIds');
        await manager.query('DELETE FROM plan_strategy_priority_risk WHERE strategy_id = $1', [id]);
        await linkRisks(manager, plan.id, id, riskIds);
      }
      const columns = Object.keys(changes);
      if (columns.length > 0) {
        await manager.query(`UPDATE plan_strategy SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
          id,
          ...columns.map((c) => changes[c]),
        ]);
      } else {
        await manager.query('UPDATE plan_strategy SET updated_at = now() WHERE id = $1', [id]);
      }
      await touchPlan(manager, plan.id);
      return strategies.findOneByOrFail({ id });
    });
  }

  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => Outcome, {
    nullable: true,
    description: "Adds an outcome to a strategy's logic model. The same statement at the same level again returns the existing outcome.",
  })
  async addOutcome(@Arg('input', () => AddOutcomeInput) input: AddOutcomeInput, @Ctx() ctx: Context): Promise<Outcome> {
    const strategyId = checkUuid(input.strategyId, 'input.strategyId');
    const statement = checkText(input.statement, 'input.statement', MAX_STATEMENT_LENGTH);
    return inTransaction(ctx, async (manager) => {
      const strategy = await manager.getRepository(Strategy).findOneBy({ id: strategyId });
      if (!strategy) throw new NotFoundError('PlanStrategy', strategyId);
      const plan = await lockPlan(manager, strategy.planId);
      requireContentEditable(plan, 'input.strategyId');
      const outcomes = manager.getRepository(Outcome);
      const existing = await outcomes
        .createQueryBuilder('o')
        .where('o.strategy_id = :strategyId AND o.level = :level AND lower(o.statement) = lower(:statement)', { strategyId, level: input.level, statement })
        .getOne();
      if (existing) return existing;
      const id = randomUUID();
      await manager.query('INSERT INTO plan_outcome (id, plan_id, strategy_id, statement, level) VALUES ($1, $2, $3, $4, $5)', [
        id,
        plan.id,
        strategyId,
        statement,
        input.level,
      ]);
      await touchPlan(manager, plan.id);
      return outcomes.findOneByOrFail({ id });
    });
  }

  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => PerformanceMeasure, {
    nullable: true,
    description:
      'Adds a row to the performance measurement framework: a catalogue indicator measuring an outcome in one area. The same outcome, indicator and area again with the same values returns the existing measure.',
  })
  async addPerformanceMeasure(
    @Arg('input', () => AddPerformanceMeasureInput) input: AddPerformanceMeasureInput,
    @Ctx() ctx: Context,
  ): Promise<PerformanceMeasure> {
    const outcomeId = checkUuid(input.outcomeId, 'input.outcomeId');
    const indicator = indicatorCatalogue().find((i) => i.id === input.indicatorId);
    if (!indicator) throw new BadUserInputError(`input.indicatorId: "${input.indicatorId}" is not in the indicator catalogue`, 'input.indicatorId');
    checkValue(input.baseline, 'input.baseline', indicator.unit);
    const baselinePeriod = checkBaselinePeriod(input.baselinePeriod, 'input.baselinePeriod', indicator);
    checkValue(input.target, 'input.target', indicator.unit);
    const worse =
      (indicator.betterWhen === BetterDirection.LOWER && input.target > input.baseline) ||
      (indicator.betterWhen === BetterDirection.HIGHER && input.target < input.baseline);
    if (worse) {
      throw new BadUserInputError(
        `input.target ${input.target} is worse than input.baseline ${input.baseline}: ${indicator.id} is better when ${indicator.betterWhen}`,
        'input.target',
      );
    }
    if (baselinePeriodStart(baselinePeriod) >= input.targetDate) {
      throw new BadUserInputError(`input.baselinePeriod ${baselinePeriod} must begin before input.targetDate (${input.targetDate})`, 'input.baselinePeriod');
    }
    const dataSource = input.dataSource != null ? checkText(input.dataSource, 'input.dataSource', MAX_DATA_SOURCE_LENGTH) : indicator.source;
    const frequency = input.collectionFrequency ?? indicator.frequency;
    if (isFiner(frequency, indicator.frequency)) {
      throw new BadUserInputError(
        `input.collectionFrequency ${frequency} is finer than ${indicator.id} is collected (${indicator.frequency})`,
        'input.collectionFrequency',
      );
    }
    const responsiblePartner = checkOrganisation(input.responsiblePartner, 'input.responsiblePartner');
    return inTransaction(ctx, async (manager) => {
      const outcome = await manager.getRepository(Outcome).findOneBy({ id: outcomeId });
      if (!outcome) throw new NotFoundError('PlanOutcome', outcomeId);
      const plan = await lockPlan(manager, outcome.planId);
      requireContentEditable(plan, 'input.outcomeId');
      await checkAreasExist(manager, [input.areaId], 'input.areaId');
      if (input.targetDate < plan.periodStart) {
        throw new BadUserInputError(`input.targetDate (${input.targetDate}) must be on or after the plan's periodStart (${plan.periodStart})`, 'input.targetDate');
      }
      const measures = manager.getRepository(PerformanceMeasure);
      const existing = await measures.findOneBy({ outcomeId, indicatorId: indicator.id, areaId: input.areaId });
      if (existing) {
        const identical =
          existing.baseline === input.baseline &&
          existing.baselinePeriod === baselinePeriod &&
          existing.target === input.target &&
          existing.targetDate === input.targetDate &&
          existing.dataSource === dataSource &&
          existing.collectionFrequency === frequency &&
          existing.responsiblePartner === responsiblePartner;
        if (identical) return existing;
        throw new BadUserInputError(
          `input.indicatorId: outcome ${outcomeId} is already measured by ${indicator.id} for ${input.areaId} (${existing.id})`,
          'input.indicatorId',
        );
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO plan_performance_measure (id, plan_id, outcome_id, indicator_id, area_id, baseline, baseline_period, target, target_date,
           data_source, collection_frequency, responsible_partner)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [id, plan.id, outcomeId, indicator.id, input.areaId, input.baseline, baselinePeriod, input.target, input.targetDate, dataSource, frequency, responsiblePartner],
      );
      await touchPlan(manager, plan.id);
      return measures.findOneByOrFail({ id });
    });
  }
}
