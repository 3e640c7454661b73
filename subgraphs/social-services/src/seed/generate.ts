import { Random, SyntheticArea, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { IncomeSupportProgram } from '../entities/IncomeSupportProgram';
import { ServiceCategory } from '../entities/ServiceCategory';

export interface GeneratedCaseload {
  areaId: string;
  /** First day of the month. */
  month: string;
  program: IncomeSupportProgram;
  cases: number;
  beneficiaries: number;
}

export interface GeneratedChildWelfare {
  areaId: string;
  month: string;
  investigations: number;
  substantiated: number;
}

export interface GeneratedFoodBank {
  areaId: string;
  month: string;
  visits: number;
  uniqueHouseholds: number;
}

export interface GeneratedProgram {
  programCode: string;
  name: string;
  provider: string;
  frameworkArea: FrameworkArea;
  eligibility: Eligibility;
  /** Distinct, the program's main category first. */
  categories: ServiceCategory[];
  /** Neighbourhoods served, in id order. */
  areaIds: string[];
}

export interface SocialServicesBatch {
  caseloads: GeneratedCaseload[];
  childWelfare: GeneratedChildWelfare[];
  foodBank: GeneratedFoodBank[];
  programs: GeneratedProgram[];
}

/** The controlled phrases a program's eligibility is written in; the migration checks the same list. */
export const ELIGIBILITY = [
  'All residents',
  'Adults 18+',
  'Youth 12-24',
  'Children 0-6 and caregivers',
  'Families with children under 18',
  'Seniors 65+',
  'Newcomers in first 5 years',
  'Women and gender-diverse people',
  'Ontario Works or ODSP recipients',
  'Low-income households',
  'People experiencing homelessness',
] as const;
export type Eligibility = (typeof ELIGIBILITY)[number];

interface RateModel {
  /**
   * Per 1,000 residents in an area of average deprivation in 2021: the caseload at a month's
   * end for stocks, the count over a year for flows.
   */
  perThousand: number;
  /** How strongly the hidden deprivation score raises the rate (log-linear). */
  deprivation: number;
  /** Level of a calendar year relative to 2021. */
  trend: (year: number) => number;
  /** Relative level of a month (1-12); averages 1 over the year. */
  season: (month: number) => number;
}

const flat = () => 1;
const winterPeak = (amplitude: number) => (month: number) => 1 + amplitude * Math.cos((2 * Math.PI * (month - 1)) / 12);
// Referrals to children's aid societies come largely from schools: fewer in July and August.
const SCHOOL_YEAR = [1.0, 1.05, 1.1, 1.05, 1.1, 1.0, 0.8, 0.8, 1.05, 1.1, 1.05, 0.9];

// Rates and their sources are listed in docs/data/social-services.md.
const ONTARIO_WORKS: RateModel = {
  perThousand: 25,
  deprivation: 0.6,
  // Caseloads fell with federal pandemic benefits (CERB) in 2020-2021 and have risen since.
  trend: (year) => (year < 2020 ? 1.15 : year === 2020 ? 1.06 : 1 + 0.065 * (year - 2021)),
  season: winterPeak(0.03),
};
const ODSP: RateModel = { perThousand: 30, deprivation: 0.4, trend: (year) => 1.03 ** (year - 2021), season: flat };
const CHILD_WELFARE: RateModel = {
  perThousand: 8,
  deprivation: 0.5,
  trend: (year) => 0.98 ** (year - 2021),
  season: (month) => SCHOOL_YEAR[month - 1],
};
const FOOD_BANK: RateModel = {
  perThousand: 120,
  deprivation: 0.6,
  trend: (year) => (year <= 2021 ? 1.02 ** (year - 2021) : 1.1 ** (year - 2021)),
  season: winterPeak(0.08),
};

/** Beneficiaries per case: Ontario Works units include more families with children. */
const BENEFICIARIES_PER_CASE: Record<IncomeSupportProgram, number> = { ONTARIO_WORKS: 1.6, ODSP: 1.3 };
const CASELOAD_RATES: Record<IncomeSupportProgram, RateModel> = { ONTARIO_WORKS: ONTARIO_WORKS, ODSP };
const SUBSTANTIATION_SHARE = 0.3;

const RESIDENTS_PER_PROGRAM = 3000;
const PROGRAM_DEPRIVATION = 0.25;
const FRAMEWORK_AREAS = [FrameworkArea.SOCIAL_DEVELOPMENT, FrameworkArea.PREVENTION, FrameworkArea.RISK_INTERVENTION, FrameworkArea.INCIDENT_RESPONSE];
const FRAMEWORK_AREA_WEIGHTS = [35, 30, 25, 10];

const MAIN_CATEGORIES: Record<FrameworkArea, readonly ServiceCategory[]> = {
  SOCIAL_DEVELOPMENT: [
    ServiceCategory.EMPLOYMENT,
    ServiceCategory.FOOD_SECURITY,
    ServiceCategory.YOUTH,
    ServiceCategory.SENIORS,
    ServiceCategory.NEWCOMERS,
    ServiceCategory.FAMILY_SUPPORT,
    ServiceCategory.HOUSING_SUPPORT,
  ],
  PREVENTION: [
    ServiceCategory.MENTAL_HEALTH,
    ServiceCategory.ADDICTIONS,
    ServiceCategory.YOUTH,
    ServiceCategory.FAMILY_SUPPORT,
    ServiceCategory.VIOLENCE_PREVENTION,
    ServiceCategory.HOUSING_SUPPORT,
    ServiceCategory.SENIORS,
  ],
  RISK_INTERVENTION: [
    ServiceCategory.MENTAL_HEALTH,
    ServiceCategory.ADDICTIONS,
    ServiceCategory.HOUSING_SUPPORT,
    ServiceCategory.VIOLENCE_PREVENTION,
    ServiceCategory.CRISIS_RESPONSE,
    ServiceCategory.FAMILY_SUPPORT,
  ],
  INCIDENT_RESPONSE: [ServiceCategory.CRISIS_RESPONSE, ServiceCategory.VIOLENCE_PREVENTION, ServiceCategory.MENTAL_HEALTH],
};

const PROGRAM_NAMES: Record<ServiceCategory, readonly string[]> = {
  MENTAL_HEALTH: ['Walk-in Counselling', 'Mental Health Outreach', 'Peer Support Program', 'Wellness Recovery Group'],
  ADDICTIONS: ['Substance Use Counselling', 'Harm Reduction Outreach', 'Withdrawal Management Support', 'Recovery Circle'],
  HOUSING_SUPPORT: ['Housing Help Desk', 'Eviction Prevention Program', 'Supportive Housing Case Management', 'Rent Bank'],
  FOOD_SECURITY: ['Community Food Bank', 'Good Food Box', 'Community Kitchen', 'Student Nutrition Program'],
  EMPLOYMENT: ['Employment Resource Centre', 'Skills Training Program', 'Job Search Workshop', 'Youth Job Connection'],
  YOUTH: ['After-School Program', 'Youth Drop-in', 'Youth Mentoring', 'Youth Leadership Program'],
  FAMILY_SUPPORT: ['EarlyON Child and Family Centre', 'Parenting Program', 'Family Counselling', 'Respite Care Program'],
  SENIORS: ['Adult Day Program', 'Seniors Friendly Visiting', 'Meals on Wheels', 'Seniors Active Living Centre'],
  NEWCOMERS: ['Settlement Services', 'Language Instruction for Newcomers', 'Newcomer Youth Program', 'Interpretation Service'],
  VIOLENCE_PREVENTION: ['Violence Prevention Program', 'Gender-Based Violence Counselling', 'Conflict Resolution Program', 'Safe Schools Outreach'],
  CRISIS_RESPONSE: ['Mobile Crisis Team', 'Crisis Line', 'Situation Table', 'Victim Services Response'],
};

const ELIGIBILITY_BY_CATEGORY: Record<ServiceCategory, readonly Eligibility[]> = {
  MENTAL_HEALTH: ['Adults 18+', 'Youth 12-24', 'All residents'],
  ADDICTIONS: ['Adults 18+', 'Youth 12-24', 'All residents'],
  HOUSING_SUPPORT: ['Low-income households', 'People experiencing homelessness'],
  FOOD_SECURITY: ['Low-income households', 'All residents'],
  EMPLOYMENT: ['Adults 18+', 'Ontario Works or ODSP recipients', 'Youth 12-24'],
  YOUTH: ['Youth 12-24'],
  FAMILY_SUPPORT: ['Families with children under 18', 'Children 0-6 and caregivers'],
  SENIORS: ['Seniors 65+'],
  NEWCOMERS: ['Newcomers in first 5 years'],
  VIOLENCE_PREVENTION: ['Women and gender-diverse people', 'Youth 12-24', 'All residents'],
  CRISIS_RESPONSE: ['All residents'],
};

const PROVIDER_PLACES = ['Lakeshore', 'Harbourview', 'Northshore', 'Riverside', 'Bridgeway', 'Maplewood', 'Cedar Valley', 'Westgate', 'Eastside', 'Greenfield'];
const PROVIDER_KINDS = [
  'Community Services',
  'Family Services',
  'Community Health Centre',
  'Youth Services',
  'Neighbourhood Centre',
  'Mental Health Association',
  'Multicultural Centre',
  'Housing Help Centre',
  'Food Network',
  'Social Services Department',
];

type Reach = 'NEIGHBOURHOOD' | 'WARD' | 'CITY';
const REACHES: Reach[] = ['NEIGHBOURHOOD', 'WARD', 'CITY'];
const REACH_WEIGHTS = [55, 35, 10];
const EXTRA_CATEGORY_COUNTS = [0, 1, 2];
const EXTRA_CATEGORY_WEIGHTS = [50, 35, 15];

function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** Mean for one neighbourhood-month: a month's-end level for stocks, a month's count for flows. */
function monthlyMean(model: RateModel, area: SyntheticArea, year: number, month: number, stock: boolean): number {
  const level = (area.population / 1000) * model.perThousand * Math.exp(model.deprivation * area.deprivation) * model.trend(year) * model.season(month);
  return stock ? level : level / 12;
}

function binomial(random: Random, trials: number, probability: number): number {
  let successes = 0;
  for (let i = 0; i < trials; i++) if (random.next() < probability) successes++;
  return successes;
}

function generateMonths(city: SyntheticCity, area: SyntheticArea): Omit<SocialServicesBatch, 'programs'> {
  const caseloadRandom = Random.forStream(city.seed, 'social-services', area.id, 'caseload');
  const childWelfareRandom = Random.forStream(city.seed, 'social-services', area.id, 'child-welfare');
  const foodBankRandom = Random.forStream(city.seed, 'social-services', area.id, 'food-bank');
  const batch: Omit<SocialServicesBatch, 'programs'> = { caseloads: [], childWelfare: [], foodBank: [] };
  for (const year of city.years) {
    for (let month = 1; month <= 12; month++) {
      const start = monthStart(year, month);
      for (const program of Object.values(IncomeSupportProgram)) {
        const cases = caseloadRandom.poisson(monthlyMean(CASELOAD_RATES[program], area, year, month, true));
        const beneficiaries = cases + caseloadRandom.poisson(cases * (BENEFICIARIES_PER_CASE[program] - 1));
        batch.caseloads.push({ areaId: area.id, month: start, program, cases, beneficiaries });
      }
      const investigations = childWelfareRandom.poisson(monthlyMean(CHILD_WELFARE, area, year, month, false));
      const substantiated = binomial(childWelfareRandom, investigations, SUBSTANTIATION_SHARE);
      batch.childWelfare.push({ areaId: area.id, month: start, investigations, substantiated });
      const visits = foodBankRandom.poisson(monthlyMean(FOOD_BANK, area, year, month, false));
      // Households come back within a month: about 1.4 to 1.8 visits per household.
      const uniqueHouseholds = visits === 0 ? 0 : Math.max(1, Math.round(visits / (1.4 + 0.4 * foodBankRandom.next())));
      batch.foodBank.push({ areaId: area.id, month: start, visits, uniqueHouseholds });
    }
  }
  return batch;
}

function generatePrograms(city: SyntheticCity, area: SyntheticArea, areaNumber: number): GeneratedProgram[] {
  const random = Random.forStream(city.seed, 'social-services', area.id, 'programs');
  const count = random.poisson((area.population / RESIDENTS_PER_PROGRAM) * Math.exp(PROGRAM_DEPRIVATION * area.deprivation));
  const programs: GeneratedProgram[] = [];
  for (let k = 1; k <= count; k++) {
    const frameworkArea = random.weighted(FRAMEWORK_AREAS, FRAMEWORK_AREA_WEIGHTS);
    const mainCategory = random.pick(MAIN_CATEGORIES[frameworkArea]);
    const categories = [mainCategory];
    const extras = random.weighted(EXTRA_CATEGORY_COUNTS, EXTRA_CATEGORY_WEIGHTS);
    while (categories.length < 1 + extras) {
      const category = random.pick(Object.values(ServiceCategory));
      if (!categories.includes(category)) categories.push(category);
    }
    const reach = random.weighted(REACHES, REACH_WEIGHTS);
    const served =
      reach === 'CITY' ? city.neighbourhoods : reach === 'WARD' ? city.neighbourhoods.filter((n) => n.parentId === area.parentId) : [area];
    programs.push({
      programCode: `SSP-${String(areaNumber).padStart(3, '0')}-${String(k).padStart(2, '0')}`,
      name: random.pick(PROGRAM_NAMES[mainCategory]),
      provider: `${random.pick(PROVIDER_PLACES)} ${random.pick(PROVIDER_KINDS)}`,
      frameworkArea,
      eligibility: random.pick(ELIGIBILITY_BY_CATEGORY[mainCategory]),
      categories,
      areaIds: served.map((n) => n.id).sort(),
    });
  }
  return programs;
}

/**
 * The social services data of the synthetic city, the same for the same city: monthly
 * caseloads, child welfare and food bank counts per neighbourhood, and the community programs
 * based there. Yields one neighbourhood at a time, so a caller can write large cities in chunks.
 */
export function* generateSocialServicesRecords(city: SyntheticCity): Generator<SocialServicesBatch> {
  for (const [index, area] of city.neighbourhoods.entries()) {
    yield { ...generateMonths(city, area), programs: generatePrograms(city, area, index + 1) };
  }
}
