import { BetterDirection, FrameworkArea, Granularity, IndicatorDefinition, IndicatorSpec, LocalizedText } from '@cswb/subgraph-kit/vocabulary';

const SECTOR = 'social-services';

const SOURCES = {
  ontarioWorks: {
    EN: 'City of Lakeshore Ontario Works office, Social Assistance Management System (SAMS) month-end caseload',
    FR: "Bureau d'Ontario au travail de la Ville de Lakeshore, nombre de cas à la fin du mois selon le Système automatisé de gestion de l'aide sociale (SAGAS)",
  },
  odsp: {
    EN: 'Ministry of Children, Community and Social Services, ODSP month-end caseload for the Lakeshore offices',
    FR: "Ministère des Services à l'enfance et des Services sociaux et communautaires, nombre de cas du POSPH à la fin du mois pour les bureaux de Lakeshore",
  },
  childWelfare: {
    EN: "Lakeshore Children's Aid Society, Child Protection Information Network (CPIN) completed investigations",
    FR: "Société d'aide à l'enfance de Lakeshore, enquêtes terminées consignées dans le Réseau d'information pour la protection de l'enfance (RIPE)",
  },
  foodBank: {
    EN: 'Lakeshore food bank network, visit records of member agencies',
    FR: 'Réseau des banques alimentaires de Lakeshore, registres des visites des organismes membres',
  },
} satisfies Record<string, LocalizedText>;

/**
 * Child protection data is the most sensitive this hub publishes: counts below 10 are
 * suppressed, as BC suppresses groups of 1 to 9 and the IPC's stricter risk thresholds
 * imply (docs/privacy.md).
 */
const CHILD_WELFARE_SMALLEST_PUBLISHED = 10;

type Description = Pick<IndicatorDefinition, 'name' | 'definition' | 'frameworkArea' | 'betterWhen'> & {
  source: LocalizedText;
  fr: Pick<IndicatorDefinition['fr'], 'name' | 'definition'>;
};

function definition(id: string, unit: LocalizedText, { source, fr, ...description }: Description): IndicatorDefinition {
  return {
    id: `${SECTOR}.${id}`,
    sector: SECTOR,
    unit: unit.EN,
    frequency: Granularity.MONTH,
    source: source.EN,
    ...description,
    fr: { ...fr, unit: unit.FR, source: source.FR },
  };
}

function perThousandResidents(id: string, measure: string, description: Description): IndicatorSpec {
  return {
    numerator: measure,
    denominator: 'population',
    per: 1000,
    definition: definition(id, { EN: 'per 1,000 residents', FR: 'par 1 000 habitants' }, description),
  };
}

function count(id: string, measure: string, description: Description): IndicatorSpec {
  return { numerator: measure, definition: definition(id, { EN: 'count', FR: 'nombre' }, description) };
}

function percentOf(id: string, measure: string, baseMeasure: string, description: Description): IndicatorSpec {
  return { numerator: measure, denominator: { measure: baseMeasure }, per: 100, definition: definition(id, { EN: 'percent', FR: 'pourcentage' }, description) };
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
    fr: {
      name: "Taux de cas d'Ontario au travail",
      definition: "Cas d'Ontario au travail (groupes de prestataires) à la fin du mois, par 1 000 habitants, en moyenne sur la période",
    },
  }),
  perThousandResidents('odsp_case_rate', 'odsp_cases', {
    name: 'ODSP case rate',
    definition: 'Ontario Disability Support Program cases at month end per 1,000 residents, averaged over the period',
    frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
    // Reaching eligible people with disabilities is a goal in itself: a higher rate is not worse.
    betterWhen: BetterDirection.NEUTRAL,
    source: SOURCES.odsp,
    fr: {
      name: 'Taux de cas du POSPH',
      definition: 'Cas du Programme ontarien de soutien aux personnes handicapées à la fin du mois, par 1 000 habitants, en moyenne sur la période',
    },
  }),
  count('ow_beneficiaries', 'ow_beneficiaries', {
    name: 'Ontario Works beneficiaries',
    definition: 'People in Ontario Works benefit units (applicants, spouses and dependants) at month end, averaged over the period',
    frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
    betterWhen: BetterDirection.LOWER,
    source: SOURCES.ontarioWorks,
    fr: {
      name: "Bénéficiaires d'Ontario au travail",
      definition: "Personnes faisant partie des groupes de prestataires d'Ontario au travail (requérants, conjoints et personnes à charge) à la fin du mois, en moyenne sur la période",
    },
  }),
  {
    ...perThousandResidents('child_welfare_investigation_rate', 'child_welfare_investigations', {
      name: 'Child protection investigation rate',
      definition: "Child protection investigations completed by the children's aid society per 1,000 residents",
      frameworkArea: FrameworkArea.INCIDENT_RESPONSE,
      betterWhen: BetterDirection.LOWER,
      source: SOURCES.childWelfare,
      fr: {
        name: "Taux d'enquêtes en matière de protection de l'enfance",
        definition: "Enquêtes en matière de protection de l'enfance terminées par la société d'aide à l'enfance, par 1 000 habitants",
      },
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
      fr: {
        name: "Proportion des enquêtes de protection de l'enfance fondées",
        definition: "Proportion des enquêtes terminées en matière de protection de l'enfance dans lesquelles le besoin de protection a été confirmé, en pourcentage",
      },
    }),
    smallestPublished: CHILD_WELFARE_SMALLEST_PUBLISHED,
  },
  perThousandResidents('food_bank_visit_rate', 'food_bank_visits', {
    name: 'Food bank visit rate',
    definition: 'Food bank visits by residents per 1,000 residents',
    frameworkArea: FrameworkArea.SOCIAL_DEVELOPMENT,
    betterWhen: BetterDirection.LOWER,
    source: SOURCES.foodBank,
    fr: {
      name: 'Taux de visites aux banques alimentaires',
      definition: 'Visites des habitants aux banques alimentaires, par 1 000 habitants',
    },
  }),
];
