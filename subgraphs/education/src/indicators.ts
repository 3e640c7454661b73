import { BetterDirection, FrameworkArea, Granularity, IndicatorSpec, IndicatorText, LocalizedText } from '@cswb/subgraph-kit/vocabulary';

const SCHOOL_SOURCE: LocalizedText = {
  EN: 'Lakeshore school boards: school-year enrolment, attendance, discipline and graduation reporting to the Ontario Ministry of Education',
  FR: "Conseils scolaires de Lakeshore : déclarations de l'effectif, de l'assiduité, de la discipline et de l'obtention du diplôme par année scolaire au ministère de l'Éducation de l'Ontario",
};
const EDI_SOURCE: LocalizedText = {
  EN: 'Early Development Instrument (EDI), kindergarten Year 2, by neighbourhood of the school',
  FR: "Instrument de mesure du développement de la petite enfance (IMDPE), deuxième année de maternelle, par quartier de l'école",
};

interface Options {
  frameworkArea: FrameworkArea;
  betterWhen: BetterDirection;
  unit: LocalizedText;
  source?: LocalizedText;
}

/** The French of an indicator's name and definition; its unit and source are in its options. */
type French = Pick<IndicatorText, 'name' | 'definition'>;

const COUNT: LocalizedText = { EN: 'count', FR: 'nombre' };

function definition(id: string, name: string, text: string, options: Options, fr: French): IndicatorSpec['definition'] {
  const source = options.source ?? SCHOOL_SOURCE;
  return {
    id: `education.${id}`,
    name,
    definition: text,
    sector: 'education',
    frameworkArea: options.frameworkArea,
    unit: options.unit.EN,
    betterWhen: options.betterWhen,
    source: source.EN,
    // Reported once per school year (or EDI cycle), recorded at the June that ends it.
    frequency: Granularity.YEAR,
    fr: { ...fr, unit: options.unit.FR, source: source.FR },
  };
}

function rate(id: string, name: string, text: string, numerator: string, denominator: string, options: Options, fr: French): IndicatorSpec {
  return { numerator, denominator: { measure: denominator }, per: 100, definition: definition(id, name, text, options, fr) };
}

function count(id: string, name: string, text: string, measure: string, options: Options, fr: French): IndicatorSpec {
  return { numerator: measure, definition: definition(id, name, text, options, fr) };
}

/** The education indicators, in catalogue order. Measures name the rows of `education_measure_monthly`. */
export const EDUCATION_INDICATORS: readonly IndicatorSpec[] = [
  rate(
    'chronic_absenteeism',
    'Chronic absenteeism',
    'Students absent for 10% or more of school days, as a percentage of students enrolled in schools located in the area',
    'chronically_absent',
    'enrolment',
    {
      frameworkArea: FrameworkArea.PREVENTION,
      betterWhen: BetterDirection.LOWER,
      unit: { EN: '% of enrolled students', FR: '% des élèves inscrits' },
    },
    {
      name: 'Absentéisme chronique',
      definition: 'Élèves absents 10 % ou plus des jours de classe, en pourcentage des élèves inscrits dans les écoles situées dans la zone',
    },
  ),
  rate(
    'suspension_rate',
    'Suspension rate',
    'Students suspended at least once in the school year per 100 students enrolled in schools located in the area',
    'suspended_students',
    'enrolment',
    { frameworkArea: FrameworkArea.PREVENTION, betterWhen: BetterDirection.LOWER, unit: { EN: 'per 100 students', FR: 'par 100 élèves' } },
    {
      name: 'Taux de suspension',
      definition: "Élèves suspendus au moins une fois pendant l'année scolaire, par 100 élèves inscrits dans les écoles situées dans la zone",
    },
  ),
  count(
    'expulsions',
    'Expulsions',
    'Students expelled in the school year from schools located in the area',
    'expulsions',
    { frameworkArea: FrameworkArea.INCIDENT_RESPONSE, betterWhen: BetterDirection.LOWER, unit: COUNT },
    { name: 'Renvois', definition: "Élèves renvoyés pendant l'année scolaire des écoles situées dans la zone" },
  ),
  rate(
    'graduation_rate',
    'Four-year graduation rate',
    'Students of the Grade 9 cohort who graduated within four years, as a percentage of the cohort, in secondary schools located in the area',
    'graduates_on_time',
    'graduation_cohort',
    {
      frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
      betterWhen: BetterDirection.HIGHER,
      unit: { EN: '% of Grade 9 cohort', FR: '% de la cohorte de 9e année' },
    },
    {
      name: "Taux d'obtention du diplôme en quatre ans",
      definition:
        'Élèves de la cohorte de 9e année ayant obtenu leur diplôme en quatre ans ou moins, en pourcentage de la cohorte, dans les écoles secondaires situées dans la zone',
    },
  ),
  rate(
    'edi_vulnerability',
    'Early development vulnerability',
    'Kindergarten children vulnerable on one or more of the five EDI domains, as a percentage of children assessed',
    'edi_vulnerable',
    'edi_assessed',
    {
      frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
      betterWhen: BetterDirection.LOWER,
      unit: { EN: '% of children assessed', FR: '% des enfants évalués' },
      source: EDI_SOURCE,
    },
    {
      name: 'Vulnérabilité sur le plan du développement de la petite enfance',
      definition: "Enfants de maternelle vulnérables dans au moins un des cinq domaines de l'IMDPE, en pourcentage des enfants évalués",
    },
  ),
  count(
    'enrolment',
    'Enrolment',
    'Students enrolled in elementary and secondary schools located in the area',
    'enrolment',
    { frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT, betterWhen: BetterDirection.NEUTRAL, unit: COUNT },
    { name: 'Effectif scolaire', definition: 'Élèves inscrits dans les écoles élémentaires et secondaires situées dans la zone' },
  ),
];
