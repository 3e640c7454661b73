import { BetterDirection, FrameworkArea, Granularity, IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';

const SOURCE = 'Lakeshore Police Service records management and computer-aided dispatch systems';

function rate(id: string, name: string, definition: string, measure: string): IndicatorSpec {
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
      source: SOURCE,
      frequency: Granularity.MONTH,
    },
  };
}

function count(id: string, name: string, definition: string, measure: string): IndicatorSpec {
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
      source: SOURCE,
      frequency: Granularity.MONTH,
    },
  };
}

/** The police indicators, in catalogue order. Measures name the counts the loader aggregates. */
export const POLICE_INDICATORS: readonly IndicatorSpec[] = [
  rate('violent_crime_rate', 'Violent crime rate', 'Violent Criminal Code occurrences (UCR violent group) per 1,000 residents', 'occurrences.VIOLENT'),
  rate('property_crime_rate', 'Property crime rate', 'Property crime occurrences (UCR property group) per 1,000 residents', 'occurrences.PROPERTY'),
  rate('drug_offence_rate', 'Drug offence rate', 'Controlled Drugs and Substances Act occurrences per 1,000 residents', 'occurrences.DRUGS'),
  rate('calls_for_service_rate', 'Calls for service rate', 'Calls for police service of any type per 1,000 residents', 'calls.ALL'),
  count('person_in_crisis_calls', 'Person-in-crisis calls', 'Calls for service dispatched as a person in crisis', 'calls.PERSON_IN_CRISIS'),
  count('mha_apprehensions', 'Mental Health Act apprehensions', 'Calls for service ending in an apprehension under the Mental Health Act', 'calls.MHA_APPREHENSION'),
];
