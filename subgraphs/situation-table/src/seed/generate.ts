import { Random, SyntheticArea, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { RISK_FACTORS, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { SituationTableAgeGroup } from '../entities/SituationTableAgeGroup';
import { SituationTableConclusion } from '../entities/SituationTableConclusion';
import { SituationTableGender } from '../entities/SituationTableGender';
import { SituationTableProtectiveFactor } from '../entities/SituationTableProtectiveFactor';
import { SituationTableSector } from '../entities/SituationTableSector';
import { SituationTableService } from '../entities/SituationTableService';

/** A Situation Table and the wards of its catchment. */
export interface GeneratedTable {
  tableId: string;
  wardIds: string[];
}

/** A neighbourhood a table serves, with its share of the catchment's residents. */
export interface GeneratedCatchment {
  tableId: string;
  areaId: string;
  populationShare: number;
}

/**
 * One RTD discussion, de-identified. A rejected discussion (aerMet false) has every field
 * after `aerMet` null, as the database requires.
 */
export interface GeneratedDiscussion {
  discussionId: string;
  discussedOn: string;
  tableId: string;
  originatingAgency: SituationTableSector;
  filterReached: number;
  aerMet: boolean;
  areaId: string | null;
  ageGroup: SituationTableAgeGroup | null;
  gender: SituationTableGender | null;
  /** Risk factor codes of the shared taxonomy, distinct, in code order. */
  riskFactors: string[] | null;
  /** In declaration order of the enums. */
  protectiveFactors: SituationTableProtectiveFactor[] | null;
  assistingAgencies: SituationTableSector[] | null;
  servicesMobilised: SituationTableService[] | null;
  conclusion: SituationTableConclusion | null;
  concludedOn: string | null;
}

export interface SituationTableBatch {
  tables: GeneratedTable[];
  catchments: GeneratedCatchment[];
  discussions: GeneratedDiscussion[];
}

// Models and their sources are listed in docs/data/situation-table.md.
const TABLE_NAMES = [
  'lakeshore-central',
  'lakeshore-east',
  'lakeshore-west',
  'lakeshore-north',
  'lakeshore-south',
  'lakeshore-harbour',
  'lakeshore-valley',
  'lakeshore-heights',
  'lakeshore-uplands',
  'lakeshore-bayside',
];

/** Discussions a year at a table serving 10,000 residents of average deprivation, in 2022. */
const BASE_DISCUSSIONS = 52;
/** Tables meet weekly: their load grows less than in proportion to the people they serve. */
const CATCHMENT_ELASTICITY = 0.4;
const TABLE_DEPRIVATION = 0.3;
/** Where in a table's catchment a situation arises: exp(β × deprivation) per resident. */
const AREA_DEPRIVATION = 0.6;
// Tables paused or met virtually in 2020-2021; discussions have grown a few percent a year since.
const trend = (year: number) => 1.03 ** (year - 2022) * (year === 2020 ? 0.85 : year === 2021 ? 0.93 : 1);
// Fewer referrals when schools are out (July, August) and over the December holidays.
const SEASON = [1.05, 1.05, 1.1, 1.05, 1.05, 0.95, 0.8, 0.8, 1.05, 1.1, 1.05, 0.95];
/** A table's share of discussions meeting the AER threshold: uniform from 90 % to 96 %. */
const AER_SHARE = { min: 0.9, spread: 0.06 };
const FILTER_4_SHARE = 0.96;

const AGE_GROUPS = Object.values(SituationTableAgeGroup);
const AGE_WEIGHTS = [7, 20, 15, 10, 16, 23, 9];
const GENDERS = Object.values(SituationTableGender);
const GENDER_WEIGHTS = [43, 54, 1.5, 1.5];
const SECTORS = Object.values(SituationTableSector);
const ORIGINATING_WEIGHTS: Record<SituationTableSector, number> = {
  POLICE: 45,
  HEALTH: 7,
  EDUCATION: 10,
  HOUSING: 5,
  SOCIAL_SERVICES: 8,
  CHILD_WELFARE: 6,
  MENTAL_HEALTH: 12,
  MUNICIPAL: 3,
  OTHER: 4,
};
const ASSISTING_WEIGHTS: Record<SituationTableSector, number> = {
  POLICE: 40,
  HEALTH: 30,
  EDUCATION: 8,
  HOUSING: 20,
  SOCIAL_SERVICES: 28,
  CHILD_WELFARE: 6,
  MENTAL_HEALTH: 45,
  MUNICIPAL: 8,
  OTHER: 10,
};
const FACTOR_COUNTS = [3, 4, 5, 6];
const FACTOR_COUNT_WEIGHTS = [30, 35, 22, 13];
const PROTECTIVE_COUNTS = [0, 1, 2, 3];
const PROTECTIVE_COUNT_WEIGHTS = [25, 40, 25, 10];
const ASSISTING_COUNTS = [2, 3, 4, 5];
const ASSISTING_COUNT_WEIGHTS = [25, 35, 25, 15];
const DAYS = Array.from({ length: 14 }, (_, i) => i + 1);
const DAY_WEIGHTS = [8, 12, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 3, 2];

const CONCLUSIONS_AFTER_INTERVENTION: [SituationTableConclusion, number][] = [
  [SituationTableConclusion.RISK_LOWERED_CONNECTED_TO_SERVICES, 64],
  [SituationTableConclusion.RISK_LOWERED_NOT_CONNECTED, 13],
  [SituationTableConclusion.STILL_AT_RISK, 7],
  [SituationTableConclusion.REFUSED_SERVICES, 8],
  [SituationTableConclusion.INFORMED_OF_SERVICES, 5],
  [SituationTableConclusion.OTHER, 3],
];
const CONCLUSIONS_WITHOUT_INTERVENTION: [SituationTableConclusion, number][] = [
  [SituationTableConclusion.INFORMED_OF_SERVICES, 50],
  [SituationTableConclusion.STILL_AT_RISK, 20],
  [SituationTableConclusion.RISK_LOWERED_NOT_CONNECTED, 15],
  [SituationTableConclusion.OTHER, 15],
];

/** How often a category is among a discussion's factors, for adults of average deprivation (RTD annual reports). */
const CATEGORY_WEIGHTS: Record<RiskFactorCategory, number> = {
  MENTAL_HEALTH: 70,
  DRUGS: 45,
  CRIMINAL_INVOLVEMENT: 40,
  HOUSING: 34,
  BASIC_NEEDS: 32,
  ANTISOCIAL_NEGATIVE_BEHAVIOUR: 28,
  PHYSICAL_VIOLENCE: 20,
  ALCOHOL: 18,
  CRIME_VICTIMIZATION: 15,
  POVERTY: 12,
  EMOTIONAL_VIOLENCE: 10,
  SUICIDE: 10,
  PHYSICAL_HEALTH: 10,
  SELF_HARM: 8,
  COGNITIVE_FUNCTIONING: 8,
  SOCIAL_ENVIRONMENT: 7,
  NEGATIVE_PEERS: 7,
  UNEMPLOYMENT: 7,
  THREAT_TO_PUBLIC_HEALTH_AND_SAFETY: 5,
  GANGS: 4,
  SEXUAL_VIOLENCE: 4,
  GAMBLING: 1,
  MISSING_SCHOOL: 0,
  PARENTING: 0,
  SUPERVISION: 0,
  MISSING_RUNAWAY: 0,
  ELDER_ABUSE: 0,
};
const CATEGORIES = Object.values(RiskFactorCategory);

const isChild = (age: SituationTableAgeGroup) => age === SituationTableAgeGroup.AGE_0_11;
const isYouth = (age: SituationTableAgeGroup) => age === SituationTableAgeGroup.AGE_12_17;
const isMinor = (age: SituationTableAgeGroup) => isChild(age) || isYouth(age);
const isSenior = (age: SituationTableAgeGroup) => age === SituationTableAgeGroup.AGE_60_PLUS;

/** Category weights for a person of this age in an area of this deprivation. */
function categoryWeights(age: SituationTableAgeGroup, deprivation: number): number[] {
  const weights: Record<RiskFactorCategory, number> = { ...CATEGORY_WEIGHTS };
  const scale = (category: RiskFactorCategory, factor: number) => (weights[category] *= factor);
  const need = Math.exp(0.3 * deprivation);
  scale(RiskFactorCategory.HOUSING, need);
  scale(RiskFactorCategory.BASIC_NEEDS, need);
  scale(RiskFactorCategory.POVERTY, need);
  if (isChild(age)) {
    Object.assign(weights, { MISSING_SCHOOL: 10, PARENTING: 30, SUPERVISION: 25, MISSING_RUNAWAY: 3, UNEMPLOYMENT: 0, GAMBLING: 0, GANGS: 0 });
    scale(RiskFactorCategory.CRIMINAL_INVOLVEMENT, 0.1);
    scale(RiskFactorCategory.DRUGS, 0.3);
    scale(RiskFactorCategory.ALCOHOL, 0.3);
  } else if (isYouth(age)) {
    Object.assign(weights, { MISSING_SCHOOL: 30, PARENTING: 15, SUPERVISION: 10, MISSING_RUNAWAY: 14, UNEMPLOYMENT: 0 });
    scale(RiskFactorCategory.NEGATIVE_PEERS, 3);
    scale(RiskFactorCategory.GANGS, 2);
  } else if (isSenior(age)) {
    weights.ELDER_ABUSE = 25;
    scale(RiskFactorCategory.PHYSICAL_HEALTH, 2.5);
    scale(RiskFactorCategory.COGNITIVE_FUNCTIONING, 2.5);
    scale(RiskFactorCategory.THREAT_TO_PUBLIC_HEALTH_AND_SAFETY, 3);
    scale(RiskFactorCategory.CRIMINAL_INVOLVEMENT, 0.4);
  }
  return CATEGORIES.map((category) => weights[category]);
}

const FACTORS_OF = new Map(CATEGORIES.map((category) => [category, RISK_FACTORS.filter((f) => f.category === category).map((f) => f.code)]));
const CATEGORY_OF = new Map(RISK_FACTORS.map((f) => [f.code, f.category]));

/** Kinds of service each risk category calls for. */
const SERVICES_FOR: Partial<Record<RiskFactorCategory, SituationTableService[]>> = {
  MENTAL_HEALTH: [SituationTableService.MENTAL_HEALTH],
  SUICIDE: [SituationTableService.MENTAL_HEALTH],
  SELF_HARM: [SituationTableService.MENTAL_HEALTH],
  COGNITIVE_FUNCTIONING: [SituationTableService.HEALTH_CARE],
  DRUGS: [SituationTableService.ADDICTIONS],
  ALCOHOL: [SituationTableService.ADDICTIONS],
  GAMBLING: [SituationTableService.ADDICTIONS],
  HOUSING: [SituationTableService.HOUSING],
  BASIC_NEEDS: [SituationTableService.INCOME_SUPPORT],
  POVERTY: [SituationTableService.INCOME_SUPPORT],
  UNEMPLOYMENT: [SituationTableService.INCOME_SUPPORT],
  PARENTING: [SituationTableService.CHILD_PROTECTION],
  SUPERVISION: [SituationTableService.CHILD_PROTECTION],
  CRIME_VICTIMIZATION: [SituationTableService.VICTIM_SERVICES],
  PHYSICAL_VIOLENCE: [SituationTableService.VICTIM_SERVICES],
  SEXUAL_VIOLENCE: [SituationTableService.VICTIM_SERVICES],
  EMOTIONAL_VIOLENCE: [SituationTableService.VICTIM_SERVICES],
  ELDER_ABUSE: [SituationTableService.VICTIM_SERVICES],
  MISSING_SCHOOL: [SituationTableService.EDUCATION_SUPPORT],
  PHYSICAL_HEALTH: [SituationTableService.HEALTH_CARE],
  THREAT_TO_PUBLIC_HEALTH_AND_SAFETY: [SituationTableService.HEALTH_CARE],
};
const SERVICE_MOBILISED_PROBABILITY = 0.7;

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The days of a month on which a table meeting weekly on `weekday` (0 = Sunday) meets. */
function meetingDays(year: number, month: number, weekday: number): string[] {
  const days: string[] = [];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let day = 1; day <= last; day++) {
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDay() === weekday) days.push(isoDate(year, month, day));
  }
  return days;
}

