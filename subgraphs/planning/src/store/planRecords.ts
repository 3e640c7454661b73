import { FrameworkArea, Granularity, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { CommitteeRole } from '../entities/CommitteeRole';
import { CommitteeSector } from '../entities/CommitteeSector';
import { ImplementationTaskStatus } from '../entities/ImplementationTaskStatus';
import { OutcomeLevel } from '../entities/OutcomeLevel';
import { PlanStatus } from '../entities/PlanStatus';

/** Plans and everything in them as rows with their ids, as written in bulk (see writePlanRecords). */
export interface PlanRecord {
  id: string;
  municipalityId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  adoptedOn: string | null;
  reviewDue: string | null;
  createdBy: string;
}
export interface CommitteeMemberRecord { id: string; planId: string; sector: CommitteeSector; organisation: string; role: CommitteeRole }
export interface PriorityRiskRecord { id: string; planId: string; category: RiskFactorCategory; rationale: string; rank: number; areaIds: string[] }
export interface StrategyRecord {
  id: string;
  planId: string;
  title: string;
  frameworkArea: FrameworkArea;
  leadPartner: string;
  partners: string[];
  budget: number;
  riskIds: string[];
}
export interface OutcomeRecord { id: string; planId: string; strategyId: string; statement: string; level: OutcomeLevel }
export interface PerformanceMeasureRecord {
  id: string;
  planId: string;
  outcomeId: string;
  indicatorId: string;
  areaId: string;
  baseline: number;
  baselinePeriod: string;
  target: number;
  targetDate: string;
  dataSource: string;
  collectionFrequency: Granularity;
  responsiblePartner: string;
}
export interface ImplementationTaskRecord {
  id: string;
  planId: string;
  strategyId: string | null;
  who: string;
  what: string;
  start: string;
  due: string;
  status: ImplementationTaskStatus;
  reportingLine: string;
}

export interface PlanRecords {
  plans: PlanRecord[];
  members: CommitteeMemberRecord[];
  risks: PriorityRiskRecord[];
  strategies: StrategyRecord[];
  outcomes: OutcomeRecord[];
  measures: PerformanceMeasureRecord[];
  tasks: ImplementationTaskRecord[];
}
