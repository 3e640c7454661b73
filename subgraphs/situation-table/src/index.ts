import 'reflect-metadata';
import { defineSector } from '@cswb/subgraph-kit/sector';
// First: it declares the Area type, which the schema lists before the sector's other entities.
import { SituationTableProfile } from './entities/SituationTableProfile';
import { Catchment } from './entities/Catchment';
import { Discussion } from './entities/Discussion';
import { DiscussionRiskFactor } from './entities/DiscussionRiskFactor';
import { RiskFactorReference } from './entities/RiskFactorReference';
import { SituationTable } from './entities/SituationTable';
import { SITUATION_TABLE_IMPORT_DATASETS } from './importDatasets';
import { SITUATION_TABLE_INDICATORS, SITUATION_TABLE_SMALLEST_PUBLISHED } from './indicators';
import { CreateSituationTableRecords1732140370000 } from './migrations/1732140370000-CreateSituationTableRecords';
import { CreateSituationTableMeasureRollup1732140370100 } from './migrations/1732140370100-CreateSituationTableMeasureRollup';
import { AddSituationTableCellKeys1732140370200 } from './migrations/1732140370200-AddSituationTableCellKeys';
import { CreateSituationTableMeasureCoverage1765200000000 } from './migrations/1765200000000-CreateSituationTableMeasureCoverage';
import { AnalyticsResolver } from './resolvers/AnalyticsResolver';
import { DiscussionResolver } from './resolvers/DiscussionResolver';
import { isSeeded, seed } from './seed/seed';

export const subgraph = defineSector({
  name: 'situation-table',
  label: { EN: 'Situation Table', FR: "Table d'intervention" },
  description:
    "Situation Tables: the de-identified Risk-driven Tracking Database of discussions of acutely elevated risk, with indicators by area, analytics for planners and the RTD's risk-factor taxonomy",
  defaultPort: 4007,
  profile: SituationTableProfile,
  entities: [SituationTable, Catchment, RiskFactorReference, Discussion, DiscussionRiskFactor],
  migrations: [CreateSituationTableRecords1732140370000, CreateSituationTableMeasureRollup1732140370100, AddSituationTableCellKeys1732140370200, CreateSituationTableMeasureCoverage1765200000000],
  resolvers: [DiscussionResolver, AnalyticsResolver],
  importDatasets: SITUATION_TABLE_IMPORT_DATASETS,
  isSeeded,
  seed,
});

export { SITUATION_TABLE_INDICATORS, SITUATION_TABLE_SMALLEST_PUBLISHED };
export { generateSituationTableRecords, situationTables } from './seed/generate';
export type { GeneratedCatchment, GeneratedDiscussion, GeneratedTable, SituationTableBatch } from './seed/generate';
export { SituationTableAgeGroup } from './entities/SituationTableAgeGroup';
export { SituationTableConclusion, RISK_LOWERED_CONCLUSIONS } from './entities/SituationTableConclusion';
export { SituationTableGender } from './entities/SituationTableGender';
export { SituationTableProtectiveFactor } from './entities/SituationTableProtectiveFactor';
export { SituationTableSector } from './entities/SituationTableSector';
export { SituationTableService } from './entities/SituationTableService';