/** Distinct items drawn by weight, returned in the order of `items`. */
function distinctWeighted<T>(random: Random, items: readonly T[], weights: readonly number[], count: number): T[] {
  const remaining = [...weights];
  const chosen = new Set<number>();
  while (chosen.size < count && remaining.some((w) => w > 0)) {
    const index = random.weighted(
      items.map((_, i) => i),
      remaining,
    );
    chosen.add(index);
    remaining[index] = 0;
  }
  return items.filter((_, i) => chosen.has(i));
}

/** The tables of the city: one per ward up to four wards, else one per three or four wards. */
export function situationTables(city: SyntheticCity): GeneratedTable[] {
  const wards = city.wards;
  const count = Math.min(TABLE_NAMES.length, wards.length <= 4 ? wards.length : Math.round(wards.length / 3.5));
  return TABLE_NAMES.slice(0, count).map((tableId, t) => ({
    tableId,
    wardIds: wards.slice(Math.floor((t * wards.length) / count), Math.floor(((t + 1) * wards.length) / count)).map((w) => w.id),
  }));
}

function generateRiskFactors(random: Random, age: SituationTableAgeGroup, deprivation: number): string[] {
  const weights = categoryWeights(age, deprivation);
  const count = random.weighted(FACTOR_COUNTS, FACTOR_COUNT_WEIGHTS);
  const codes = new Set<string>();
  for (let attempt = 0; codes.size < count && attempt < 100; attempt++) {
    const category = random.weighted(CATEGORIES, weights);
    codes.add(random.pick(FACTORS_OF.get(category)!));
  }
  return [...codes].sort();
}

