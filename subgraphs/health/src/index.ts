import 'reflect-metadata';
import { resolveRegisteredArea } from '@cswb/subgraph-kit/areas';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { Area } from './entities/Area';
import { HealthEdVisitCount } from './entities/HealthEdVisitCount';
import { HealthHospitalizationCount } from './entities/HealthHospitalizationCount';
import { HealthParamedicOverdoseCount } from './entities/HealthParamedicOverdoseCount';
import { HEALTH_INDICATORS } from './indicators';
import { createLoaders, HealthLoaders, HEALTH_ROLLUPS } from './loaders/createLoaders';
import { CreateHealthCounts1732140300000 } from './migrations/1732140300000-CreateHealthCounts';
import { CreateHealthMeasureRollup1732140400000 } from './migrations/1732140400000-CreateHealthMeasureRollup';
import { AreaResolver } from './resolvers/AreaResolver';
import { HealthEdVisitResolver } from './resolvers/HealthEdVisitResolver';
import { HealthProfileResolver } from './resolvers/HealthProfileResolver';
import { isSeeded, seed } from './seed/seed';
import { HEALTH_IMPORT_DATASETS } from './importDatasets';

export const subgraph: SubgraphDefinition<HealthLoaders> = {
  name: 'health',
  description:
    'A public health unit and its hospital and paramedic partners: monthly aggregate counts by neighbourhood (never records), with indicators by area',
  defaultPort: 4003,
  entities: [HealthEdVisitCount, HealthHospitalizationCount, HealthParamedicOverdoseCount],
  migrations: [CreateHealthCounts1732140300000, CreateHealthMeasureRollup1732140400000],
  resolvers: [AreaResolver, HealthProfileResolver, HealthEdVisitResolver],
  orphanedTypes: [Area],
  referenceResolvers: { Area: resolveRegisteredArea },
  indicators: HEALTH_INDICATORS,
  rollup: HEALTH_ROLLUPS[0],
  importDatasets: HEALTH_IMPORT_DATASETS,
  createLoaders,
  isSeeded,
  seed,
};

export { HEALTH_INDICATORS };
export { HealthAgeGroup } from './entities/HealthAgeGroup';
export { HealthSex } from './entities/HealthSex';
export { HealthVisitReason } from './entities/HealthVisitReason';
export { generateHealthCounts } from './seed/generate';
export type { GeneratedEdVisitCount, GeneratedHealthMonth, GeneratedHospitalizationCount, GeneratedParamedicOverdoseCount } from './seed/generate';
