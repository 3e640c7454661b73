import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { BadUserInputError, NotFoundError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { BetterDirection, IndicatorDefinition } from '@cswb/subgraph-kit/vocabulary';
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { findIndicator } from '../catalogue/indicatorCatalogue';
import { PerformanceMeasure } from '../entities/PerformanceMeasure';
import { AddPerformanceMeasureInput } from '../inputs/AddPerformanceMeasureInput';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { checkAreasExist } from '../plans/areas';
import { baselinePeriodStart } from '../plans/baselinePeriodStart';
import { requireContentEditable } from '../plans/requireContentEditable';
import { MAX_DATA_SOURCE_LENGTH } from '../plans/rules';
import { checkBaselinePeriod, checkOrganisation, checkText, checkUuid, isFiner } from '../plans/validation';
import { findOutcome } from '../store/outcomeStore';
import { findPerformanceMeasure, insertPerformanceMeasure } from '../store/performanceMeasureStore';
import { lockPlan, touchPlan } from '../store/planStore';
import { inTransaction } from '../store/transaction';

/** A measured value: 0 or more, and at most 100 for percentages. */
function checkValue(value: number, field: string, unit: string): void {
  if (!Number.isFinite(value) || value < 0) throw new BadUserInputError(`${field} must be 0 or more, got ${value}`, field);
  if (/%|percent/i.test(unit) && value > 100) throw new BadUserInputError(`${field} must be at most 100 (${unit}), got ${value}`, field);
}

function checkIndicator(id: string): IndicatorDefinition {
  const indicator = findIndicator(id);
  if (!indicator) throw new BadUserInputError(`input.indicatorId: "${id}" is not in the indicator catalogue`, 'input.indicatorId');
  return indicator;
}

/** Baseline, target and their dates, checked against what the indicator measures; returns the baseline period as stored. */
function checkBaselineAndTarget(input: AddPerformanceMeasureInput, indicator: IndicatorDefinition): string {
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
  return baselinePeriod;
}

/** The performance measurement framework, part of the plan's adopted content (DRAFT or UNDER_REVIEW only). */
@Resolver()
export class PerformanceMeasureMutationResolver {
  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => PerformanceMeasure, {
    nullable: true,
    description:
      'Adds a row to the performance measurement framework: a catalogue indicator measuring an outcome in one area. The same outcome, indicator and area again with the same values returns the existing measure.',
  })
  async addPerformanceMeasure(
    @Arg('input', () => AddPerformanceMeasureInput) input: AddPerformanceMeasureInput,
    @Ctx() ctx: SubgraphContext<PlanningLoaders>,
  ): Promise<PerformanceMeasure> {
    const outcomeId = checkUuid(input.outcomeId, 'input.outcomeId');
    const indicator = checkIndicator(input.indicatorId);
    const baselinePeriod = checkBaselineAndTarget(input, indicator);
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
      const outcome = await findOutcome(manager, outcomeId);
      if (!outcome) throw new NotFoundError('PlanOutcome', outcomeId);
      const plan = await lockPlan(manager, outcome.planId);
      requireContentEditable(plan, 'input.outcomeId');
      await checkAreasExist(manager, [input.areaId], 'input.areaId');
      if (input.targetDate < plan.periodStart) {
        throw new BadUserInputError(`input.targetDate (${input.targetDate}) must be on or after the plan's periodStart (${plan.periodStart})`, 'input.targetDate');
      }
      const existing = await findPerformanceMeasure(manager, { outcomeId, indicatorId: indicator.id, areaId: input.areaId });
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
      const measure = await insertPerformanceMeasure(manager, {
        planId: plan.id,
        outcomeId,
        indicatorId: indicator.id,
        areaId: input.areaId,
        baseline: input.baseline,
        baselinePeriod,
        target: input.target,
        targetDate: input.targetDate,
        dataSource,
        collectionFrequency: frequency,
        responsiblePartner,
      });
      await touchPlan(manager, plan.id);
      return measure;
    });
  }
}
