import { BetterDirection, FrameworkArea, Granularity, IndicatorSpec, IndicatorText, LocalizedText } from '@cswb/subgraph-kit/vocabulary';

const SOURCE: LocalizedText = {
  EN: 'Lakeshore Police Service records management and computer-aided dispatch systems',
  FR: 'Systèmes de gestion des dossiers et de répartition assistée par ordinateur du Service de police de Lakeshore',
};

/** The French of an indicator's name and definition; the unit and source follow from the kind of indicator. */
type French = Pick<IndicatorText, 'name' | 'definition'>;

function rate(id: string, name: string, definition: string, measure: string, fr: French): IndicatorSpec {
  return {
    numerator: measure,
    denominator: 'population',
    per: 1000,
    definition: {
      id: `police.${id}`,
      name,
      definition,
      sector: 'police',
      frameworkArea: FrameworkArea.INCIDENT_RESPONSE,
      unit: 'per 1,000 residents',
      betterWhen: BetterDirection.LOWER,
      source: SOURCE.EN,
      frequency: Granularity.MONTH,
      fr: { ...fr, unit: 'par 1 000 habitants', source: SOURCE.FR },
    },
  };
}

function count(id: string, name: string, definition: string, measure: string, fr: French): IndicatorSpec {
  return {
    numerator: measure,
    definition: {
      id: `police.${id}`,
      name,
      definition,
      sector: 'police',
      frameworkArea: FrameworkArea.INCIDENT_RESPONSE,
      unit: 'count',
      betterWhen: BetterDirection.LOWER,
      source: SOURCE.EN,
      frequency: Granularity.MONTH,
      fr: { ...fr, unit: 'nombre', source: SOURCE.FR },
    },
  };
}

/** The police indicators, in catalogue order. Measures name the counts the loader aggregates. */
export const POLICE_INDICATORS: readonly IndicatorSpec[] = [
  rate('violent_crime_rate', 'Violent crime rate', 'Violent Criminal Code occurrences (UCR violent group) per 1,000 residents', 'occurrences.VIOLENT', {
    name: 'Taux de crimes violents',
    definition: 'Affaires de violence au Code criminel (crimes violents selon la DUC) par 1 000 habitants',
  }),
  rate('property_crime_rate', 'Property crime rate', 'Property crime occurrences (UCR property group) per 1,000 residents', 'occurrences.PROPERTY', {
    name: 'Taux de crimes contre les biens',
    definition: 'Affaires de crimes contre les biens (crimes contre les biens selon la DUC) par 1 000 habitants',
  }),
  rate('drug_offence_rate', 'Drug offence rate', 'Controlled Drugs and Substances Act occurrences per 1,000 residents', 'occurrences.DRUGS', {
    name: "Taux d'infractions relatives aux drogues",
    definition: 'Affaires relevant de la Loi réglementant certaines drogues et autres substances par 1 000 habitants',
  }),
  rate('calls_for_service_rate', 'Calls for service rate', 'Calls for police service of any type per 1,000 residents', 'calls.ALL', {
    name: "Taux d'appels de service",
    definition: 'Appels de service à la police, de tout type, par 1 000 habitants',
  }),
  count('person_in_crisis_calls', 'Person-in-crisis calls', 'Calls for service dispatched as a person in crisis', 'calls.PERSON_IN_CRISIS', {
    name: 'Appels concernant une personne en crise',
    definition: 'Appels de service répartis comme concernant une personne en crise',
  }),
  count('mha_apprehensions', 'Mental Health Act apprehensions', 'Calls for service ending in an apprehension under the Mental Health Act', 'calls.MHA_APPREHENSION', {
    name: 'Appréhensions en vertu de la Loi sur la santé mentale',
    definition: 'Appels de service ayant mené à une appréhension en vertu de la Loi sur la santé mentale',
  }),
];
