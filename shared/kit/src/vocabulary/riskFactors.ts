import { registerEnumType } from 'type-graphql';

/**
 * The risk-factor categories of Ontario's Risk-driven Tracking Database (RTD), the reference
 * data Situation Tables record discussions against and plans name priority risks with. One
 * place for the whole hub: subgraphs import it, none redefines it.
 */
export enum RiskFactorCategory {
  ANTISOCIAL_NEGATIVE_BEHAVIOUR = 'ANTISOCIAL_NEGATIVE_BEHAVIOUR',
  BASIC_NEEDS = 'BASIC_NEEDS',
  CRIME_VICTIMIZATION = 'CRIME_VICTIMIZATION',
  CRIMINAL_INVOLVEMENT = 'CRIMINAL_INVOLVEMENT',
  DRUGS = 'DRUGS',
  ALCOHOL = 'ALCOHOL',
  ELDER_ABUSE = 'ELDER_ABUSE',
  EMOTIONAL_VIOLENCE = 'EMOTIONAL_VIOLENCE',
  GAMBLING = 'GAMBLING',
  GANGS = 'GANGS',
  HOUSING = 'HOUSING',
  MISSING_RUNAWAY = 'MISSING_RUNAWAY',
  NEGATIVE_PEERS = 'NEGATIVE_PEERS',
  PARENTING = 'PARENTING',
  PHYSICAL_HEALTH = 'PHYSICAL_HEALTH',
  PHYSICAL_VIOLENCE = 'PHYSICAL_VIOLENCE',
  POVERTY = 'POVERTY',
  SELF_HARM = 'SELF_HARM',
  SEXUAL_VIOLENCE = 'SEXUAL_VIOLENCE',
  SOCIAL_ENVIRONMENT = 'SOCIAL_ENVIRONMENT',
  SUICIDE = 'SUICIDE',
  SUPERVISION = 'SUPERVISION',
  THREAT_TO_PUBLIC_HEALTH_AND_SAFETY = 'THREAT_TO_PUBLIC_HEALTH_AND_SAFETY',
  UNEMPLOYMENT = 'UNEMPLOYMENT',
  MISSING_SCHOOL = 'MISSING_SCHOOL',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  COGNITIVE_FUNCTIONING = 'COGNITIVE_FUNCTIONING',
}

registerEnumType(RiskFactorCategory, {
  name: 'RiskFactorCategory',
  description: "A risk-factor category of Ontario's Risk-driven Tracking Database",
});

export interface RiskFactorDefinition {
  /** Stable code, prefixed by its category's: DRUGS_PERSON_DRUG_ABUSE. */
  code: string;
  category: RiskFactorCategory;
  label: string;
}

