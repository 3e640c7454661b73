import { Random, SyntheticArea, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { SchoolPanel } from '../entities/SchoolPanel';

export interface GeneratedSchool {
  schoolNumber: string;
  name: string;
  areaId: string;
  board: string;
  panel: SchoolPanel;
}

export interface GeneratedSchoolYearStat {
  schoolNumber: string;
  /** Calendar year the school year ends in. */
  schoolYear: number;
  enrolment: number;
  chronicallyAbsent: number;
  suspendedStudents: number;
  expulsions: number;
  graduationCohort: number;
  graduatesOnTime: number;
}

export interface GeneratedEdiResult {
  areaId: string;
  cycleYear: number;
  childrenAssessed: number;
  vulnerableOneOrMore: number;
}

export interface GeneratedEducationRecords {
  schools: GeneratedSchool[];
  stats: GeneratedSchoolYearStat[];
  ediResults: GeneratedEdiResult[];
}

interface PanelModel {
  /** Residents per school of the panel. */
  residentsPerSchool: number;
  /** Students enrolled as a share of residents. */
  enrolmentShare: number;
  /** Relative change of enrolment per year. */
  enrolmentTrend: number;
  /** Share of students chronically absent before 2021, at average deprivation. */
  chronicAbsence: number;
  /** Share of students suspended at least once, at average deprivation. */
  suspension: number;
  /** Share of students expelled, at average deprivation. */
  expulsion: number;
}

// Rates and their sources are listed in docs/data/education.md.
const PANELS: Record<SchoolPanel, PanelModel> = {
  ELEMENTARY: { residentsPerSchool: 2500, enrolmentShare: 0.11, enrolmentTrend: -0.002, chronicAbsence: 0.19, suspension: 0.02, expulsion: 0.00005 },
  SECONDARY: { residentsPerSchool: 9000, enrolmentShare: 0.05, enrolmentTrend: 0.004, chronicAbsence: 0.23, suspension: 0.045, expulsion: 0.0008 },
};

/** Log-linear effect of the hidden deprivation score on each rate. */
const BETA = { chronicAbsence: 0.35, suspension: 0.5, expulsion: 0.5, nonGraduation: 0.4, ediVulnerable: 0.3 };

/** Year that trends are measured from. */
const BASE_YEAR = 2015;
/** Share of a secondary cohort not graduating within four years, at average deprivation, in BASE_YEAR. */
const NON_GRADUATION = 0.155;
const NON_GRADUATION_TREND = -0.02;
/** Kindergarten Year 2 children assessed, as a share of residents. */
const EDI_ASSESSED_SHARE = 0.0105;
const EDI_VULNERABLE = 0.28;
const EDI_VULNERABLE_TREND = 0.005;
/** EDI cycles fall every third year: 2015, 2018, 2021, 2024. */
const EDI_CYCLE_ANCHOR = 2024;

const BOARDS = [
  { name: 'Lakeshore District School Board', weight: 64, elementary: (stem: string) => `${stem} Public School`, secondary: (stem: string) => `${stem} Secondary School` },
  {
    name: 'Lakeshore Catholic District School Board',
    weight: 30,
    elementary: (stem: string) => `${stem} Catholic Elementary School`,
    secondary: (stem: string) => `${stem} Catholic Secondary School`,
  },
  { name: 'Conseil scolaire des Rives-du-Lac', weight: 6, elementary: (stem: string) => `École élémentaire ${stem}`, secondary: (stem: string) => `École secondaire ${stem}` },
];
const BOARD_WEIGHTS = BOARDS.map((board) => board.weight);

// Invented compounds, so that no generated name is a real school's.
const STEM_STARTS = ['Amber', 'Bright', 'Clear', 'Copper', 'Fern', 'Golden', 'Heron', 'Juniper', 'Larch', 'Misty', 'Quarry', 'Silver', 'Sumac', 'Tamarack', 'Thistle', 'Wren'];
const STEM_ENDS = ['brook', 'dale', 'field', 'gate', 'glen', 'haven', 'mere', 'moor', 'ridge', 'vale', 'wood', 'water'];

/** Schools lose students to remote learning and closures: discipline fell in 2019-20 and 2020-21. */
function disciplineFactor(schoolYear: number): number {
  if (schoolYear === 2020) return 0.8;
  if (schoolYear === 2021) return 0.5;
  return 1;
}

/** Chronic absenteeism rose after the pandemic school closures and has stayed high. */
function absenceFactor(schoolYear: number): number {
  return 1 + 0.12 * Math.min(Math.max(schoolYear - 2020, 0), 3);
}

function atMost(limit: number, value: number): number {
  return Math.min(limit, value);
}

function schoolsOf(area: SyntheticArea, random: Random): { school: GeneratedSchool; sizeWeight: number }[] {
  const result: { school: GeneratedSchool; sizeWeight: number }[] = [];
  const usedNames = new Set<string>();
  for (const panel of [SchoolPanel.ELEMENTARY, SchoolPanel.SECONDARY]) {
    const perPanel = Math.round(area.population / PANELS[panel].residentsPerSchool);
    // Every neighbourhood has at least one (elementary) school.
    const count = panel === SchoolPanel.ELEMENTARY ? Math.max(1, perPanel) : perPanel;
    for (let i = 0; i < count; i++) {
      const board = random.weighted(BOARDS, BOARD_WEIGHTS);
      let stem: string;
      do stem = `${random.pick(STEM_STARTS)}${random.pick(STEM_ENDS)}`;
      while (usedNames.has(stem));
      usedNames.add(stem);
      result.push({
        school: {
          schoolNumber: `${area.id}-S${String(result.length + 1).padStart(2, '0')}`,
          name: panel === SchoolPanel.ELEMENTARY ? board.elementary(stem) : board.secondary(stem),
          areaId: area.id,
          board: board.name,
          panel,
        },
        sizeWeight: Math.exp(0.25 * random.normal()),
      });
    }
  }
  return result;
}

function yearStat(area: SyntheticArea, school: GeneratedSchool, meanEnrolment: number, schoolYear: number, random: Random): GeneratedSchoolYearStat {
  const model = PANELS[school.panel];
  const years = schoolYear - BASE_YEAR;
  const enrolment = random.poisson(meanEnrolment * (1 + model.enrolmentTrend) ** years);
  const absence = atMost(0.95, model.chronicAbsence * Math.exp(BETA.chronicAbsence * area.deprivation) * absenceFactor(schoolYear));
  const discipline = disciplineFactor(schoolYear);
  const stat: GeneratedSchoolYearStat = {
    schoolNumber: school.schoolNumber,
    schoolYear,
    enrolment,
    chronicallyAbsent: atMost(enrolment, random.poisson(enrolment * absence)),
    suspendedStudents: atMost(enrolment, random.poisson(enrolment * model.suspension * Math.exp(BETA.suspension * area.deprivation) * discipline)),
    expulsions: atMost(enrolment, random.poisson(enrolment * model.expulsion * Math.exp(BETA.expulsion * area.deprivation) * discipline)),
    graduationCohort: 0,
    graduatesOnTime: 0,
  };
  if (school.panel === SchoolPanel.SECONDARY) {
    // The cohort that entered Grade 9 four years earlier: about a quarter of a four-grade school.
    const cohort = random.poisson(enrolment / 4);
    const nonGraduation = atMost(0.9, NON_GRADUATION * Math.exp(BETA.nonGraduation * area.deprivation) * (1 + NON_GRADUATION_TREND) ** years);
    stat.graduationCohort = cohort;
    stat.graduatesOnTime = cohort - atMost(cohort, random.poisson(cohort * nonGraduation));
  }
  return stat;
}

function ediResult(area: SyntheticArea, cycleYear: number, random: Random): GeneratedEdiResult {
  const childrenAssessed = random.poisson(area.population * EDI_ASSESSED_SHARE);
  const vulnerable = EDI_VULNERABLE * Math.exp(BETA.ediVulnerable * area.deprivation) * (1 + EDI_VULNERABLE_TREND) ** (cycleYear - BASE_YEAR);
  return { areaId: area.id, cycleYear, childrenAssessed, vulnerableOneOrMore: atMost(childrenAssessed, random.poisson(childrenAssessed * vulnerable)) };
}

export function isEdiCycleYear(year: number): boolean {
  return (((EDI_CYCLE_ANCHOR - year) % 3) + 3) % 3 === 0;
}

/**
 * The schools, school-year statistics and EDI results of the synthetic city, the same for
 * the same city. One neighbourhood at a time, so a caller can write large cities in chunks.
 */
export function* generateEducationRecords(city: SyntheticCity): Generator<GeneratedEducationRecords> {
  for (const area of city.neighbourhoods) {
    const layout = schoolsOf(area, Random.forStream(city.seed, 'education', area.id, 'schools'));
    const stats: GeneratedSchoolYearStat[] = [];
    for (const panel of [SchoolPanel.ELEMENTARY, SchoolPanel.SECONDARY]) {
      const inPanel = layout.filter(({ school }) => school.panel === panel);
      const totalWeight = inPanel.reduce((sum, { sizeWeight }) => sum + sizeWeight, 0);
      for (const { school, sizeWeight } of inPanel) {
        const meanEnrolment = area.population * PANELS[panel].enrolmentShare * (sizeWeight / totalWeight);
        const random = Random.forStream(city.seed, 'education', area.id, school.schoolNumber);
        for (const year of city.years) stats.push(yearStat(area, school, meanEnrolment, year, random));
      }
    }
    const ediRandom = Random.forStream(city.seed, 'education', area.id, 'edi');
    const ediResults = city.years.filter(isEdiCycleYear).map((year) => ediResult(area, year, ediRandom));
    yield { schools: layout.map(({ school }) => school), stats, ediResults };
  }
}
