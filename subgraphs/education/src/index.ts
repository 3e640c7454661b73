import 'reflect-metadata';
import { defineSector } from '@cswb/subgraph-kit/sector';
// First: it declares the Area type, which the schema lists before the sector's other entities.
import { EducationProfile } from './entities/EducationProfile';
import { EdiResult } from './entities/EdiResult';
import { School } from './entities/School';
import { SchoolYearStat } from './entities/SchoolYearStat';
import { EDUCATION_IMPORT_DATASETS } from './importDatasets';
import { EDUCATION_INDICATORS } from './indicators';
import { createLoaders } from './loaders/createLoaders';
import { CreateEducationRecords1732140340000 } from './migrations/1732140340000-CreateEducationRecords';
import { CreateEducationMeasureRollup1732140340100 } from './migrations/1732140340100-CreateEducationMeasureRollup';
import { AddEducationCellKeys1732140340200 } from './migrations/1732140340200-AddEducationCellKeys';
import { CreateEducationMeasureCoverage1765200000000 } from './migrations/1765200000000-CreateEducationMeasureCoverage';
import { EducationProfileResolver } from './resolvers/EducationProfileResolver';
import { EducationSchoolsResolver } from './resolvers/EducationSchoolsResolver';
import { SchoolResolver } from './resolvers/SchoolResolver';
import { isSeeded, seed } from './seed/seed';

export const subgraph = defineSector({
  name: 'education',
  label: { EN: 'Education', FR: 'Éducation' },
  description: 'School boards: schools, school-year enrolment, attendance, discipline and graduation, and EDI results, with indicators by area',
  defaultPort: 4004,
  profile: EducationProfile,
  entities: [School, SchoolYearStat, EdiResult],
  migrations: [CreateEducationRecords1732140340000, CreateEducationMeasureRollup1732140340100, AddEducationCellKeys1732140340200, CreateEducationMeasureCoverage1765200000000],
  resolvers: [EducationProfileResolver, EducationSchoolsResolver, SchoolResolver],
  importDatasets: EDUCATION_IMPORT_DATASETS,
  createLoaders,
  isSeeded,
  seed,
});

export { EDUCATION_INDICATORS };
export { SchoolPanel } from './entities/SchoolPanel';
export { generateEducationRecords, isEdiCycleYear } from './seed/generate';
export type { GeneratedEdiResult, GeneratedEducationRecords, GeneratedSchool, GeneratedSchoolYearStat } from './seed/generate';
