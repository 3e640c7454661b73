import { BetterDirection, FrameworkArea, Granularity, IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';

const SCHOOL_SOURCE = 'Lakeshore school boards: school-year enrolment, attendance, discipline and graduation reporting to the Ontario Ministry of Education';
const EDI_SOURCE = 'Early Development Instrument (EDI), kindergarten Year 2, by neighbourhood of the school';

interface Options {
  frameworkArea: FrameworkArea;
  betterWhen: BetterDirection;
  unit: string;
  source?: string;
}

function definition(id: string, name: string, text: string, options: Options): IndicatorSpec['definition'] {
  return {
    id: `education.${id}`,
    name,
    definition: text,
    sector: 'education',
    frameworkArea: options.frameworkArea,
    unit: options.unit,
    betterWhen: options.betterWhen,
    source: options.source ?? SCHOOL_SOURCE,
    // Reported once per school year (or EDI cycle), recorded at the June that ends it.
    frequency: Granularity.YEAR,
  };
}

function rate(id: string, name: string, text: string, numerator: string, denominator: string, options: Options): IndicatorSpec {
  return { numerator, denominator: { measure: denominator }, per: 100, definition: definition(id, name, text, options) };
}

function count(id: string, name: string, text: string, measure: string, options: Options): IndicatorSpec {
  return { numerator: measure, definition: definition(id, name, text, options) };
}

/** The education indicators, in catalogue order. Measures name the rows of `education_measure_monthly`. */
export const EDUCATION_INDICATORS: readonly IndicatorSpec[] = [
  rate(
    'chronic_absenteeism',
    'Chronic absenteeism',
    'Students absent for 10% or more of school days, as a percentage of students enrolled in schools located in the area',
    'chronically_absent',
    'enrolment',
    { frameworkArea: FrameworkArea.PREVENTION, betterWhen: BetterDirection.LOWER, unit: '% of enrolled students' },
  ),
  rate(
    'suspension_rate',
    'Suspension rate',
    'Students suspended at least once in the school year per 100 students enrolled in schools located in the area',
    'suspended_students',
    'enrolment',
    { frameworkArea: FrameworkArea.PREVENTION, betterWhen: BetterDirection.LOWER, unit: 'per 100 students' },
  ),
  count('expulsions', 'Expulsions', 'Students expelled in the school year from schools located in the area', 'expulsions', {
    frameworkArea: FrameworkArea.INCIDENT_RESPONSE,
    betterWhen: BetterDirection.LOWER,
    unit: 'count',
  }),
  rate(
    'graduation_rate',
    'Four-year graduation rate',
    'Students of the Grade 9 cohort who graduated within four years, as a percentage of the cohort, in secondary schools located in the area',
    'graduates_on_time',
    'graduation_cohort',
    { frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT, betterWhen: BetterDirection.HIGHER, unit: '% of Grade 9 cohort' },
  ),
  rate(
    'edi_vulnerability',
    'Early development vulnerability',
    'Kindergarten children vulnerable on one or more of the five EDI domains, as a percentage of children assessed',
    'edi_vulnerable',
    'edi_assessed',
    { frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT, betterWhen: BetterDirection.LOWER, unit: '% of children assessed', source: EDI_SOURCE },
  ),
  count('enrolment', 'Enrolment', 'Students enrolled in elementary and secondary schools located in the area', 'enrolment', {
    frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
    betterWhen: BetterDirection.NEUTRAL,
    unit: 'count',
  }),
];
