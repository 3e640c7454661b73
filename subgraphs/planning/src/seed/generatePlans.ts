import { SyntheticArea, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { FrameworkArea, Granularity, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { CommitteeRole } from '../entities/CommitteeRole';
import { CommitteeSector } from '../entities/CommitteeSector';
import { ImplementationTaskStatus } from '../entities/ImplementationTaskStatus';
import { OutcomeLevel } from '../entities/OutcomeLevel';
import { PlanStatus } from '../entities/PlanStatus';
import { deterministicId } from '../plans/deterministicId';

export interface SeedPlan {
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
export interface SeedMember { id: string; planId: string; sector: CommitteeSector; organisation: string; role: CommitteeRole }
export interface SeedRisk { id: string; planId: string; category: RiskFactorCategory; rationale: string; rank: number; areaIds: string[] }
export interface SeedStrategy {
  id: string;
  planId: string;
  title: string;
  frameworkArea: FrameworkArea;
  leadPartner: string;
  partners: string[];
  budget: number;
  riskIds: string[];
}
export interface SeedOutcome { id: string; planId: string; strategyId: string; statement: string; level: OutcomeLevel }
export interface SeedMeasure {
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
export interface SeedTask {
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

export interface SeedPlans {
  plans: SeedPlan[];
  members: SeedMember[];
  risks: SeedRisk[];
  strategies: SeedStrategy[];
  outcomes: SeedOutcome[];
  measures: SeedMeasure[];
  tasks: SeedTask[];
}

export const PUBLISHED_PLAN_TITLE = 'Lakeshore Community Safety and Well-Being Plan 2024–2027';
export const DRAFT_PLAN_TITLE = 'Lakeshore Community Safety and Well-Being Plan 2028–2031';

/** Ids of the seeded rows depend on the municipality id and a key only, never on the seed. */
export function seedId(municipalityId: string, key: string): string {
  return deterministicId(`planning/${municipalityId}/${key}`);
}

const ORG = {
  city: 'City of Lakeshore, Community Safety and Well-Being Office',
  recreation: 'City of Lakeshore, Recreation and Community Services',
  publicHealth: 'Lakeshore Public Health',
  cmha: 'Lakeshore Community Mental Health Association',
  paramedics: 'Lakeshore Paramedic Services',
  schoolBoard: 'Lakeshore District School Board',
  catholicBoard: 'Lakeshore Catholic District School Board',
  communityServices: 'Lakeshore Community Services Network',
  youthServices: 'Lakeshore Youth Services Bureau',
  youthJustice: 'Lakeshore Youth Justice and Custody Services',
  policeBoard: 'Lakeshore Police Service Board',
  police: 'Lakeshore Police Service',
  opp: 'Ontario Provincial Police, Lakeshore Detachment',
  housing: 'Lakeshore Housing and Homelessness Services',
  foodBank: 'Lakeshore Food Bank Network',
  socialServices: 'City of Lakeshore, Ontario Works',
  committee: 'Lakeshore CSWB Advisory Committee',
  council: 'Lakeshore City Council',
};

const SOURCES = {
  police: 'Lakeshore Police Service records management and computer-aided dispatch systems',
  health: 'Lakeshore Public Health: emergency department visits (NACRS) and hospital discharges (DAD) of residents, aggregated by neighbourhood of residence',
  paramedics: 'Lakeshore Paramedic Services: calls attended for a suspected opioid overdose, aggregated by neighbourhood',
  education: 'Lakeshore school boards: school-year enrolment, attendance, discipline and graduation reporting to the Ontario Ministry of Education',
  housing: 'Lakeshore housing and homelessness service manager: shelter nightly occupancy, By-Name List, centralised waitlist',
  evictions: 'Tribunals Ontario, Landlord and Tenant Board applications by rental unit location',
  foodBank: 'Lakeshore food bank network, visit records of member agencies',
};

/** Most deprived first; the hidden score only chooses the areas, it is never stored. */
function byDeprivation(areas: readonly SyntheticArea[]): SyntheticArea[] {
  return [...areas].sort((a, b) => b.deprivation - a.deprivation || a.id.localeCompare(b.id));
}

/**
 * The seeded plans of the synthetic municipality, the same for the same city: the published
 * 2024–2027 plan (complete committee, five priority risks on the most deprived neighbourhoods,
 * eight strategies over the four framework areas, outcomes, measures on catalogue indicators,
 * tasks) and a DRAFT 2028–2031 plan being prepared. The draft's content depends on nothing but
 * the municipality id, so requests that repeat it (the access matrix's probes) stay valid.
 */
export function generatePlans(city: SyntheticCity): SeedPlans {
  const m = city.municipality;
  const id = (key: string) => seedId(m.id, key);
  const hot = byDeprivation(city.neighbourhoods).map((n) => n.id);
  const ward = byDeprivation(city.wards)[0];
  const perThousand = (area: SyntheticArea, rate: number) => Math.round((area.population / 1000) * rate);

  const published = id('plan/2024');
  const draft = id('plan/2028');
  const plans: SeedPlan[] = [
    {
      id: published,
      municipalityId: m.id,
      title: PUBLISHED_PLAN_TITLE,
      periodStart: '2024-01-01',
      periodEnd: '2027-12-31',
      status: PlanStatus.PUBLISHED,
      adoptedOn: '2024-03-26',
      reviewDue: '2028-03-26',
      createdBy: 'seed',
    },
    {
      id: draft,
      municipalityId: m.id,
      title: DRAFT_PLAN_TITLE,
      periodStart: '2028-01-01',
      periodEnd: '2031-12-31',
      status: PlanStatus.DRAFT,
      adoptedOn: null,
      reviewDue: null,
      createdBy: 'seed',
    },
  ];

  const member = (planId: string, key: string, sector: CommitteeSector, organisation: string, role = CommitteeRole.MEMBER): SeedMember => ({
    id: id(`${planId}/member/${key}`),
    planId,
    sector,
    organisation,
    role,
  });
  const members: SeedMember[] = [
    member(published, 'city', CommitteeSector.MUNICIPAL_EMPLOYEE_OR_COUNCILLOR, ORG.city, CommitteeRole.CHAIR),
    member(published, 'public-health', CommitteeSector.HEALTH_OR_MENTAL_HEALTH, ORG.publicHealth),
    member(published, 'cmha', CommitteeSector.HEALTH_OR_MENTAL_HEALTH, ORG.cmha),
    member(published, 'school-board', CommitteeSector.EDUCATION, ORG.schoolBoard),
    member(published, 'catholic-board', CommitteeSector.EDUCATION, ORG.catholicBoard),
    member(published, 'community-services', CommitteeSector.COMMUNITY_OR_SOCIAL_SERVICES, ORG.communityServices),
    member(published, 'youth-services', CommitteeSector.CHILD_AND_YOUTH_SERVICES, ORG.youthServices),
    member(published, 'youth-justice', CommitteeSector.CUSTODIAL_YOUTH_SERVICES, ORG.youthJustice),
    member(published, 'police-board', CommitteeSector.POLICE_SERVICE_BOARD_OR_OPP, ORG.policeBoard),
    member(published, 'opp', CommitteeSector.POLICE_SERVICE_BOARD_OR_OPP, ORG.opp),
    member(published, 'housing', CommitteeSector.OTHER, ORG.housing),
    member(published, 'food-bank', CommitteeSector.OTHER, ORG.foodBank),
    member(draft, 'city', CommitteeSector.MUNICIPAL_EMPLOYEE_OR_COUNCILLOR, ORG.city, CommitteeRole.CHAIR),
    member(draft, 'school-board', CommitteeSector.EDUCATION, ORG.schoolBoard),
    member(draft, 'police-board', CommitteeSector.POLICE_SERVICE_BOARD_OR_OPP, ORG.policeBoard),
  ];

  const risk = (planId: string, rank: number, category: RiskFactorCategory, rationale: string, areaIds: string[]): SeedRisk => ({
    id: id(`${planId}/risk/${category}`),
    planId,
    category,
    rationale,
    rank,
    areaIds: [...areaIds].sort(),
  });
  const risks: SeedRisk[] = [
    risk(
      published,
      1,
      RiskFactorCategory.MENTAL_HEALTH,
      'Emergency department visits for mental health and self-harm, and person-in-crisis calls, are highest in these neighbourhoods; residents named timely crisis support as their first concern.',
      hot.slice(0, 4),
    ),
    risk(
      published,
      2,
      RiskFactorCategory.DRUGS,
      'Opioid poisoning visits and paramedic overdose calls cluster here, and community consultations described limited access to harm reduction services.',
      hot.slice(0, 3),
    ),
    risk(
      published,
      3,
      RiskFactorCategory.HOUSING,
      'Eviction applications, chronic homelessness and waits for social housing rose fastest in these neighbourhoods since 2021.',
      hot.slice(0, 5),
    ),
    risk(
      published,
      4,
      RiskFactorCategory.MISSING_SCHOOL,
      'Chronic absenteeism in local schools stayed above the city average after the pandemic school closures.',
      hot.slice(0, 3),
    ),
    risk(
      published,
      5,
      RiskFactorCategory.CRIMINAL_INVOLVEMENT,
      'Youth involvement in violent and property crime is concentrated in two neighbourhoods with few after-school options.',
      hot.slice(0, 2),
    ),
    risk(
      draft,
      1,
      RiskFactorCategory.HOUSING,
      'Eviction applications keep rising across the city; the advisory committee proposes housing stability as the first priority of the next plan.',
      [m.id],
    ),
  ];
  const riskId = (planId: string, category: RiskFactorCategory) => id(`${planId}/risk/${category}`);
  const R = (category: RiskFactorCategory) => riskId(published, category);

  const strategy = (planId: string, key: string, s: Omit<SeedStrategy, 'id' | 'planId'>): SeedStrategy => ({ id: id(`${planId}/strategy/${key}`), planId, ...s });
  const strategies: SeedStrategy[] = [
    strategy(published, 'hubs', {
      title: 'Neighbourhood hubs and after-school programs',
      frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
      leadPartner: ORG.recreation,
      partners: [ORG.schoolBoard, ORG.youthServices],
      budget: 1_450_000,
      riskIds: [R(RiskFactorCategory.MISSING_SCHOOL), R(RiskFactorCategory.CRIMINAL_INVOLVEMENT)],
    }),
    strategy(published, 'housing', {
      title: 'Affordable and supportive housing',
      frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
      leadPartner: ORG.housing,
      partners: [ORG.cmha, ORG.communityServices],
      budget: 2_300_000,
      riskIds: [R(RiskFactorCategory.HOUSING)],
    }),
    strategy(published, 'attendance', {
      title: 'School attendance and engagement partnership',
      frameworkArea: FrameworkArea.PREVENTION,
      leadPartner: ORG.schoolBoard,
      partners: [ORG.catholicBoard, ORG.youthServices],
      budget: 620_000,
      riskIds: [R(RiskFactorCategory.MISSING_SCHOOL)],
    }),
    strategy(published, 'harm-reduction', {
      title: 'Harm reduction and substance use outreach',
      frameworkArea: FrameworkArea.PREVENTION,
      leadPartner: ORG.publicHealth,
      partners: [ORG.cmha, ORG.communityServices],
      budget: 780_000,
      riskIds: [R(RiskFactorCategory.MENTAL_HEALTH), R(RiskFactorCategory.DRUGS)],
    }),
    strategy(published, 'eviction-prevention', {
      title: 'Eviction prevention and food security',
      frameworkArea: FrameworkArea.PREVENTION,
      leadPartner: ORG.communityServices,
      partners: [ORG.foodBank, ORG.socialServices],
      budget: 540_000,
      riskIds: [R(RiskFactorCategory.HOUSING)],
    }),
    strategy(published, 'situation-table', {
      title: 'Lakeshore Situation Table',
      frameworkArea: FrameworkArea.RISK_INTERVENTION,
      leadPartner: ORG.police,
      partners: [ORG.cmha, ORG.youthServices, ORG.housing, ORG.schoolBoard],
      budget: 260_000,
      riskIds: [R(RiskFactorCategory.MENTAL_HEALTH), R(RiskFactorCategory.DRUGS), R(RiskFactorCategory.HOUSING), R(RiskFactorCategory.CRIMINAL_INVOLVEMENT)],
    }),
    strategy(published, 'mobile-crisis', {
      title: 'Mobile crisis response team',
      frameworkArea: FrameworkArea.RISK_INTERVENTION,
      leadPartner: ORG.cmha,
      partners: [ORG.police, ORG.opp],
      budget: 910_000,
      riskIds: [R(RiskFactorCategory.MENTAL_HEALTH)],
    }),
    strategy(published, 'overdose-response', {
      title: 'Coordinated response to overdose calls',
      frameworkArea: FrameworkArea.INCIDENT_RESPONSE,
      leadPartner: ORG.paramedics,
      partners: [ORG.police, ORG.publicHealth],
      budget: 1_350_000,
      riskIds: [R(RiskFactorCategory.DRUGS)],
    }),
    strategy(draft, 'eviction-prevention', {
      title: 'Eviction prevention expansion',
      frameworkArea: FrameworkArea.PREVENTION,
      leadPartner: ORG.communityServices,
      partners: [ORG.housing],
      budget: 600_000,
      riskIds: [riskId(draft, RiskFactorCategory.HOUSING)],
    }),
  ];
  const S = (key: string) => id(`${published}/strategy/${key}`);

  const outcome = (planId: string, strategyKey: string, key: string, level: OutcomeLevel, statement: string): SeedOutcome => ({
    id: id(`${planId}/outcome/${key}`),
    planId,
    strategyId: id(`${planId}/strategy/${strategyKey}`),
    statement,
    level,
  });
  const outcomes: SeedOutcome[] = [
    outcome(published, 'hubs', 'youth-engaged', OutcomeLevel.IMMEDIATE, 'More young people in the priority neighbourhoods take part in free after-school programs'),
    outcome(published, 'hubs', 'less-violence', OutcomeLevel.LONG_TERM, 'Less violent crime across the city'),
    outcome(published, 'housing', 'homelessness', OutcomeLevel.LONG_TERM, 'Fewer residents experience chronic homelessness'),
    outcome(published, 'attendance', 'attendance', OutcomeLevel.INTERMEDIATE, 'Fewer students in the priority neighbourhoods miss 10% or more of school days'),
    outcome(published, 'harm-reduction', 'opioids', OutcomeLevel.INTERMEDIATE, 'Fewer emergency department visits for opioid poisoning'),
    outcome(published, 'eviction-prevention', 'food', OutcomeLevel.INTERMEDIATE, 'Households in the priority ward rely less on food banks'),
    outcome(published, 'situation-table', 'connected', OutcomeLevel.IMMEDIATE, 'Situations of acutely elevated risk are connected to services within 48 hours'),
    outcome(published, 'mobile-crisis', 'crisis-care', OutcomeLevel.IMMEDIATE, 'People in crisis are met by a mental health worker rather than apprehended'),
    outcome(published, 'mobile-crisis', 'self-harm', OutcomeLevel.INTERMEDIATE, 'Fewer emergency department visits for self-harm in the priority ward'),
    outcome(published, 'overdose-response', 'overdose-calls', OutcomeLevel.INTERMEDIATE, 'Fewer suspected overdoses need a paramedic response'),
    outcome(draft, 'eviction-prevention', 'evictions', OutcomeLevel.INTERMEDIATE, 'Fewer eviction applications across the city'),
  ];
  const O = (key: string) => id(`${published}/outcome/${key}`);

  const measure = (planId: string, outcomeId: string, fields: Omit<SeedMeasure, 'id' | 'planId' | 'outcomeId'>): SeedMeasure => ({
    id: id(`${planId}/measure/${fields.indicatorId}/${fields.areaId}`),
    planId,
    outcomeId,
    ...fields,
  });
  const homeless = perThousand(m, 1.4);
  const apprehensions = perThousand(m, 1.85);
  const opioidVisits = perThousand(m, 0.9);
  const overdoseCalls = perThousand(m, 1.2);
  const measures: SeedMeasure[] = [
    measure(published, O('less-violence'), {
      indicatorId: 'police.violent_crime_rate',
      areaId: m.id,
      baseline: 11.3,
      baselinePeriod: '2023',
      target: 9.8,
      targetDate: '2027-12-31',
      dataSource: SOURCES.police,
      collectionFrequency: Granularity.QUARTER,
      responsiblePartner: ORG.police,
    }),
    measure(published, O('crisis-care'), {
      indicatorId: 'police.mha_apprehensions',
      areaId: m.id,
      baseline: apprehensions,
      baselinePeriod: '2023',
      target: Math.round(apprehensions * 0.8),
      targetDate: '2027-12-31',
      dataSource: SOURCES.police,
      collectionFrequency: Granularity.QUARTER,
      responsiblePartner: ORG.cmha,
    }),
    measure(published, O('self-harm'), {
      indicatorId: 'health.ed_self_harm_rate',
      areaId: ward.id,
      baseline: 172.4,
      baselinePeriod: '2023',
      target: 150,
      targetDate: '2027-12-31',
      dataSource: SOURCES.health,
      collectionFrequency: Granularity.QUARTER,
      responsiblePartner: ORG.publicHealth,
    }),
    measure(published, O('opioids'), {
      indicatorId: 'health.ed_opioid_poisoning_visits',
      areaId: m.id,
      baseline: opioidVisits,
      baselinePeriod: '2023',
      target: Math.round(opioidVisits * 0.85),
      targetDate: '2027-12-31',
      dataSource: SOURCES.health,
      collectionFrequency: Granularity.MONTH,
      responsiblePartner: ORG.publicHealth,
    }),
    measure(published, O('overdose-calls'), {
      indicatorId: 'health.paramedic_overdose_calls',
      areaId: m.id,
      baseline: overdoseCalls,
      baselinePeriod: '2023',
      target: Math.round(overdoseCalls * 0.85),
      targetDate: '2027-12-31',
      dataSource: SOURCES.paramedics,
      collectionFrequency: Granularity.MONTH,
      responsiblePartner: ORG.paramedics,
    }),
    measure(published, O('attendance'), {
      indicatorId: 'education.chronic_absenteeism',
      areaId: ward.id,
      baseline: 31.5,
      baselinePeriod: '2023',
      target: 25,
      targetDate: '2027-06-30',
      dataSource: SOURCES.education,
      collectionFrequency: Granularity.YEAR,
      responsiblePartner: ORG.schoolBoard,
    }),
    measure(published, O('homelessness'), {
      indicatorId: 'housing.chronic_homelessness',
      areaId: m.id,
      baseline: homeless,
      baselinePeriod: '2023-12',
      target: Math.round(homeless * 0.75),
      targetDate: '2027-12-31',
      dataSource: SOURCES.housing,
      collectionFrequency: Granularity.MONTH,
      responsiblePartner: ORG.housing,
    }),
    measure(published, O('food'), {
      indicatorId: 'social-services.food_bank_visit_rate',
      areaId: ward.id,
      baseline: 168.2,
      baselinePeriod: '2023',
      target: 150,
      targetDate: '2027-12-31',
      dataSource: SOURCES.foodBank,
      collectionFrequency: Granularity.QUARTER,
      responsiblePartner: ORG.foodBank,
    }),
    measure(draft, id(`${draft}/outcome/evictions`), {
      indicatorId: 'housing.eviction_application_rate',
      areaId: m.id,
      baseline: 6.2,
      baselinePeriod: '2024',
      target: 5,
      targetDate: '2031-12-31',
      dataSource: SOURCES.evictions,
      collectionFrequency: Granularity.QUARTER,
      responsiblePartner: ORG.communityServices,
    }),
  ];

  const task = (planId: string, key: string, t: Omit<SeedTask, 'id' | 'planId'>): SeedTask => ({ id: id(`${planId}/task/${key}`), planId, ...t });
  const tasks: SeedTask[] = [
    task(published, 'table-launch', {
      strategyId: S('situation-table'),
      who: ORG.police,
      what: 'Convene the Situation Table weekly with the agencies of the advisory committee and report de-identified data to the RTD',
      start: '2024-04-01',
      due: '2024-06-30',
      status: ImplementationTaskStatus.DONE,
      reportingLine: ORG.committee,
    }),
    task(published, 'crisis-team', {
      strategyId: S('mobile-crisis'),
      who: ORG.cmha,
      what: 'Hire and train two mobile crisis workers paired with police and OPP officers',
      start: '2024-05-01',
      due: '2024-12-31',
      status: ImplementationTaskStatus.DONE,
      reportingLine: ORG.committee,
    }),
    task(published, 'hub-sites', {
      strategyId: S('hubs'),
      who: ORG.recreation,
      what: 'Open after-school programs in the community centres of the priority neighbourhoods',
      start: '2024-09-01',
      due: '2025-06-30',
      status: ImplementationTaskStatus.IN_PROGRESS,
      reportingLine: ORG.committee,
    }),
    task(published, 'attendance-teams', {
      strategyId: S('attendance'),
      who: ORG.schoolBoard,
      what: 'Set up attendance support teams in the secondary schools of the priority ward',
      start: '2024-09-01',
      due: '2025-08-31',
      status: ImplementationTaskStatus.IN_PROGRESS,
      reportingLine: ORG.committee,
    }),
    task(published, 'naloxone', {
      strategyId: S('harm-reduction'),
      who: ORG.publicHealth,
      what: 'Distribute naloxone kits and train staff of community agencies in the priority neighbourhoods',
      start: '2024-06-01',
      due: '2025-12-31',
      status: ImplementationTaskStatus.IN_PROGRESS,
      reportingLine: ORG.committee,
    }),
    task(published, 'rent-bank', {
      strategyId: S('eviction-prevention'),
      who: ORG.communityServices,
      what: 'Extend the rent bank and add tenant legal clinics at the food bank sites',
      start: '2025-01-01',
      due: '2025-12-31',
      status: ImplementationTaskStatus.BLOCKED,
      reportingLine: ORG.committee,
    }),
    task(published, 'supportive-units', {
      strategyId: S('housing'),
      who: ORG.housing,
      what: 'Open 60 supportive housing units with on-site mental health support',
      start: '2025-01-01',
      due: '2027-06-30',
      status: ImplementationTaskStatus.NOT_STARTED,
      reportingLine: ORG.council,
    }),
    task(published, 'annual-report', {
      strategyId: null,
      who: ORG.city,
      what: 'Report progress on every performance measure to council and the public each year',
      start: '2025-01-01',
      due: '2025-03-31',
      status: ImplementationTaskStatus.IN_PROGRESS,
      reportingLine: ORG.council,
    }),
    task(draft, 'consultation', {
      strategyId: null,
      who: ORG.city,
      what: 'Hold community consultations on the priority risks of the next plan',
      start: '2027-01-01',
      due: '2027-06-30',
      status: ImplementationTaskStatus.NOT_STARTED,
      reportingLine: ORG.committee,
    }),
  ];

  return { plans, members, risks, strategies, outcomes, measures, tasks };
}
