import 'reflect-metadata';
import { defineSector } from '@cswb/subgraph-kit/sector';
// First: it declares the Area type, which the schema lists before the sector's other entities.
import { HousingProfile } from './entities/HousingProfile';
import { HousingAreaMonth } from './entities/HousingAreaMonth';
import { HousingPointInTimeCount } from './entities/HousingPointInTimeCount';
import { HousingShelter } from './entities/HousingShelter';
import { HousingShelterNight } from './entities/HousingShelterNight';
import { HOUSING_INDICATORS } from './indicators';
import { createLoaders } from './loaders/createLoaders';
import { CreateHousingRecords1732140300000 } from './migrations/1732140300000-CreateHousingRecords';
import { CreateHousingMeasureRollup1732140310000 } from './migrations/1732140310000-CreateHousingMeasureRollup';
import { AddHousingCellKeys1732140320000 } from './migrations/1732140320000-AddHousingCellKeys';
import { CreateHousingMeasureCoverage1765200000000 } from './migrations/1765200000000-CreateHousingMeasureCoverage';
import { HousingProfileResolver } from './resolvers/HousingProfileResolver';
import { HousingShelterResolver } from './resolvers/HousingShelterResolver';
import { isSeeded, seed } from './seed/seed';
import { HOUSING_IMPORT_DATASETS } from './importDatasets';

export const subgraph = defineSector({
  name: 'housing',
  label: { EN: 'Housing', FR: 'Logement' },
  description: 'Housing and homelessness services: emergency shelters, chronic homelessness, social-housing waitlist and eviction applications, with indicators by area',
  defaultPort: 4005,
  profile: HousingProfile,
  entities: [HousingShelter, HousingShelterNight, HousingAreaMonth, HousingPointInTimeCount],
  migrations: [CreateHousingRecords1732140300000, CreateHousingMeasureRollup1732140310000, AddHousingCellKeys1732140320000, CreateHousingMeasureCoverage1765200000000],
  resolvers: [HousingProfileResolver, HousingShelterResolver],
  importDatasets: HOUSING_IMPORT_DATASETS,
  createLoaders,
  isSeeded,
  seed,
});

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
