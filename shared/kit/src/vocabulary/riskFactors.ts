import { registerEnumType } from 'type-graphql';
import type { LocalizedText } from './LocalizedText';

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

/** Each category's name, in English and French. */
export const RISK_FACTOR_CATEGORY_LABELS: Readonly<Record<RiskFactorCategory, LocalizedText>> = {
  ANTISOCIAL_NEGATIVE_BEHAVIOUR: { EN: 'Antisocial/negative behaviour', FR: 'Comportement antisocial ou négatif' },
  BASIC_NEEDS: { EN: 'Basic needs', FR: 'Besoins fondamentaux' },
  CRIME_VICTIMIZATION: { EN: 'Crime victimization', FR: 'Victimisation criminelle' },
  CRIMINAL_INVOLVEMENT: { EN: 'Criminal involvement', FR: 'Participation à des activités criminelles' },
  DRUGS: { EN: 'Drugs', FR: 'Drogues' },
  ALCOHOL: { EN: 'Alcohol', FR: 'Alcool' },
  ELDER_ABUSE: { EN: 'Elder abuse', FR: 'Mauvais traitements envers les personnes âgées' },
  EMOTIONAL_VIOLENCE: { EN: 'Emotional violence', FR: 'Violence psychologique' },
  GAMBLING: { EN: 'Gambling', FR: "Jeux de hasard et d'argent" },
  GANGS: { EN: 'Gangs', FR: 'Gangs' },
  HOUSING: { EN: 'Housing', FR: 'Logement' },
  MISSING_RUNAWAY: { EN: 'Missing/runaway', FR: 'Disparition ou fugue' },
  NEGATIVE_PEERS: { EN: 'Negative peers', FR: 'Fréquentations négatives' },
  PARENTING: { EN: 'Parenting', FR: 'Compétences parentales' },
  PHYSICAL_HEALTH: { EN: 'Physical health', FR: 'Santé physique' },
  PHYSICAL_VIOLENCE: { EN: 'Physical violence', FR: 'Violence physique' },
  POVERTY: { EN: 'Poverty', FR: 'Pauvreté' },
  SELF_HARM: { EN: 'Self-harm', FR: 'Automutilation' },
  SEXUAL_VIOLENCE: { EN: 'Sexual violence', FR: 'Violence sexuelle' },
  SOCIAL_ENVIRONMENT: { EN: 'Social environment', FR: 'Milieu social' },
  SUICIDE: { EN: 'Suicide', FR: 'Suicide' },
  SUPERVISION: { EN: 'Supervision', FR: 'Encadrement' },
  THREAT_TO_PUBLIC_HEALTH_AND_SAFETY: { EN: 'Threat to public health and safety', FR: 'Menace pour la santé et la sécurité publiques' },
  UNEMPLOYMENT: { EN: 'Unemployment', FR: 'Chômage' },
  MISSING_SCHOOL: { EN: 'Missing school', FR: 'Absentéisme scolaire' },
  MENTAL_HEALTH: { EN: 'Mental health', FR: 'Santé mentale' },
  COGNITIVE_FUNCTIONING: { EN: 'Cognitive functioning', FR: 'Fonctionnement cognitif' },
};

export interface RiskFactorDefinition {
  /** Stable code, prefixed by its category's: DRUGS_PERSON_DRUG_ABUSE. */
  code: string;
  category: RiskFactorCategory;
  label: LocalizedText;
}

