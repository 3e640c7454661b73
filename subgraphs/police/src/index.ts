import 'reflect-metadata';
import { defineSector } from '@cswb/subgraph-kit/sector';
// First: it declares the Area type, which the schema lists before the sector's other entities.
import { PoliceProfile } from './entities/PoliceProfile';
import { CallForService } from './entities/CallForService';
import { Occurrence } from './entities/Occurrence';
import { POLICE_INDICATORS } from './indicators';
import { POLICE_ROLLUPS } from './rollups';
import { CreatePoliceRecords1732140100000 } from './migrations/1732140100000-CreatePoliceRecords';
import { CreatePoliceMeasureRollup1732140200000 } from './migrations/1732140200000-CreatePoliceMeasureRollup';
import { AddPoliceAgency1732140250000 } from './migrations/1732140250000-AddPoliceAgency';
import { CreatePoliceAreaAgency1732140260000 } from './migrations/1732140260000-CreatePoliceAreaAgency';
import { CreatePoliceAgencyRegistry1732140270000 } from './migrations/1732140270000-CreatePoliceAgencyRegistry';
import { AddPoliceCellKeys1732140280000 } from './migrations/1732140280000-AddPoliceCellKeys';
import { CreatePoliceMeasureCoverage1765200000000 } from './migrations/1765200000000-CreatePoliceMeasureCoverage';
import { PoliceRecordsResolver } from './resolvers/PoliceRecordsResolver';
import { isSeeded, seed } from './seed/seed';
import { POLICE_IMPORT_DATASETS } from './importDatasets';

export const subgraph = defineSector({
  name: 'police',
  label: { EN: 'Police', FR: 'Police' },
  description: 'A police service: de-identified occurrences and calls for service, with indicators by area',
  defaultPort: 4002,
  profile: PoliceProfile,
  entities: [Occurrence, CallForService],
  migrations: [CreatePoliceRecords1732140100000, CreatePoliceMeasureRollup1732140200000, AddPoliceAgency1732140250000, CreatePoliceAreaAgency1732140260000, CreatePoliceAgencyRegistry1732140270000, AddPoliceCellKeys1732140280000, CreatePoliceMeasureCoverage1765200000000],
  resolvers: [PoliceRecordsResolver],
  rowOwnershipView: POLICE_ROLLUPS[1],
  importDatasets: POLICE_IMPORT_DATASETS,
  isSeeded,
  seed,
});

export { POLICE_INDICATORS };
export { agencyFor, generatePoliceRecords, POLICE_AGENCIES } from './seed/generate';
export type { GeneratedCall, GeneratedOccurrence } from './seed/generate';