function generateDiscussion(
  random: Random,
  table: GeneratedTable,
  aerShare: number,
  catchment: SyntheticArea[],
  areaWeights: number[],
  discussedOn: string,
): Omit<GeneratedDiscussion, 'discussionId'> {
  const age = random.weighted(AGE_GROUPS, AGE_WEIGHTS);
  const originWeights = SECTORS.map((s) =>
    isMinor(age) && (s === SituationTableSector.EDUCATION || s === SituationTableSector.CHILD_WELFARE) ? ORIGINATING_WEIGHTS[s] * 4 : ORIGINATING_WEIGHTS[s],
  );
  const originatingAgency = random.weighted(SECTORS, originWeights);
  const minimum = { discussedOn, tableId: table.tableId, originatingAgency };
  if (random.next() >= aerShare) {
    // Rejected at filter 2: the RTD keeps only the minimum.
    return {
      ...minimum,
      filterReached: 2,
      aerMet: false,
      areaId: null,
      ageGroup: null,
      gender: null,
      riskFactors: null,
      protectiveFactors: null,
      assistingAgencies: null,
      servicesMobilised: null,
      conclusion: null,
      concludedOn: null,
    };
  }
  const area = random.weighted(catchment, areaWeights);
  const gender = random.weighted(GENDERS, GENDER_WEIGHTS);
  const riskFactors = generateRiskFactors(random, age, area.deprivation);
  const categories = new Set(riskFactors.map((code) => CATEGORY_OF.get(code)!));

  const protectiveEligible = Object.values(SituationTableProtectiveFactor).map((factor) =>
    (factor === SituationTableProtectiveFactor.ENGAGED_IN_SCHOOL && !(isMinor(age) || age === SituationTableAgeGroup.AGE_18_24)) ||
    (factor === SituationTableProtectiveFactor.EMPLOYED && isMinor(age))
      ? 0
      : 1,
  );
  const protectiveFactors = distinctWeighted(
    random,
    Object.values(SituationTableProtectiveFactor),
    protectiveEligible,
    random.weighted(PROTECTIVE_COUNTS, PROTECTIVE_COUNT_WEIGHTS),
  );

  const assistingWeights = SECTORS.map((s) => {
    let weight = ASSISTING_WEIGHTS[s];
    if (isMinor(age) && s === SituationTableSector.EDUCATION) weight = 40;
    if (isMinor(age) && s === SituationTableSector.CHILD_WELFARE) weight = 30;
    if (categories.has(RiskFactorCategory.HOUSING) && s === SituationTableSector.HOUSING) weight *= 2;
    return weight;
  });
  const assistingAgencies = distinctWeighted(random, SECTORS, assistingWeights, random.weighted(ASSISTING_COUNTS, ASSISTING_COUNT_WEIGHTS));

  const intervention = random.next() < FILTER_4_SHARE;
  let servicesMobilised: SituationTableService[] = [];
  if (intervention) {
    const called = new Set([...categories].flatMap((category) => SERVICES_FOR[category] ?? []));
    const mobilised = new Set([...called].filter(() => random.next() < SERVICE_MOBILISED_PROBABILITY));
    if (mobilised.size === 0) mobilised.add(called.size ? [...called][0] : SituationTableService.MENTAL_HEALTH);
    servicesMobilised = Object.values(SituationTableService).filter((s) => mobilised.has(s));
  }
  const conclusions = intervention ? CONCLUSIONS_AFTER_INTERVENTION : CONCLUSIONS_WITHOUT_INTERVENTION;
  const conclusion = random.weighted(
    conclusions.map(([c]) => c),
    conclusions.map(([, w]) => w),
  );
  return {
    ...minimum,
    filterReached: intervention ? 4 : 3,
    aerMet: true,
    areaId: area.id,
    ageGroup: age,
    gender,
    riskFactors,
    protectiveFactors,
    assistingAgencies,
    servicesMobilised,
    conclusion,
    concludedOn: addDays(discussedOn, random.weighted(DAYS, DAY_WEIGHTS)),
  };
}

