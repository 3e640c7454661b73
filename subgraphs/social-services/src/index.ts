import 'reflect-metadata';
import { resolveRegisteredArea } from '@cswb/subgraph-kit/areas';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { Area } from './entities/Area';
import { CaseloadMonth } from './entities/CaseloadMonth';
import { ChildWelfareMonth } from './entities/ChildWelfareMonth';
import { FoodBankMonth } from './entities/FoodBankMonth';
import { Program } from './entities/Program';
import { ProgramArea } from './entities/ProgramArea';
import { ProgramCategory } from './entities/ProgramCategory';
import { SOCIAL_SERVICES_INDICATORS } from './indicators';
import { createLoaders, SocialServicesLoaders, SOCIAL_SERVICES_ROLLUPS } from './loaders/createLoaders';
import { CreateSocialServicesRecords1732140360000 } from './migrations/1732140360000-CreateSocialServicesRecords';
import { CreateSocialServicesMeasureRollup1732140360100 } from './migrations/1732140360100-CreateSocialServicesMeasureRollup';
import { AreaResolver } from './resolvers/AreaResolver';
import { DirectoryResolver } from './resolvers/DirectoryResolver';
import { PriorityRiskResolver, resolvePriorityRiskReference } from './resolvers/PriorityRiskResolver';
import { PriorityRisk } from './entities/PriorityRisk';
import { ProgramResolver } from './resolvers/ProgramResolver';
import { SocialServicesProfileResolver } from './resolvers/SocialServicesProfileResolver';
import { isSeeded, seed } from './seed/seed';
import { SOCIAL_SERVICES_IMPORT_DATASETS } from './importDatasets';

export const subgraph: SubgraphDefinition<SocialServicesLoaders> = {
  name: 'social-services',
  description:
    "Social services: Ontario Works and ODSP caseloads, children's aid investigations, food bank use and the directory of community programs, with indicators by area",
  defaultPort: 4006,
  entities: [CaseloadMonth, ChildWelfareMonth, FoodBankMonth, Program, ProgramCategory, ProgramArea],
  migrations: [CreateSocialServicesRecords1732140360000, CreateSocialServicesMeasureRollup1732140360100],
  resolvers: [AreaResolver, SocialServicesProfileResolver, ProgramResolver, DirectoryResolver, PriorityRiskResolver],
  orphanedTypes: [Area, PriorityRisk],
  referenceResolvers: { Area: resolveRegisteredArea, PlanPriorityRisk: resolvePriorityRiskReference },
  indicators: SOCIAL_SERVICES_INDICATORS,
  rollup: SOCIAL_SERVICES_ROLLUPS[0],
  importDatasets: SOCIAL_SERVICES_IMPORT_DATASETS,
  createLoaders,
  isSeeded,
  seed,
};

export { SOCIAL_SERVICES_INDICATORS };
export { ELIGIBILITY, generateSocialServicesRecords } from './seed/generate';
export type {
  Eligibility,
  GeneratedCaseload,
  GeneratedChildWelfare,
  GeneratedFoodBank,
  GeneratedProgram,
  SocialServicesBatch,
} from './seed/generate';
export { IncomeSupportProgram } from './entities/IncomeSupportProgram';
export { ServiceCategory } from './entities/ServiceCategory';
export { SERVICE_GAP_THRESHOLD, SERVICES_FOR_RISK } from './riskServiceCategories';
