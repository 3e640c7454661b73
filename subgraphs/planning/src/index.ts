import 'reflect-metadata';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { Area } from './entities/Area';
import { CommitteeMember } from './entities/CommitteeMember';
import { ImplementationTask } from './entities/ImplementationTask';
import { Outcome } from './entities/Outcome';
import { PerformanceMeasure } from './entities/PerformanceMeasure';
import { Plan } from './entities/Plan';
import { PriorityRisk } from './entities/PriorityRisk';
import { PriorityRiskArea } from './entities/PriorityRiskArea';
import { Strategy } from './entities/Strategy';
import { StrategyPriorityRisk } from './entities/StrategyPriorityRisk';
import { createLoaders, PlanningLoaders } from './loaders/createLoaders';
import { CreateArea1732140000000 } from './migrations/1732140000000-CreateArea';
import { CreatePlans1732140500000 } from './migrations/1732140500000-CreatePlans';
import { CreateAreaBoundary1765000000000 } from './migrations/1765000000000-CreateAreaBoundary';
import { BOUNDARIES_IMPORT } from './boundaries/boundariesImport';
import { AreaResolver, resolveAreaReference } from './resolvers/AreaResolver';
import { AreaBoundaryResolver } from './resolvers/AreaBoundaryResolver';
import { ImplementationTaskResolver } from './resolvers/ImplementationTaskResolver';
import { IndicatorCatalogueResolver } from './resolvers/IndicatorCatalogueResolver';
import { OutcomeResolver } from './resolvers/OutcomeResolver';
import { PerformanceMeasureReadingResolver } from './resolvers/PerformanceMeasureReadingResolver';
import { PerformanceMeasureResolver } from './resolvers/PerformanceMeasureResolver';
import { RiskAnalysisResolver } from './resolvers/RiskAnalysisResolver';
import { readings, resolveReadingReference } from './readings';
import { PlanResolver, resolvePlanReference } from './resolvers/PlanResolver';
import { PriorityRiskResolver, resolvePriorityRiskReference } from './resolvers/PriorityRiskResolver';
import { StrategyResolver } from './resolvers/StrategyResolver';
// type-graphql lists the Mutation fields in the order their resolvers load: this order keeps the schema's.
import { CommitteeMutationResolver } from './resolvers/CommitteeMutationResolver';
import { PriorityRiskMutationResolver } from './resolvers/PriorityRiskMutationResolver';
import { StrategyMutationResolver } from './resolvers/StrategyMutationResolver';
import { OutcomeMutationResolver } from './resolvers/OutcomeMutationResolver';
import { PerformanceMeasureMutationResolver } from './resolvers/PerformanceMeasureMutationResolver';
import { PlanMutationResolver } from './resolvers/PlanMutationResolver';
import { TaskMutationResolver } from './resolvers/TaskMutationResolver';
import { VocabularyResolver } from './resolvers/VocabularyResolver';
import { isSeeded, seed } from './seed/seed';

export const subgraph: SubgraphDefinition<PlanningLoaders> = {
  name: 'planning',
  label: { EN: 'CSWB planning', FR: 'Planification de la SBEC' },
  description: "The municipality's CSWB planning subgraph: owns the area registry every sector reports against, and the CSWB plans",
  defaultPort: 4001,
  entities: [Area, Plan, CommitteeMember, PriorityRisk, PriorityRiskArea, Strategy, StrategyPriorityRisk, Outcome, PerformanceMeasure, ImplementationTask],
  migrations: [CreateArea1732140000000, CreatePlans1732140500000, CreateAreaBoundary1765000000000],
  resolvers: [
    AreaResolver,
    AreaBoundaryResolver,
    IndicatorCatalogueResolver,
    PlanResolver,
    PriorityRiskResolver,
    StrategyResolver,
    OutcomeResolver,
    PerformanceMeasureResolver,
    ImplementationTaskResolver,
    PlanMutationResolver,
    CommitteeMutationResolver,
    PriorityRiskMutationResolver,
    StrategyMutationResolver,
    OutcomeMutationResolver,
    PerformanceMeasureMutationResolver,
    TaskMutationResolver,
    PerformanceMeasureReadingResolver,
    RiskAnalysisResolver,
    VocabularyResolver,
  ],
  get orphanedTypes() {
    return readings().types;
  },
  servesIndicatorCatalogue: true,
  fileImports: [BOUNDARIES_IMPORT],
  // The plan mutations (the *MutationResolver files, through store/); the area registry is read only.
  writes: [
    'plan',
    'plan_committee_member',
    'plan_priority_risk',
    'plan_priority_risk_area',
    'plan_strategy',
    'plan_strategy_priority_risk',
    'plan_outcome',
    'plan_performance_measure',
    'plan_implementation_task',
  ],
  get referenceResolvers() {
    return {
      Area: resolveAreaReference,
      Plan: resolvePlanReference,
      PlanPriorityRisk: resolvePriorityRiskReference,
      ...Object.fromEntries(readings().typeNames.map((name) => [name, resolveReadingReference])),
    };
  },
  createLoaders,
  isSeeded,
  seed,
};

export { Area, Plan, PerformanceMeasure };
export { PlanStatus } from './entities/PlanStatus';
export { CommitteeSector, REQUIRED_COMMITTEE_SECTORS } from './entities/CommitteeSector';
export { parseIndicatorCatalogue, parseSectorLabels } from './catalogue/indicatorCatalogue';
export { baselinePeriodStart } from './plans/baselinePeriodStart';
export { UPSTREAM_BUDGET_SHARE_TARGET, UPSTREAM_FRAMEWORK_AREAS, REVIEW_INTERVAL_YEARS } from './plans/rules';
export { generatePlans, seedId } from './seed/generatePlans';
export type { SeedPlans } from './seed/generatePlans';
export { DRAFT_PLAN_TITLE, PUBLISHED_PLAN_TITLE } from './seed/fixtures/lakeshorePlans';
export type { AreaGeometry, Position, Ring, PolygonRings } from './geometry/Geometry';
export { polygonsOf } from './geometry/Geometry';
export { geometryArea, signedRingArea } from './geometry/ringArea';
export { simplifyLine } from './geometry/simplifyLine';
export { SharedEdgeSimplifier } from './geometry/SharedEdgeSimplifier';
export { syntheticBoundaries } from './boundaries/syntheticBoundaries';
export { zoomTolerance } from './boundaries/zoomTolerance';