const FACTORS: Record<RiskFactorCategory, [string, string][]> = {
  ANTISOCIAL_NEGATIVE_BEHAVIOUR: [['PERSON', 'Antisocial/negative behaviour (person)'], ['FAMILY', 'Antisocial/negative behaviour (family)'], ['PEERS', 'Antisocial/negative behaviour (peers)']],
  BASIC_NEEDS: [['PERSON_UNABLE_TO_MEET', 'Person unable to meet own basic needs'], ['FAMILY_UNABLE_TO_MEET', 'Family unable to meet basic needs']],
  CRIME_VICTIMIZATION: [['ASSAULT', 'Victim of assault'], ['THEFT', 'Victim of theft'], ['SEXUAL_ASSAULT', 'Victim of sexual assault'], ['ROBBERY', 'Victim of robbery']],
  CRIMINAL_INVOLVEMENT: [['ASSAULT', 'Involved in assault'], ['THEFT', 'Involved in theft'], ['DRUG_TRAFFICKING', 'Involved in drug trafficking'], ['BREACH', 'Breach of conditions']],
  DRUGS: [['PERSON_DRUG_ABUSE', 'Drug abuse (person)'], ['FAMILY_DRUG_ABUSE', 'Drug abuse (family member)'], ['SUSPECTED_DRUG_ABUSE', 'Suspected drug abuse']],
  ALCOHOL: [['PERSON_ALCOHOL_ABUSE', 'Alcohol abuse (person)'], ['FAMILY_ALCOHOL_ABUSE', 'Alcohol abuse (family member)']],
  ELDER_ABUSE: [['PHYSICAL', 'Physical elder abuse'], ['FINANCIAL', 'Financial elder abuse'], ['NEGLECT', 'Elder neglect']],
  EMOTIONAL_VIOLENCE: [['PERSON_VICTIM', 'Victim of emotional violence'], ['PERSON_PERPETRATOR', 'Perpetrator of emotional violence'], ['IN_HOME', 'Emotional violence in the home']],
  GAMBLING: [['PERSON', 'Problem gambling (person)'], ['FAMILY', 'Problem gambling (family member)']],
  GANGS: [['ASSOCIATION', 'Gang association'], ['EXPOSURE', 'Exposure to gang activity']],
  HOUSING: [['TRANSIENT', 'Transient'], ['UNSAFE_HOUSING', 'Unsafe housing'], ['EVICTION', 'Facing eviction'], ['HOMELESS', 'Homeless']],
  MISSING_RUNAWAY: [['MISSING', 'Reported missing'], ['RUNAWAY', 'Runaway']],
  NEGATIVE_PEERS: [['ASSOCIATION', 'Negative peer association'], ['PRESSURE', 'Negative peer pressure']],
  PARENTING: [['INADEQUATE', 'Inadequate parenting'], ['PARENT_CHILD_CONFLICT', 'Parent-child conflict']],
  PHYSICAL_HEALTH: [['CHRONIC_CONDITION', 'Chronic physical condition'], ['UNTREATED', 'Untreated physical health issue']],
  PHYSICAL_VIOLENCE: [['PERSON_VICTIM', 'Victim of physical violence'], ['PERSON_PERPETRATOR', 'Perpetrator of physical violence'], ['IN_HOME', 'Physical violence in the home']],
  POVERTY: [['PERSON', 'Person living in poverty'], ['FAMILY', 'Family living in poverty']],
  SELF_HARM: [['PERSON', 'Self-harm (person)'], ['THREAT', 'Threat of self-harm']],
  SEXUAL_VIOLENCE: [['PERSON_VICTIM', 'Victim of sexual violence'], ['PERSON_PERPETRATOR', 'Perpetrator of sexual violence']],
  SOCIAL_ENVIRONMENT: [['ISOLATION', 'Social isolation'], ['NEGATIVE_NEIGHBOURHOOD', 'Negative neighbourhood environment']],
  SUICIDE: [['PERSON_ATTEMPT', 'Suicide attempt'], ['PERSON_THREAT', 'Suicide threat'], ['AFFECTED_BY', 'Affected by suicide']],
  SUPERVISION: [['INADEQUATE', 'Inadequate supervision'], ['NONE', 'No supervision']],
  THREAT_TO_PUBLIC_HEALTH_AND_SAFETY: [['HOARDING', 'Hoarding'], ['FIRE_RISK', 'Fire risk'], ['UNSANITARY', 'Unsanitary conditions']],
  UNEMPLOYMENT: [['PERSON', 'Unemployed (person)'], ['CHRONIC', 'Chronic unemployment']],
  MISSING_SCHOOL: [['TRUANCY', 'Truancy'], ['NOT_ENROLLED', 'Not enrolled in school']],
  MENTAL_HEALTH: [['DIAGNOSED', 'Diagnosed mental health problem'], ['SUSPECTED', 'Suspected mental health problem'], ['NOT_TAKING_MEDICATION', 'Not following prescribed medication']],
  COGNITIVE_FUNCTIONING: [['DIAGNOSED', 'Diagnosed cognitive impairment'], ['SUSPECTED', 'Suspected cognitive impairment']],
};

/** Every risk factor of the taxonomy, grouped by category in declaration order. */
export const RISK_FACTORS: readonly RiskFactorDefinition[] = Object.entries(FACTORS).flatMap(([category, factors]) =>
  factors.map(([suffix, label]) => ({ code: `${category}_${suffix}`, category: category as RiskFactorCategory, label })),
);

export function riskFactor(code: string): RiskFactorDefinition | undefined {
  return RISK_FACTORS.find((factor) => factor.code === code);
}
