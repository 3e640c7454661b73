import { Random, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { HealthAgeGroup } from '../entities/HealthAgeGroup';
import { HealthSex } from '../entities/HealthSex';
import { HealthVisitReason } from '../entities/HealthVisitReason';

export interface GeneratedEdVisitCount {
  areaId: string;
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  reason: HealthVisitReason;
  ageGroup: HealthAgeGroup;
  sex: HealthSex;
  visits: number;
}

export interface GeneratedHospitalizationCount {
  areaId: string;
  month: string;
  reason: HealthVisitReason;
  ageGroup: HealthAgeGroup;
  sex: HealthSex;
  admissions: number;
}

export interface GeneratedParamedicOverdoseCount {
  areaId: string;
  month: string;
  ageGroup: HealthAgeGroup;
  sex: HealthSex;
  calls: number;
}

/** The counts of one neighbourhood-month; cells that counted zero are left out. */
export interface GeneratedHealthMonth {
  edVisits: GeneratedEdVisitCount[];
  hospitalizations: GeneratedHospitalizationCount[];
  paramedicOverdoseCalls: GeneratedParamedicOverdoseCount[];
}

interface RateModel {
  /** Yearly rate per 100,000 residents in an area of average deprivation, in RATE_YEAR. */
  perHundredThousand: number;
  /** How strongly the hidden deprivation score raises the rate (log-linear). */
  deprivation: number;
  /** Relative change per year. */
  trend: number;
  /** Last year the trend runs; the rate stays at that year's level afterwards. */
  trendUntil?: number;
  /** Amplitude of the seasonal peak, and the month (1-12) it peaks in. */
  seasonal: number;
  peakMonth: number;
}

/** How the people counted split by age and sex (weights in AGE_GROUPS order). */
interface AgeSexSplit {
  ageWeights: readonly number[];
  femaleShare: readonly number[];
}

/** The year the base rates describe; earlier and later years follow each measure's trend. */
const RATE_YEAR = 2022;

const AGE_GROUPS = Object.values(HealthAgeGroup);
const REASONS = Object.values(HealthVisitReason);

// Rates, splits and their sources are listed in docs/data/health.md.
const ED_VISIT_RATES: Record<HealthVisitReason, RateModel> = {
  MENTAL_BEHAVIOURAL: { perHundredThousand: 1400, deprivation: 0.3, trend: 0.01, seasonal: 0.06, peakMonth: 5 },
  SUBSTANCE_RELATED: { perHundredThousand: 600, deprivation: 0.55, trend: 0.03, seasonal: 0.08, peakMonth: 7 },
  OPIOID_POISONING: { perHundredThousand: 90, deprivation: 0.6, trend: 0.1, trendUntil: 2022, seasonal: 0.05, peakMonth: 7 },
  SELF_HARM: { perHundredThousand: 150, deprivation: 0.35, trend: 0.02, seasonal: 0.1, peakMonth: 4 },
  ASSAULT_INJURY: { perHundredThousand: 250, deprivation: 0.5, trend: 0, seasonal: 0.15, peakMonth: 7 },
};

const HOSPITALIZATION_RATES: Record<HealthVisitReason, RateModel> = {
  MENTAL_BEHAVIOURAL: { perHundredThousand: 450, deprivation: 0.3, trend: -0.01, seasonal: 0.03, peakMonth: 5 },
  SUBSTANCE_RELATED: { perHundredThousand: 250, deprivation: 0.55, trend: 0.01, seasonal: 0.05, peakMonth: 7 },
  OPIOID_POISONING: { perHundredThousand: 15, deprivation: 0.6, trend: 0.1, trendUntil: 2022, seasonal: 0.05, peakMonth: 7 },
  SELF_HARM: { perHundredThousand: 65, deprivation: 0.35, trend: 0.01, seasonal: 0.1, peakMonth: 4 },
  ASSAULT_INJURY: { perHundredThousand: 20, deprivation: 0.5, trend: 0, seasonal: 0.15, peakMonth: 7 },
};

const PARAMEDIC_OVERDOSE_RATE: RateModel = {
  perHundredThousand: 120,
  deprivation: 0.6,
  trend: 0.1,
  trendUntil: 2022,
  seasonal: 0.08,
  peakMonth: 7,
};

//                       0-11   12-17  18-24  25-44  45-64  65+
const SPLITS: Record<HealthVisitReason, AgeSexSplit> = {
  MENTAL_BEHAVIOURAL: { ageWeights: [6, 14, 18, 32, 20, 10], femaleShare: [0.42, 0.64, 0.55, 0.5, 0.5, 0.56] },
  SUBSTANCE_RELATED: { ageWeights: [0.5, 5, 18, 45, 25, 6.5], femaleShare: [0.5, 0.46, 0.38, 0.32, 0.3, 0.3] },
  OPIOID_POISONING: { ageWeights: [0.5, 2, 13, 55, 25, 4.5], femaleShare: [0.5, 0.45, 0.32, 0.27, 0.28, 0.38] },
  SELF_HARM: { ageWeights: [2, 32, 26, 24, 12, 4], femaleShare: [0.6, 0.78, 0.66, 0.58, 0.55, 0.5] },
  ASSAULT_INJURY: { ageWeights: [3, 12, 24, 40, 17, 4], femaleShare: [0.45, 0.35, 0.3, 0.32, 0.3, 0.45] },
};

interface Cell {
  ageGroup: HealthAgeGroup;
  sex: HealthSex;
  share: number;
}

function cellsOf(split: AgeSexSplit): Cell[] {
  const total = split.ageWeights.reduce((sum, w) => sum + w, 0);
  return AGE_GROUPS.flatMap((ageGroup, i) => {
    const ageShare = split.ageWeights[i] / total;
    return [
      { ageGroup, sex: HealthSex.FEMALE, share: ageShare * split.femaleShare[i] },
      { ageGroup, sex: HealthSex.MALE, share: ageShare * (1 - split.femaleShare[i]) },
    ];
  });
}

const CELLS = Object.fromEntries(REASONS.map((reason) => [reason, cellsOf(SPLITS[reason])])) as Record<HealthVisitReason, Cell[]>;
const PARAMEDIC_CELLS = CELLS.OPIOID_POISONING;

function monthlyMean(model: RateModel, population: number, deprivation: number, year: number, month: number): number {
  const seasonal = 1 + model.seasonal * Math.cos((2 * Math.PI * (month - model.peakMonth)) / 12);
  const trend = (1 + model.trend) ** (Math.min(year, model.trendUntil ?? year) - RATE_YEAR);
  return ((population / 100_000) * model.perHundredThousand * Math.exp(model.deprivation * deprivation) * seasonal * trend) / 12;
}

/**
 * The health unit's monthly counts for the synthetic city, the same for the same city.
 * Yields one neighbourhood-month at a time, so a caller can write large cities in chunks.
 */
export function* generateHealthCounts(city: SyntheticCity): Generator<GeneratedHealthMonth> {
  for (const area of city.neighbourhoods) {
    const random = Random.forStream(city.seed, 'health', area.id);
    for (const year of city.years) {
      for (let m = 1; m <= 12; m++) {
        const month = `${year}-${String(m).padStart(2, '0')}-01`;
        const edVisits: GeneratedEdVisitCount[] = [];
        const hospitalizations: GeneratedHospitalizationCount[] = [];
        const paramedicOverdoseCalls: GeneratedParamedicOverdoseCount[] = [];
        for (const reason of REASONS) {
          const mean = monthlyMean(ED_VISIT_RATES[reason], area.population, area.deprivation, year, m);
          for (const { ageGroup, sex, share } of CELLS[reason]) {
            const visits = random.poisson(mean * share);
            if (visits > 0) edVisits.push({ areaId: area.id, month, reason, ageGroup, sex, visits });
          }
        }
        for (const reason of REASONS) {
          const mean = monthlyMean(HOSPITALIZATION_RATES[reason], area.population, area.deprivation, year, m);
          for (const { ageGroup, sex, share } of CELLS[reason]) {
            const admissions = random.poisson(mean * share);
            if (admissions > 0) hospitalizations.push({ areaId: area.id, month, reason, ageGroup, sex, admissions });
          }
        }
        const mean = monthlyMean(PARAMEDIC_OVERDOSE_RATE, area.population, area.deprivation, year, m);
        for (const { ageGroup, sex, share } of PARAMEDIC_CELLS) {
          const calls = random.poisson(mean * share);
          if (calls > 0) paramedicOverdoseCalls.push({ areaId: area.id, month, ageGroup, sex, calls });
        }
        yield { edVisits, hospitalizations, paramedicOverdoseCalls };
      }
    }
  }
}