/** Per category: code suffix, English label, French label. */
const FACTORS: Record<RiskFactorCategory, [string, string, string][]> = {
  ANTISOCIAL_NEGATIVE_BEHAVIOUR: [
    ['PERSON', 'Antisocial/negative behaviour (person)', 'Comportement antisocial ou négatif (personne)'],
    ['FAMILY', 'Antisocial/negative behaviour (family)', 'Comportement antisocial ou négatif (famille)'],
    ['PEERS', 'Antisocial/negative behaviour (peers)', 'Comportement antisocial ou négatif (pairs)'],
  ],
  BASIC_NEEDS: [
    ['PERSON_UNABLE_TO_MEET', 'Person unable to meet own basic needs', 'Personne incapable de subvenir à ses besoins fondamentaux'],
    ['FAMILY_UNABLE_TO_MEET', 'Family unable to meet basic needs', 'Famille incapable de subvenir à ses besoins fondamentaux'],
  ],
  CRIME_VICTIMIZATION: [
    ['ASSAULT', 'Victim of assault', 'Victime de voies de fait'],
    ['THEFT', 'Victim of theft', 'Victime de vol'],
    ['SEXUAL_ASSAULT', 'Victim of sexual assault', "Victime d'agression sexuelle"],
    ['ROBBERY', 'Victim of robbery', 'Victime de vol qualifié'],
  ],
  CRIMINAL_INVOLVEMENT: [
    ['ASSAULT', 'Involved in assault', 'Implication dans des voies de fait'],
    ['THEFT', 'Involved in theft', 'Implication dans un vol'],
    ['DRUG_TRAFFICKING', 'Involved in drug trafficking', 'Implication dans le trafic de drogues'],
    ['BREACH', 'Breach of conditions', 'Manquement aux conditions'],
  ],
  DRUGS: [
    ['PERSON_DRUG_ABUSE', 'Drug abuse (person)', 'Consommation abusive de drogues (personne)'],
    ['FAMILY_DRUG_ABUSE', 'Drug abuse (family member)', 'Consommation abusive de drogues (membre de la famille)'],
    ['SUSPECTED_DRUG_ABUSE', 'Suspected drug abuse', 'Consommation abusive de drogues soupçonnée'],
  ],
  ALCOHOL: [
    ['PERSON_ALCOHOL_ABUSE', 'Alcohol abuse (person)', "Consommation abusive d'alcool (personne)"],
    ['FAMILY_ALCOHOL_ABUSE', 'Alcohol abuse (family member)', "Consommation abusive d'alcool (membre de la famille)"],
  ],
  ELDER_ABUSE: [
    ['PHYSICAL', 'Physical elder abuse', 'Mauvais traitements physiques envers une personne âgée'],
    ['FINANCIAL', 'Financial elder abuse', "Exploitation financière d'une personne âgée"],
    ['NEGLECT', 'Elder neglect', 'Négligence envers une personne âgée'],
  ],
  EMOTIONAL_VIOLENCE: [
    ['PERSON_VICTIM', 'Victim of emotional violence', 'Victime de violence psychologique'],
    ['PERSON_PERPETRATOR', 'Perpetrator of emotional violence', 'Auteur de violence psychologique'],
    ['IN_HOME', 'Emotional violence in the home', 'Violence psychologique au foyer'],
  ],
  GAMBLING: [
    ['PERSON', 'Problem gambling (person)', 'Jeu problématique (personne)'],
    ['FAMILY', 'Problem gambling (family member)', 'Jeu problématique (membre de la famille)'],
  ],
  GANGS: [
    ['ASSOCIATION', 'Gang association', 'Association à un gang'],
    ['EXPOSURE', 'Exposure to gang activity', 'Exposition aux activités de gangs'],
  ],
  HOUSING: [
    ['TRANSIENT', 'Transient', 'Sans adresse fixe'],
    ['UNSAFE_HOUSING', 'Unsafe housing', 'Logement non sécuritaire'],
    ['EVICTION', 'Facing eviction', "Menacé d'expulsion"],
    ['HOMELESS', 'Homeless', "En situation d'itinérance"],
  ],
  MISSING_RUNAWAY: [
    ['MISSING', 'Reported missing', 'Porté disparu'],
    ['RUNAWAY', 'Runaway', 'Fugue'],
  ],
  NEGATIVE_PEERS: [
    ['ASSOCIATION', 'Negative peer association', 'Fréquentation de pairs négatifs'],
    ['PRESSURE', 'Negative peer pressure', 'Pression négative des pairs'],
  ],
  PARENTING: [
    ['INADEQUATE', 'Inadequate parenting', 'Compétences parentales inadéquates'],
    ['PARENT_CHILD_CONFLICT', 'Parent-child conflict', 'Conflit parent-enfant'],
  ],
  PHYSICAL_HEALTH: [
    ['CHRONIC_CONDITION', 'Chronic physical condition', 'Problème de santé physique chronique'],
    ['UNTREATED', 'Untreated physical health issue', 'Problème de santé physique non traité'],
  ],
  PHYSICAL_VIOLENCE: [
    ['PERSON_VICTIM', 'Victim of physical violence', 'Victime de violence physique'],
    ['PERSON_PERPETRATOR', 'Perpetrator of physical violence', 'Auteur de violence physique'],
    ['IN_HOME', 'Physical violence in the home', 'Violence physique au foyer'],
  ],
  POVERTY: [
    ['PERSON', 'Person living in poverty', 'Personne vivant dans la pauvreté'],
    ['FAMILY', 'Family living in poverty', 'Famille vivant dans la pauvreté'],
  ],
  SELF_HARM: [
    ['PERSON', 'Self-harm (person)', 'Automutilation (personne)'],
    ['THREAT', 'Threat of self-harm', "Menace d'automutilation"],
  ],
  SEXUAL_VIOLENCE: [
    ['PERSON_VICTIM', 'Victim of sexual violence', 'Victime de violence sexuelle'],
    ['PERSON_PERPETRATOR', 'Perpetrator of sexual violence', 'Auteur de violence sexuelle'],
  ],
  SOCIAL_ENVIRONMENT: [
    ['ISOLATION', 'Social isolation', 'Isolement social'],
    ['NEGATIVE_NEIGHBOURHOOD', 'Negative neighbourhood environment', 'Milieu de quartier négatif'],
  ],
  SUICIDE: [
    ['PERSON_ATTEMPT', 'Suicide attempt', 'Tentative de suicide'],
    ['PERSON_THREAT', 'Suicide threat', 'Menace de suicide'],
    ['AFFECTED_BY', 'Affected by suicide', 'Touché par un suicide'],
  ],
  SUPERVISION: [
    ['INADEQUATE', 'Inadequate supervision', 'Encadrement inadéquat'],
    ['NONE', 'No supervision', 'Aucun encadrement'],
  ],
  THREAT_TO_PUBLIC_HEALTH_AND_SAFETY: [
    ['HOARDING', 'Hoarding', 'Accumulation compulsive'],
    ['FIRE_RISK', 'Fire risk', "Risque d'incendie"],
    ['UNSANITARY', 'Unsanitary conditions', 'Conditions insalubres'],
  ],
  UNEMPLOYMENT: [
    ['PERSON', 'Unemployed (person)', 'Sans emploi (personne)'],
    ['CHRONIC', 'Chronic unemployment', 'Chômage chronique'],
  ],
  MISSING_SCHOOL: [
    ['TRUANCY', 'Truancy', 'Absences non motivées'],
    ['NOT_ENROLLED', 'Not enrolled in school', "Non inscrit à l'école"],
  ],
  MENTAL_HEALTH: [
    ['DIAGNOSED', 'Diagnosed mental health problem', 'Problème de santé mentale diagnostiqué'],
    ['SUSPECTED', 'Suspected mental health problem', 'Problème de santé mentale soupçonné'],
    ['NOT_TAKING_MEDICATION', 'Not following prescribed medication', 'Non-respect de la médication prescrite'],
  ],
  COGNITIVE_FUNCTIONING: [
    ['DIAGNOSED', 'Diagnosed cognitive impairment', 'Déficience cognitive diagnostiquée'],
    ['SUSPECTED', 'Suspected cognitive impairment', 'Déficience cognitive soupçonnée'],
  ],
};

/** Every risk factor of the taxonomy, grouped by category in declaration order. */
export const RISK_FACTORS: readonly RiskFactorDefinition[] = Object.entries(FACTORS).flatMap(([category, factors]) =>
  factors.map(([suffix, EN, FR]) => ({ code: `${category}_${suffix}`, category: category as RiskFactorCategory, label: { EN, FR } })),
);

export function riskFactor(code: string): RiskFactorDefinition | undefined {
  return RISK_FACTORS.find((factor) => factor.code === code);
}
