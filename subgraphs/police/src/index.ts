import 'reflect-metadata';
import { resolveRegisteredArea } from '@cswb/subgraph-kit/areas';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { Area } from './entities/Area';
import { CallForService } from './entities/CallForService';
import { Occurrence } from './entities/Occurrence';
import { POLICE_INDICATORS } from './indicators';
import { createLoaders, PoliceLoaders, POLICE_ROLLUPS } from './loaders/createLoaders';
import { CreatePoliceRecords1732140100000 } from './migrations/1732140100000-CreatePoliceRecords';
import { CreatePoliceMeasureRollup1732140200000 } from './migrations/1732140200000-CreatePoliceMeasureRollup';
import { AddPoliceAgency1732140250000 } from './migrations/1732140250000-AddPoliceAgency';
import { CreatePoliceAreaAgency1732140260000 } from './migrations/1732140260000-CreatePoliceAreaAgency';
import { CreatePoliceAgencyRegistry1732140270000 } from './migrations/1732140270000-CreatePoliceAgencyRegistry';
import { AreaResolver } from './resolvers/AreaResolver';
import { PoliceProfileResolver } from './resolvers/PoliceProfileResolver';
import { PoliceRecordsResolver } from './resolvers/PoliceRecordsResolver';
import { isSeeded, seed } from './seed/seed';
import { POLICE_IMPORT_DATASETS } from './importDatasets';

export const subgraph: SubgraphDefinition<PoliceLoaders> = {
  name: 'police',
  description: 'A police service: de-identified occurrences and calls for service, with indicators by area',
  defaultPort: 4002,
  entities: [Occurrence, CallForService],
  migrations: [CreatePoliceRecords1732140100000, CreatePoliceMeasureRollup1732140200000, AddPoliceAgency1732140250000, CreatePoliceAreaAgency1732140260000, CreatePoliceAgencyRegistry1732140270000],
  resolvers: [AreaResolver, PoliceProfileResolver, PoliceRecordsResolver],
  orphanedTypes: [Area],
  referenceResolvers: { Area: resolveRegisteredArea },
  indicators: POLICE_INDICATORS,
  rollup: POLICE_ROLLUPS[0],
  importDatasets: POLICE_IMPORT_DATASETS,
  createLoaders,
  isSeeded,
  seed,
};

export { POLICE_INDICATORS };
export { agencyFor, generatePoliceRecords, POLICE_AGENCIES } from './seed/generate';
export type { GeneratedCall, GeneratedOccurrence } from './seed/generate';
