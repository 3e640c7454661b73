import { BetterDirection, FrameworkArea, Granularity, IndicatorDefinition, IndicatorSpec, IndicatorText, LocalizedText } from '@cswb/subgraph-kit/vocabulary';

const SOURCE: LocalizedText = {
  EN: 'Lakeshore housing and homelessness service manager: shelter nightly occupancy, By-Name List, centralised waitlist',
  FR: "Gestionnaire des services de logement et de lutte contre l'itinérance de Lakeshore : occupation nocturne des refuges, liste de noms, liste d'attente centralisée",
};

/** The French of an indicator's name and definition; unit and source are given in both languages. */
type French = Pick<IndicatorText, 'name' | 'definition'>;

const COUNT: LocalizedText = { EN: 'count', FR: 'nombre' };

function definition(
  id: string,
  name: string,
  text: string,
  fr: French,
  frameworkArea: FrameworkArea,
  unit: LocalizedText,
  source = SOURCE,
  frequency = Granularity.MONTH,
): IndicatorDefinition {
  return {
    id: `housing.${id}`,
    name,
    definition: text,
    sector: 'housing',
    frameworkArea,
    unit: unit.EN,
    betterWhen: BetterDirection.LOWER,
    source: source.EN,
    frequency,
    fr: { ...fr, unit: unit.FR, source: source.FR },
  };
}

/**
 * The housing indicators, in catalogue order. Waitlist and chronic homelessness are stocks:
 * over a quarter or year the loader averages their monthly values.
 */
export const HOUSING_INDICATORS: readonly IndicatorSpec[] = [
  {
    numerator: 'shelter_bed_nights_occupied',
    denominator: { measure: 'shelter_bed_nights_available' },
    per: 100,
    definition: definition(
      'shelter_occupancy_rate',
      'Shelter occupancy rate',
      'Occupied over available emergency shelter bed-nights, shelters located in the area, in percent',
      {
        name: "Taux d'occupation des refuges",
        definition: "Nuitées-lits occupées par rapport aux nuitées-lits disponibles dans les refuges d'urgence situés dans la zone, en pourcentage",
      },
      FrameworkArea.RISK_INTERVENTION,
      { EN: 'percent', FR: 'pourcentage' },
    ),
  },
  {
    numerator: 'chronically_homeless',
    definition: definition(
      'chronic_homelessness',
      'Chronic homelessness',
      'People on the By-Name List homeless for 6 months or more in the past year (average of month-end counts)',
      {
        name: 'Itinérance chronique',
        definition:
          "Personnes inscrites sur la liste de noms en situation d'itinérance pendant 6 mois ou plus au cours de la dernière année (moyenne des dénombrements de fin de mois)",
      },
      FrameworkArea.PREVENTION,
      COUNT,
    ),
  },
  {
    numerator: 'waitlist_households',
    definition: definition(
      'social_housing_waitlist',
      'Social housing waitlist',
      'Households on the centralised rent-geared-to-income waitlist (average of month-end counts)',
      {
        name: "Liste d'attente pour un logement social",
        definition: "Ménages inscrits sur la liste d'attente centralisée pour un logement à loyer indexé sur le revenu (moyenne des dénombrements de fin de mois)",
      },
      FrameworkArea.SOCIAL_DEVELOPMENT,
      { EN: 'households', FR: 'ménages' },
    ),
  },
  {
    numerator: 'eviction_applications',
    denominator: 'population',
    per: 1000,
    definition: definition(
      'eviction_application_rate',
      'Eviction application rate',
      'Landlord and Tenant Board L1 and L2 eviction applications per 1,000 residents',
      {
        name: 'Taux de requêtes en expulsion',
        definition: 'Requêtes en expulsion L1 et L2 présentées à la Commission de la location immobilière, par 1 000 habitants',
      },
      FrameworkArea.PREVENTION,
      { EN: 'per 1,000 residents', FR: 'par 1 000 habitants' },
      {
        EN: 'Tribunals Ontario, Landlord and Tenant Board applications by rental unit location',
        FR: "Tribunaux décisionnels Ontario, requêtes présentées à la Commission de la location immobilière, selon l'emplacement du logement locatif",
      },
    ),
  },
  {
    numerator: 'pit_people_counted',
    definition: definition(
      'point_in_time_count',
      'Point-in-time count',
      'People counted as homeless (sheltered and unsheltered) by the biennial point-in-time count',
      {
        name: 'Dénombrement ponctuel',
        definition: "Personnes dénombrées en situation d'itinérance (hébergées ou non) lors du dénombrement ponctuel biennal",
      },
      FrameworkArea.PREVENTION,
      COUNT,
      {
        EN: 'Lakeshore point-in-time count (Ontario service manager homelessness enumeration)',
        FR: "Dénombrement ponctuel de Lakeshore (dénombrement des personnes en situation d'itinérance par les gestionnaires de services de l'Ontario)",
      },
      Granularity.YEAR,
    ),
  },
];
