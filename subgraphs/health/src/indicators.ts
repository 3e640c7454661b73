import { BetterDirection, FrameworkArea, Granularity, IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';

const HOSPITAL_SOURCE =
  'Lakeshore Public Health: emergency department visits (NACRS) and hospital discharges (DAD) of residents, aggregated by neighbourhood of residence';
const PARAMEDIC_SOURCE = 'Lakeshore Paramedic Services: calls attended for a suspected opioid overdose, aggregated by neighbourhood';

function rate(id: string, name: string, definition: string, measure: string, frameworkArea: FrameworkArea): IndicatorSpec {
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
      source: HOSPITAL_SOURCE,
      frequency: Granularity.MONTH,
    },
  };
}

function count(id: string, name: string, definition: string, measure: string, frameworkArea: FrameworkArea, source: string): IndicatorSpec {
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
      source,
      frequency: Granularity.MONTH,
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
  ),
  rate(
    'ed_substance_rate',
    'Substance-related emergency department visit rate',
    'Emergency department visits for disorders due to psychoactive substance use, per 100,000 residents',
    'ed_visits.SUBSTANCE_RELATED',
    FrameworkArea.PREVENTION,
  ),
  count(
    'ed_opioid_poisoning_visits',
    'Opioid poisoning emergency department visits',
    'Emergency department visits for opioid poisoning',
    'ed_visits.OPIOID_POISONING',
    FrameworkArea.RISK_INTERVENTION,
    HOSPITAL_SOURCE,
  ),
  rate(
    'ed_self_harm_rate',
    'Self-harm emergency department visit rate',
    'Emergency department visits for intentional self-harm, per 100,000 residents',
    'ed_visits.SELF_HARM',
    FrameworkArea.RISK_INTERVENTION,
  ),
  rate(
    'ed_assault_injury_rate',
    'Assault injury emergency department visit rate',
    'Emergency department visits for injuries from assault, per 100,000 residents',
    'ed_visits.ASSAULT_INJURY',
    FrameworkArea.INCIDENT_RESPONSE,
  ),
  rate(
    'mental_health_hospitalization_rate',
    'Mental health hospitalisation rate',
    'Hospital admissions for mental and behavioural disorders other than substance use, per 100,000 residents',
    'hospitalizations.MENTAL_BEHAVIOURAL',
    FrameworkArea.PREVENTION,
  ),
  rate(
    'substance_hospitalization_rate',
    'Substance-related hospitalisation rate',
    'Hospital admissions for disorders due to psychoactive substance use, per 100,000 residents',
    'hospitalizations.SUBSTANCE_RELATED',
    FrameworkArea.PREVENTION,
  ),
  count(
    'paramedic_overdose_calls',
    'Paramedic-attended suspected opioid overdoses',
    'Calls attended by paramedics for a suspected opioid overdose',
    'paramedic_overdose_calls',
    FrameworkArea.INCIDENT_RESPONSE,
    PARAMEDIC_SOURCE,
  ),
];