/**
 * The Situation Table records of the synthetic city, the same for the same city: its tables
 * and their catchments, and every discussion of every year. Yields one table at a time.
 */
export function* generateSituationTableRecords(city: SyntheticCity): Generator<SituationTableBatch> {
  for (const [t, table] of situationTables(city).entries()) {
    const wards = new Set(table.wardIds);
    const catchment = city.neighbourhoods.filter((n) => n.parentId !== null && wards.has(n.parentId));
    const residents = catchment.reduce((sum, n) => sum + n.population, 0);
    const deprivation = catchment.reduce((sum, n) => sum + n.population * n.deprivation, 0) / residents;
    const areaWeights = catchment.map((n) => n.population * Math.exp(AREA_DEPRIVATION * n.deprivation));
    const catchments = catchment.map((n) => ({ tableId: table.tableId, areaId: n.id, populationShare: n.population / residents }));
    const perYear = BASE_DISCUSSIONS * (residents / 10_000) ** CATCHMENT_ELASTICITY * Math.exp(TABLE_DEPRIVATION * deprivation);
    const aerShare = AER_SHARE.min + AER_SHARE.spread * Random.forStream(city.seed, 'situation-table', table.tableId).next();
    // Tables meet on Tuesdays, Wednesdays or Thursdays.
    const weekday = 2 + (t % 3);

    const discussions: GeneratedDiscussion[] = [];
    for (const year of city.years) {
      const random = Random.forStream(city.seed, 'situation-table', table.tableId, year);
      const ofYear: Omit<GeneratedDiscussion, 'discussionId'>[] = [];
      for (let month = 1; month <= 12; month++) {
        const days = meetingDays(year, month, weekday);
        const count = random.poisson((perYear / 12) * trend(year) * SEASON[month - 1]);
        for (let k = 0; k < count; k++) {
          ofYear.push(generateDiscussion(random, table, aerShare, catchment, areaWeights, random.pick(days)));
        }
      }
      // Numbered in the order heard: table, year and sequence.
      ofYear.sort((a, b) => (a.discussedOn < b.discussedOn ? -1 : a.discussedOn > b.discussedOn ? 1 : 0));
      ofYear.forEach((discussion, i) => {
        discussions.push({ discussionId: `${table.tableId}-${year}-${String(i + 1).padStart(4, '0')}`, ...discussion });
      });
    }
    yield { tables: [table], catchments, discussions };
  }
}
