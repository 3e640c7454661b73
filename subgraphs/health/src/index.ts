import 'reflect-metadata';
import { defineSector } from '@cswb/subgraph-kit/sector';
// First: it declares the Area type, which the schema lists before the sector's other entities.
import { HealthProfile } from './entities/HealthProfile';
import { HealthEdVisitCount } from './entities/HealthEdVisitCount';
import { HealthHospitalizationCount } from './entities/HealthHospitalizationCount';
import { HealthParamedicOverdoseCount } from './entities/HealthParamedicOverdoseCount';
import { HEALTH_INDICATORS } from './indicators';
import { createLoaders } from './loaders/createLoaders';
import { CreateHealthCounts1732140300000 } from './migrations/1732140300000-CreateHealthCounts';
import { CreateHealthMeasureRollup1732140400000 } from './migrations/1732140400000-CreateHealthMeasureRollup';
import { AddHealthCellKeys1732140410000 } from './migrations/1732140410000-AddHealthCellKeys';
import { CreateHealthMeasureCoverage1765200000000 } from './migrations/1765200000000-CreateHealthMeasureCoverage';
import { HealthEdVisitResolver } from './resolvers/HealthEdVisitResolver';
import { HealthProfileResolver } from './resolvers/HealthProfileResolver';
import { isSeeded, seed } from './seed/seed';
import { HEALTH_IMPORT_DATASETS } from './importDatasets';

export const subgraph = defineSector({
  name: 'health',
  label: { EN: 'Health', FR: 'Santé' },
  description:
    'A public health unit and its hospital and paramedic partners: monthly aggregate counts by neighbourhood (never records), with indicators by area',
  defaultPort: 4003,
  profile: HealthProfile,
  entities: [HealthEdVisitCount, HealthHospitalizationCount, HealthParamedicOverdoseCount],
  migrations: [CreateHealthCounts1732140300000, CreateHealthMeasureRollup1732140400000, AddHealthCellKeys1732140410000, CreateHealthMeasureCoverage1765200000000],
  resolvers: [HealthProfileResolver, HealthEdVisitResolver],
  importDatasets: HEALTH_IMPORT_DATASETS,
  createLoaders,
  isSeeded,
  seed,
});

export { HEALTH_INDICATORS };
export { HealthAgeGroup } from './entities/HealthAgeGroup';
export { HealthSex } from './entities/HealthSex';
export { HealthVisitReason } from './entities/HealthVisitReason';
export { generateHealthCounts } from './seed/generate';
export type { GeneratedEdVisitCount, GeneratedHealthMonth, GeneratedHospitalizationCount, GeneratedParamedicOverdoseCount } from './seed/generate';
