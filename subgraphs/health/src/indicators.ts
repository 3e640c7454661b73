import { BetterDirection, FrameworkArea, Granularity, IndicatorSpec, IndicatorText, LocalizedText } from '@cswb/subgraph-kit/vocabulary';

const HOSPITAL_SOURCE: LocalizedText = {
  EN: 'Lakeshore Public Health: emergency department visits (NACRS) and hospital discharges (DAD) of residents, aggregated by neighbourhood of residence',
  FR: "Santé publique Lakeshore : visites aux services des urgences (SNISA) et sorties d'hôpital (BDCP) des résidents, agrégées par quartier de résidence",
};
const PARAMEDIC_SOURCE: LocalizedText = {
  EN: 'Lakeshore Paramedic Services: calls attended for a suspected opioid overdose, aggregated by neighbourhood',
  FR: "Services paramédicaux de Lakeshore : appels pour une surdose d'opioïdes soupçonnée, agrégés par quartier",
};

/** The French of an indicator's name and definition; the unit and source follow from the kind of indicator. */
type French = Pick<IndicatorText, 'name' | 'definition'>;

function rate(id: string, name: string, definition: string, measure: string, frameworkArea: FrameworkArea, fr: French): IndicatorSpec {
  return {
    numerator: measure,
    denominator: 'population',
    per: 100_000,
    definition: {
      id: `health.${id}`,
      name,
      definition,
      sector: 'health',
      frameworkArea,
      unit: 'per 100,000 residents',
      betterWhen: BetterDirection.LOWER,
      source: HOSPITAL_SOURCE.EN,
      frequency: Granularity.MONTH,
      fr: { ...fr, unit: 'par 100 000 habitants', source: HOSPITAL_SOURCE.FR },
    },
  };
}

function count(id: string, name: string, definition: string, measure: string, frameworkArea: FrameworkArea, source: LocalizedText, fr: French): IndicatorSpec {
  return {
    numerator: measure,
    definition: {
      id: `health.${id}`,
      name,
      definition,
      sector: 'health',
      frameworkArea,
      unit: 'count',
      betterWhen: BetterDirection.LOWER,
      source: source.EN,
      frequency: Granularity.MONTH,
      fr: { ...fr, unit: 'nombre', source: source.FR },
    },
  };
}

/** The health indicators, in catalogue order. Measures name the counts the loader aggregates. */
export const HEALTH_INDICATORS: readonly IndicatorSpec[] = [
  rate(
    'ed_mental_health_rate',
    'Mental health emergency department visit rate',
    'Emergency department visits for mental and behavioural disorders other than substance use, per 100,000 residents',
    'ed_visits.MENTAL_BEHAVIOURAL',
    FrameworkArea.PREVENTION,
    {
      name: 'Taux de visites aux urgences pour des troubles de santé mentale',
      definition:
        'Visites aux services des urgences pour des troubles mentaux et du comportement autres que ceux liés à la consommation de substances, par 100 000 habitants',
    },
  ),
  rate(
    'ed_substance_rate',
    'Substance-related emergency department visit rate',
    'Emergency department visits for disorders due to psychoactive substance use, per 100,000 residents',
    'ed_visits.SUBSTANCE_RELATED',
    FrameworkArea.PREVENTION,
    {
      name: 'Taux de visites aux urgences liées à la consommation de substances',
      definition: "Visites aux services des urgences pour des troubles liés à l'utilisation de substances psychoactives, par 100 000 habitants",
    },
  ),
  count(
    'ed_opioid_poisoning_visits',
    'Opioid poisoning emergency department visits',
    'Emergency department visits for opioid poisoning',
    'ed_visits.OPIOID_POISONING',
    FrameworkArea.RISK_INTERVENTION,
    HOSPITAL_SOURCE,
    {
      name: 'Visites aux urgences pour une intoxication aux opioïdes',
      definition: 'Visites aux services des urgences pour une intoxication aux opioïdes',
    },
  ),
  rate(
    'ed_self_harm_rate',
    'Self-harm emergency department visit rate',
    'Emergency department visits for intentional self-harm, per 100,000 residents',
    'ed_visits.SELF_HARM',
    FrameworkArea.RISK_INTERVENTION,
    {
      name: 'Taux de visites aux urgences pour automutilation',
      definition: 'Visites aux services des urgences pour des lésions auto-infligées intentionnellement, par 100 000 habitants',
    },
  ),
  rate(
    'ed_assault_injury_rate',
    'Assault injury emergency department visit rate',
    'Emergency department visits for injuries from assault, per 100,000 residents',
    'ed_visits.ASSAULT_INJURY',
    FrameworkArea.INCIDENT_RESPONSE,
    {
      name: 'Taux de visites aux urgences pour des blessures causées par des voies de fait',
      definition: 'Visites aux services des urgences pour des blessures résultant de voies de fait, par 100 000 habitants',
    },
  ),
  rate(
    'mental_health_hospitalization_rate',
    'Mental health hospitalisation rate',
    'Hospital admissions for mental and behavioural disorders other than substance use, per 100,000 residents',
    'hospitalizations.MENTAL_BEHAVIOURAL',
    FrameworkArea.PREVENTION,
    {
      name: "Taux d'hospitalisation pour des troubles de santé mentale",
      definition: 'Hospitalisations pour des troubles mentaux et du comportement autres que ceux liés à la consommation de substances, par 100 000 habitants',
    },
  ),
  rate(
    'substance_hospitalization_rate',
    'Substance-related hospitalisation rate',
    'Hospital admissions for disorders due to psychoactive substance use, per 100,000 residents',
    'hospitalizations.SUBSTANCE_RELATED',
    FrameworkArea.PREVENTION,
    {
      name: "Taux d'hospitalisation liée à la consommation de substances",
      definition: "Hospitalisations pour des troubles liés à l'utilisation de substances psychoactives, par 100 000 habitants",
    },
  ),
  count(
    'paramedic_overdose_calls',
    'Paramedic-attended suspected opioid overdoses',
    'Calls attended by paramedics for a suspected opioid overdose',
    'paramedic_overdose_calls',
    FrameworkArea.INCIDENT_RESPONSE,
    PARAMEDIC_SOURCE,
    {
      name: "Surdoses d'opioïdes soupçonnées prises en charge par les paramédics",
      definition: "Appels auxquels les paramédics ont répondu pour une surdose d'opioïdes soupçonnée",
    },
  ),
];
