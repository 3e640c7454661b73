import 'reflect-metadata';
import { defineSector } from '@cswb/subgraph-kit/sector';
// First: it declares the Area type, which the schema lists before the sector's other entities.
import { SocialServicesProfile } from './entities/SocialServicesProfile';
import { CaseloadMonth } from './entities/CaseloadMonth';
import { ChildWelfareMonth } from './entities/ChildWelfareMonth';
import { FoodBankMonth } from './entities/FoodBankMonth';
import { Program } from './entities/Program';
import { ProgramArea } from './entities/ProgramArea';
import { ProgramCategory } from './entities/ProgramCategory';
import { SOCIAL_SERVICES_INDICATORS } from './indicators';
import { createLoaders } from './loaders/createLoaders';
import { CreateSocialServicesRecords1732140360000 } from './migrations/1732140360000-CreateSocialServicesRecords';
import { CreateSocialServicesMeasureRollup1732140360100 } from './migrations/1732140360100-CreateSocialServicesMeasureRollup';
import { AddSocialServicesCellKeys1732140360200 } from './migrations/1732140360200-AddSocialServicesCellKeys';
import { CreateSocialServicesMeasureCoverage1765200000000 } from './migrations/1765200000000-CreateSocialServicesMeasureCoverage';
import { DirectoryResolver } from './resolvers/DirectoryResolver';
import { PriorityRiskResolver, resolvePriorityRiskReference } from './resolvers/PriorityRiskResolver';
import { PriorityRisk } from './entities/PriorityRisk';
import { ProgramResolver } from './resolvers/ProgramResolver';
import { SocialServicesProfileResolver } from './resolvers/SocialServicesProfileResolver';
import { isSeeded, seed } from './seed/seed';
import { SOCIAL_SERVICES_IMPORT_DATASETS } from './importDatasets';

export const subgraph = defineSector({
  name: 'social-services',
  label: { EN: 'Social services', FR: 'Services sociaux' },
  description:
    "Social services: Ontario Works and ODSP caseloads, children's aid investigations, food bank use and the directory of community programs, with indicators by area",
  defaultPort: 4006,
  profile: SocialServicesProfile,
  entities: [CaseloadMonth, ChildWelfareMonth, FoodBankMonth, Program, ProgramCategory, ProgramArea],
  migrations: [CreateSocialServicesRecords1732140360000, CreateSocialServicesMeasureRollup1732140360100, AddSocialServicesCellKeys1732140360200, CreateSocialServicesMeasureCoverage1765200000000],
  resolvers: [SocialServicesProfileResolver, ProgramResolver, DirectoryResolver, PriorityRiskResolver],
  orphanedTypes: [PriorityRisk],
  referenceResolvers: { PlanPriorityRisk: resolvePriorityRiskReference },
  importDatasets: SOCIAL_SERVICES_IMPORT_DATASETS,
  createLoaders,
  isSeeded,
  seed,
});

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
