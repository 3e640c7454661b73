import 'reflect-metadata';
import { resolveRegisteredArea } from '@cswb/subgraph-kit/areas';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { Area } from './entities/Area';
import { HousingAreaMonth } from './entities/HousingAreaMonth';
import { HousingPointInTimeCount } from './entities/HousingPointInTimeCount';
import { HousingShelter } from './entities/HousingShelter';
import { HousingShelterNight } from './entities/HousingShelterNight';
import { HOUSING_INDICATORS } from './indicators';
import { createLoaders, HousingLoaders, HOUSING_ROLLUPS } from './loaders/createLoaders';
import { CreateHousingRecords1732140300000 } from './migrations/1732140300000-CreateHousingRecords';
import { CreateHousingMeasureRollup1732140310000 } from './migrations/1732140310000-CreateHousingMeasureRollup';
import { AreaResolver } from './resolvers/AreaResolver';
import { HousingProfileResolver } from './resolvers/HousingProfileResolver';
import { HousingShelterResolver } from './resolvers/HousingShelterResolver';
import { isSeeded, seed } from './seed/seed';
import { HOUSING_IMPORT_DATASETS } from './importDatasets';

export const subgraph: SubgraphDefinition<HousingLoaders> = {
  name: 'housing',
  description: 'Housing and homelessness services: emergency shelters, chronic homelessness, social-housing waitlist and eviction applications, with indicators by area',
  defaultPort: 4005,
  entities: [HousingShelter, HousingShelterNight, HousingAreaMonth, HousingPointInTimeCount],
  migrations: [CreateHousingRecords1732140300000, CreateHousingMeasureRollup1732140310000],
  resolvers: [AreaResolver, HousingProfileResolver, HousingShelterResolver],
  orphanedTypes: [Area],
  referenceResolvers: { Area: resolveRegisteredArea },
  indicators: HOUSING_INDICATORS,
  rollup: HOUSING_ROLLUPS[0],
  importDatasets: HOUSING_IMPORT_DATASETS,
  createLoaders,
  isSeeded,
  seed,
};

export { HOUSING_INDICATORS };
export { HousingShelterSector } from './entities/HousingShelterSector';
export { generateHousingRecords } from './seed/generate';
export type {
  GeneratedAreaMonth,
  GeneratedPointInTimeCount,
  GeneratedShelter,
  GeneratedShelterNight,
  HousingRecordBatch,
} from './seed/generate';
