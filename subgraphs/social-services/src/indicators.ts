import { BetterDirection, FrameworkArea, Granularity, IndicatorDefinition, IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';

const SECTOR = 'social-services';

const SOURCES = {
  ontarioWorks: 'City of Lakeshore Ontario Works office, Social Assistance Management System (SAMS) month-end caseload',
  odsp: 'Ministry of Children, Community and Social Services, ODSP month-end caseload for the Lakeshore offices',
  childWelfare: "Lakeshore Children's Aid Society, Child Protection Information Network (CPIN) completed investigations",
  foodBank: 'Lakeshore food bank network, visit records of member agencies',
};

/**
 * Child protection data is the most sensitive this hub publishes: counts below 10 are
 * suppressed, as BC suppresses groups of 1 to 9 and the IPC's stricter risk thresholds
 * imply (docs/privacy.md).
 */
const CHILD_WELFARE_SMALLEST_PUBLISHED = 10;

type Description = Pick<IndicatorDefinition, 'name' | 'definition' | 'frameworkArea' | 'betterWhen' | 'source'>;

function definition(id: string, unit: string, description: Description): IndicatorDefinition {
  return { id: `${SECTOR}.${id}`, sector: SECTOR, unit, frequency: Granularity.MONTH, ...description };
}

function perThousandResidents(id: string, measure: string, description: Description): IndicatorSpec {
  return { numerator: measure, denominator: 'population', per: 1000, definition: definition(id, 'per 1,000 residents', description) };
}

function count(id: string, measure: string, description: Description): IndicatorSpec {
  return { numerator: measure, definition: definition(id, 'count', description) };
}

function percentOf(id: string, measure: string, baseMeasure: string, description: Description): IndicatorSpec {
  return { numerator: measure, denominator: { measure: baseMeasure }, per: 100, definition: definition(id, 'percent', description) };
}

/**
 * The social services indicators, in catalogue order. Caseloads are month-end stocks, so a
 * quarter's or year's value is the average caseload; the other measures add up over a period.
 */
export const SOCIAL_SERVICES_INDICATORS: readonly IndicatorSpec[] = [
  perThousandResidents('ow_case_rate', 'ow_cases', {
    name: 'Ontario Works case rate',
    definition: 'Ontario Works cases (benefit units) at month end per 1,000 residents, averaged over the period',
    frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
    betterWhen: BetterDirection.LOWER,
    source: SOURCES.ontarioWorks,
  }),
  perThousandResidents('odsp_case_rate', 'odsp_cases', {
    name: 'ODSP case rate',
    definition: 'Ontario Disability Support Program cases at month end per 1,000 residents, averaged over the period',
    frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
    // Reaching eligible people with disabilities is a goal in itself: a higher rate is not worse.
    betterWhen: BetterDirection.NEUTRAL,
    source: SOURCES.odsp,
  }),
  count('ow_beneficiaries', 'ow_beneficiaries', {
    name: 'Ontario Works beneficiaries',
    definition: 'People in Ontario Works benefit units (applicants, spouses and dependants) at month end, averaged over the period',
    frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
    betterWhen: BetterDirection.LOWER,
    source: SOURCES.ontarioWorks,
  }),
  {
    ...perThousandResidents('child_welfare_investigation_rate', 'child_welfare_investigations', {
      name: 'Child protection investigation rate',
      definition: "Child protection investigations completed by the children's aid society per 1,000 residents",
      frameworkArea: FrameworkArea.INCIDENT_RESPONSE,
      betterWhen: BetterDirection.LOWER,
      source: SOURCES.childWelfare,
    }),
    smallestPublished: CHILD_WELFARE_SMALLEST_PUBLISHED,
  },
  {
    ...percentOf('child_welfare_substantiation_share', 'child_welfare_substantiated', 'child_welfare_investigations', {
      name: 'Child protection substantiation share',
      definition: 'Share of completed child protection investigations in which the protection concern was verified, in percent',
      frameworkArea: FrameworkArea.INCIDENT_RESPONSE,
      betterWhen: BetterDirection.NEUTRAL,
      source: SOURCES.childWelfare,
    }),
    smallestPublished: CHILD_WELFARE_SMALLEST_PUBLISHED,
  },
  perThousandResidents('food_bank_visit_rate', 'food_bank_visits', {
    name: 'Food bank visit rate',
    definition: 'Food bank visits by residents per 1,000 residents',
    frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
    betterWhen: BetterDirection.LOWER,
    source: SOURCES.foodBank,
  }),
];
