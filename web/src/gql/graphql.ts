/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Level of the geography: neighbourhoods lie within wards, wards within a municipality */
export type AreaKind =
  | 'MUNICIPALITY'
  | 'NEIGHBOURHOOD'
  | 'WARD';

/** Which way an indicator should move for the community to be better off */
export type BetterDirection =
  | 'HIGHER'
  | 'LOWER'
  | 'NEUTRAL';

/** An area of Ontario's Community Safety and Well-Being planning framework */
export type FrameworkArea =
  /** Immediate response to incidents: police, fire, EMS, child welfare, apprehensions */
  | 'INCIDENT_RESPONSE'
  /** Reducing identified risks before they lead to harm */
  | 'PREVENTION'
  /** Multi-sector response to situations of acutely elevated risk */
  | 'RISK_INTERVENTION'
  /** Long-term work on the root causes of crime and social disorder */
  | 'SOCIAL_DEVELOPMENT';

/** The length of the periods an indicator series is reported in */
export type Granularity =
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

/** A language the hub serves its reference text in (indicator names and definitions, framework areas, sectors, risk factors) */
export type Language =
  /** English */
  | 'EN'
  /** French (Canadian usage) */
  | 'FR';

/** Where a CSWB plan stands: drafted, adopted by council resolution, published, or under its four-yearly review */
export type PlanStatus =
  /** Adopted by council resolution (adoptedOn); not yet published */
  | 'ADOPTED'
  /** Being prepared with the advisory committee; not public */
  | 'DRAFT'
  /** Adopted and published: readable by everyone */
  | 'PUBLISHED'
  /** Being reviewed (the Act requires a review every four years); re-adopted when done */
  | 'UNDER_REVIEW';

/** Progress of a performance measure from its baseline towards its target */
export type ProgressStatus =
  /** The target is reached */
  | 'ACHIEVED'
  /** Moving towards the target, but behind that line */
  | 'AT_RISK'
  /** No better than the baseline */
  | 'OFF_TRACK'
  /** At least 90% of the way a straight line from baseline to target would be by now */
  | 'ON_TRACK'
  /** No current value the caller may see */
  | 'UNKNOWN';

/** A risk-factor category of Ontario's Risk-driven Tracking Database */
export type RiskFactorCategory =
  | 'ALCOHOL'
  | 'ANTISOCIAL_NEGATIVE_BEHAVIOUR'
  | 'BASIC_NEEDS'
  | 'COGNITIVE_FUNCTIONING'
  | 'CRIME_VICTIMIZATION'
  | 'CRIMINAL_INVOLVEMENT'
  | 'DRUGS'
  | 'ELDER_ABUSE'
  | 'EMOTIONAL_VIOLENCE'
  | 'GAMBLING'
  | 'GANGS'
  | 'HOUSING'
  | 'MENTAL_HEALTH'
  | 'MISSING_RUNAWAY'
  | 'MISSING_SCHOOL'
  | 'NEGATIVE_PEERS'
  | 'PARENTING'
  | 'PHYSICAL_HEALTH'
  | 'PHYSICAL_VIOLENCE'
  | 'POVERTY'
  | 'SELF_HARM'
  | 'SEXUAL_VIOLENCE'
  | 'SOCIAL_ENVIRONMENT'
  | 'SUICIDE'
  | 'SUPERVISION'
  | 'THREAT_TO_PUBLIC_HEALTH_AND_SAFETY'
  | 'UNEMPLOYMENT';

/** Age band, in years, of the person at risk, as the Risk-driven Tracking Database records it */
export type SituationTableAgeGroup =
  /** 0-11 */
  | 'AGE_0_11'
  /** 12-17 */
  | 'AGE_12_17'
  /** 18-24 */
  | 'AGE_18_24'
  /** 25-29 */
  | 'AGE_25_29'
  /** 30-39 */
  | 'AGE_30_39'
  /** 40-59 */
  | 'AGE_40_59'
  /** 60 and over */
  | 'AGE_60_PLUS';

/** A risk factor of Ontario's Risk-driven Tracking Database, prefixed by its category */
export type SituationTableRiskFactor =
  /** Alcohol abuse (family member) */
  | 'ALCOHOL_FAMILY_ALCOHOL_ABUSE'
  /** Alcohol abuse (person) */
  | 'ALCOHOL_PERSON_ALCOHOL_ABUSE'
  /** Antisocial/negative behaviour (family) */
  | 'ANTISOCIAL_NEGATIVE_BEHAVIOUR_FAMILY'
  /** Antisocial/negative behaviour (peers) */
  | 'ANTISOCIAL_NEGATIVE_BEHAVIOUR_PEERS'
  /** Antisocial/negative behaviour (person) */
  | 'ANTISOCIAL_NEGATIVE_BEHAVIOUR_PERSON'
  /** Family unable to meet basic needs */
  | 'BASIC_NEEDS_FAMILY_UNABLE_TO_MEET'
  /** Person unable to meet own basic needs */
  | 'BASIC_NEEDS_PERSON_UNABLE_TO_MEET'
  /** Diagnosed cognitive impairment */
  | 'COGNITIVE_FUNCTIONING_DIAGNOSED'
  /** Suspected cognitive impairment */
  | 'COGNITIVE_FUNCTIONING_SUSPECTED'
  /** Victim of assault */
  | 'CRIME_VICTIMIZATION_ASSAULT'
  /** Victim of robbery */
  | 'CRIME_VICTIMIZATION_ROBBERY'
  /** Victim of sexual assault */
  | 'CRIME_VICTIMIZATION_SEXUAL_ASSAULT'
  /** Victim of theft */
  | 'CRIME_VICTIMIZATION_THEFT'
  /** Involved in assault */
  | 'CRIMINAL_INVOLVEMENT_ASSAULT'
  /** Breach of conditions */
  | 'CRIMINAL_INVOLVEMENT_BREACH'
  /** Involved in drug trafficking */
  | 'CRIMINAL_INVOLVEMENT_DRUG_TRAFFICKING'
  /** Involved in theft */
  | 'CRIMINAL_INVOLVEMENT_THEFT'
  /** Drug abuse (family member) */
  | 'DRUGS_FAMILY_DRUG_ABUSE'
  /** Drug abuse (person) */
  | 'DRUGS_PERSON_DRUG_ABUSE'
  /** Suspected drug abuse */
  | 'DRUGS_SUSPECTED_DRUG_ABUSE'
  /** Financial elder abuse */
  | 'ELDER_ABUSE_FINANCIAL'
  /** Elder neglect */
  | 'ELDER_ABUSE_NEGLECT'
  /** Physical elder abuse */
  | 'ELDER_ABUSE_PHYSICAL'
  /** Emotional violence in the home */
  | 'EMOTIONAL_VIOLENCE_IN_HOME'
  /** Perpetrator of emotional violence */
  | 'EMOTIONAL_VIOLENCE_PERSON_PERPETRATOR'
  /** Victim of emotional violence */
  | 'EMOTIONAL_VIOLENCE_PERSON_VICTIM'
  /** Problem gambling (family member) */
  | 'GAMBLING_FAMILY'
  /** Problem gambling (person) */
  | 'GAMBLING_PERSON'
  /** Gang association */
  | 'GANGS_ASSOCIATION'
  /** Exposure to gang activity */
  | 'GANGS_EXPOSURE'
  /** Facing eviction */
  | 'HOUSING_EVICTION'
  /** Homeless */
  | 'HOUSING_HOMELESS'
  /** Transient */
  | 'HOUSING_TRANSIENT'
  /** Unsafe housing */
  | 'HOUSING_UNSAFE_HOUSING'
  /** Diagnosed mental health problem */
  | 'MENTAL_HEALTH_DIAGNOSED'
  /** Not following prescribed medication */
  | 'MENTAL_HEALTH_NOT_TAKING_MEDICATION'
  /** Suspected mental health problem */
  | 'MENTAL_HEALTH_SUSPECTED'
  /** Reported missing */
  | 'MISSING_RUNAWAY_MISSING'
  /** Runaway */
  | 'MISSING_RUNAWAY_RUNAWAY'
  /** Not enrolled in school */
  | 'MISSING_SCHOOL_NOT_ENROLLED'
  /** Truancy */
  | 'MISSING_SCHOOL_TRUANCY'
  /** Negative peer association */
  | 'NEGATIVE_PEERS_ASSOCIATION'
  /** Negative peer pressure */
  | 'NEGATIVE_PEERS_PRESSURE'
  /** Inadequate parenting */
  | 'PARENTING_INADEQUATE'
  /** Parent-child conflict */
  | 'PARENTING_PARENT_CHILD_CONFLICT'
  /** Chronic physical condition */
  | 'PHYSICAL_HEALTH_CHRONIC_CONDITION'
  /** Untreated physical health issue */
  | 'PHYSICAL_HEALTH_UNTREATED'
  /** Physical violence in the home */
  | 'PHYSICAL_VIOLENCE_IN_HOME'
  /** Perpetrator of physical violence */
  | 'PHYSICAL_VIOLENCE_PERSON_PERPETRATOR'
  /** Victim of physical violence */
  | 'PHYSICAL_VIOLENCE_PERSON_VICTIM'
  /** Family living in poverty */
  | 'POVERTY_FAMILY'
  /** Person living in poverty */
  | 'POVERTY_PERSON'
  /** Self-harm (person) */
  | 'SELF_HARM_PERSON'
  /** Threat of self-harm */
  | 'SELF_HARM_THREAT'
  /** Perpetrator of sexual violence */
  | 'SEXUAL_VIOLENCE_PERSON_PERPETRATOR'
  /** Victim of sexual violence */
  | 'SEXUAL_VIOLENCE_PERSON_VICTIM'
  /** Social isolation */
  | 'SOCIAL_ENVIRONMENT_ISOLATION'
  /** Negative neighbourhood environment */
  | 'SOCIAL_ENVIRONMENT_NEGATIVE_NEIGHBOURHOOD'
  /** Affected by suicide */
  | 'SUICIDE_AFFECTED_BY'
  /** Suicide attempt */
  | 'SUICIDE_PERSON_ATTEMPT'
  /** Suicide threat */
  | 'SUICIDE_PERSON_THREAT'
  /** Inadequate supervision */
  | 'SUPERVISION_INADEQUATE'
  /** No supervision */
  | 'SUPERVISION_NONE'
  /** Fire risk */
  | 'THREAT_TO_PUBLIC_HEALTH_AND_SAFETY_FIRE_RISK'
  /** Hoarding */
  | 'THREAT_TO_PUBLIC_HEALTH_AND_SAFETY_HOARDING'
  /** Unsanitary conditions */
  | 'THREAT_TO_PUBLIC_HEALTH_AND_SAFETY_UNSANITARY'
  /** Chronic unemployment */
  | 'UNEMPLOYMENT_CHRONIC'
  /** Unemployed (person) */
  | 'UNEMPLOYMENT_PERSON';

/** The sector of an agency taking part in a Situation Table discussion (an agency, never a person) */
export type SituationTableSector =
  | 'CHILD_WELFARE'
  | 'EDUCATION'
  | 'HEALTH'
  | 'HOUSING'
  | 'MENTAL_HEALTH'
  | 'MUNICIPAL'
  | 'OTHER'
  | 'POLICE'
  | 'SOCIAL_SERVICES';

/** Kind of service a community program offers */
export type SocialServicesCategory =
  | 'ADDICTIONS'
  | 'CRISIS_RESPONSE'
  | 'EMPLOYMENT'
  | 'FAMILY_SUPPORT'
  | 'FOOD_SECURITY'
  | 'HOUSING_SUPPORT'
  | 'MENTAL_HEALTH'
  | 'NEWCOMERS'
  | 'SENIORS'
  | 'VIOLENCE_PREVENTION'
  | 'YOUTH';

/** Why a value was withheld by disclosure control: always a rule about the area or the query, never about the count */
export type SuppressionReason =
  /** Single neighbourhoods are shown to callers with scope aggregates:read only; ask for a ward or the municipality */
  | 'COARSE_GEOGRAPHY_ONLY'
  /** Breakdowns (by age group, risk category, agency...) of a single neighbourhood are published by calendar year only; its totals by month and quarter are not withheld for this */
  | 'FINE_BREAKDOWN'
  /** The area has too few residents to be reported by month or quarter; ask for years */
  | 'SMALL_AREA';

/** Direction of an indicator over its published periods, read against which way is better */
export type TrendDirection =
  | 'IMPROVING'
  | 'STABLE'
  | 'UNKNOWN'
  | 'WORSENING';

/** An indicator of the risk analysis, how much it counts and which way is worse */
export type WeightedIndicatorInput = {
  /** Polarity for this analysis: HIGHER when a higher value means less risk, LOWER when it means more; omitted: the indicator's catalogue betterWhen (an indicator whose catalogue direction is NEUTRAL needs one) */
  betterWhen?: BetterDirection | null | undefined;
  /** Catalogue id, e.g. police.violent_crime_rate */
  indicatorId: string | number;
  /** Relative weight, more than 0 and at most 100 */
  weight?: number;
};

export type AppAreasQueryVariables = Exact<{
  kind?: AreaKind | null | undefined;
}>;


export type AppAreasQuery = { areas: Array<{ id: string, name: string, kind: AreaKind, population: number, parent: { id: string } | null }> };

export type CompareAreasQueryVariables = Exact<{
  a1: string | number;
  a2?: string | number;
  a3?: string | number;
  a4?: string | number;
  a5?: string | number;
  a6?: string | number;
  with2?: boolean;
  with3?: boolean;
  with4?: boolean;
  with5?: boolean;
  with6?: boolean;
  from: string;
  to: string;
  language: Language;
}>;


export type CompareAreasQuery = { indicatorCatalogue: Array<{ id: string, name: string, sector: string, frameworkArea: FrameworkArea, unit: string, unitCode: string }>, frameworkAreas: Array<{ area: FrameworkArea, label: string }>, sectors: Array<{ name: string, label: string }>, a1: { id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null, a2?: { id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null, a3?: { id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null, a4?: { id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null, a5?: { id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null, a6?: { id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null };

export type CompareAreaSectorsFragment = { id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null };

export type CompareSeriesFragment = { indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> };

export type MapIndicatorCatalogueQueryVariables = Exact<{
  language: Language;
}>;


export type MapIndicatorCatalogueQuery = { indicatorCatalogue: Array<{ id: string, name: string, definition: string, unit: string, source: string, sector: string, frameworkArea: FrameworkArea, betterWhen: BetterDirection }>, sectors: Array<{ name: string, label: string, publishesIndicators: boolean }>, frameworkAreas: Array<{ area: FrameworkArea, label: string }> };

export type MapBoundariesQueryVariables = Exact<{
  kind: AreaKind;
  zoom: number;
}>;


export type MapBoundariesQuery = { areas: Array<{ id: string, name: string, boundary: Record<string, unknown> | null }> };

export type MapIndicatorValuesQueryVariables = Exact<{
  kind: AreaKind;
  ids: Array<string | number> | string | number;
  from: string;
  to: string;
}>;


export type MapIndicatorValuesQuery = { areas: Array<{ id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null }> };

export type MapCityYearsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  from: string;
  to: string;
}>;


export type MapCityYearsQuery = { city: Array<{ id: string, name: string, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null }> };

export type MapSeriesFragment = { indicator: { id: string }, observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> };

export type ProfileAreaQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
  language: Language;
}>;


export type ProfileAreaQuery = { area: { id: string, name: string, kind: AreaKind, parent: { id: string, name: string, kind: AreaKind, parent: { id: string, name: string, kind: AreaKind, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null, police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null } | null, indicatorCatalogue: Array<{ id: string, name: string, definition: string, sector: string, frameworkArea: FrameworkArea, unit: string, source: string, unitCode: string }>, frameworkAreas: Array<{ area: FrameworkArea, label: string }>, sectors: Array<{ name: string, label: string }> };

export type ProfileVocabularyFragment = { indicatorCatalogue: Array<{ id: string, name: string, definition: string, sector: string, frameworkArea: FrameworkArea, unit: string, source: string, unitCode: string }>, frameworkAreas: Array<{ area: FrameworkArea, label: string }>, sectors: Array<{ name: string, label: string }> };

export type ProfileAreaSectorsFragment = { police: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, health: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, education: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, housing: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null, situationTable: { indicators: Array<{ indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null };

export type ProfileSeriesFragment = { indicator: { id: string }, observations: Array<{ value: number | null, denominator: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> };

export type RiskSetupQueryVariables = Exact<{
  language: Language;
  from: string;
  to: string;
}>;


export type RiskSetupQuery = { indicatorCatalogue: Array<{ id: string, name: string, unit: string, sector: string, frameworkArea: FrameworkArea, betterWhen: BetterDirection }>, sectors: Array<{ name: string, label: string, publishesIndicators: boolean }>, years: Array<{ id: string, police: { indicators: Array<{ observations: Array<{ value: number | null, suppressed: boolean, period: { label: string } }> }> } | null, health: { indicators: Array<{ observations: Array<{ value: number | null, suppressed: boolean, period: { label: string } }> }> } | null, education: { indicators: Array<{ observations: Array<{ value: number | null, suppressed: boolean, period: { label: string } }> }> } | null, housing: { indicators: Array<{ observations: Array<{ value: number | null, suppressed: boolean, period: { label: string } }> }> } | null, socialServices: { indicators: Array<{ observations: Array<{ value: number | null, suppressed: boolean, period: { label: string } }> }> } | null }> };

export type RiskYearsFragment = { observations: Array<{ value: number | null, suppressed: boolean, period: { label: string } }> };

export type RiskRankingQueryVariables = Exact<{
  indicators: Array<WeightedIndicatorInput> | WeightedIndicatorInput;
  from: string;
  to: string;
  kind: AreaKind;
}>;


export type RiskRankingQuery = { riskAnalysis: Array<{ rank: number, areaId: string, composite: number | null, area: { id: string, name: string, population: number }, contributions: Array<{ indicatorId: string, value: number | null, zScore: number | null, weight: number, betterWhen: BetterDirection, contribution: number | null }> }> | null };

export type ScorecardPlanListQueryVariables = Exact<{ [key: string]: never; }>;


export type ScorecardPlanListQuery = { plans: Array<{ id: string, title: string, status: PlanStatus, periodStart: string, periodEnd: string }> };

export type ScorecardPlanQueryVariables = Exact<{
  planId: string | number;
  language: Language;
}>;


export type ScorecardPlanQuery = { frameworkAreas: Array<{ area: FrameworkArea, label: string }>, riskFactorTaxonomy: Array<{ category: RiskFactorCategory, label: string }>, plan: { id: string, title: string, status: PlanStatus, periodStart: string, periodEnd: string, adoptedOn: string | null, reviewDue: string | null, totalBudget: number, upstreamBudgetShare: number | null, balanced: boolean | null, balanceThreshold: number, municipality: { id: string, name: string }, priorityRisks: Array<{ id: string, rank: number, category: RiskFactorCategory, rationale: string, areas: Array<{ id: string, name: string, kind: AreaKind }> }>, strategies: Array<{ id: string, title: string, frameworkArea: FrameworkArea, leadPartner: string, budget: number, priorityRisks: Array<{ category: RiskFactorCategory }> }>, performanceMeasures: Array<{ id: string, indicatorId: string, baseline: number, baselinePeriod: string, target: number, targetDate: string, indicator: { name: string, unit: string, betterWhen: BetterDirection } | null, area: { id: string, name: string, kind: AreaKind }, outcome: { statement: string, strategy: { title: string, frameworkArea: FrameworkArea } }, reading:
        | { trend: TrendDirection, progress: ProgressStatus, current: { value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } } | null, series: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }
        | { trend: TrendDirection, progress: ProgressStatus, current: { value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } } | null, series: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }
        | { trend: TrendDirection, progress: ProgressStatus, current: { value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } } | null, series: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }
        | { trend: TrendDirection, progress: ProgressStatus, current: { value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } } | null, series: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }
        | { trend: TrendDirection, progress: ProgressStatus, current: { value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } } | null, series: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }
        | { trend: TrendDirection, progress: ProgressStatus, current: { value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } } | null, series: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }
       | null }>, frameworkBalance: Array<{ frameworkArea: FrameworkArea, strategies: number, budget: number, budgetShare: number }> } | null };

export type ServicesAssetMapQueryVariables = Exact<{
  areaId: string | number;
  category?: SocialServicesCategory | null | undefined;
  language: Language;
}>;


export type ServicesAssetMapQuery = { frameworkAreas: Array<{ area: FrameworkArea, label: string }>, riskFactorTaxonomy: Array<{ category: RiskFactorCategory, label: string }>, area: { id: string, name: string, kind: AreaKind, neighbourhoodIds: Array<string>, socialServices: { services: Array<{ programCode: string, name: string, provider: string, frameworkArea: FrameworkArea, eligibility: string, categories: Array<SocialServicesCategory>, areaIds: Array<string> }> } | null } | null, plans: Array<{ id: string, title: string, status: PlanStatus, priorityRisks: Array<{ id: string, rank: number, category: RiskFactorCategory, serviceGaps: Array<{ areaId: string, frameworkArea: FrameworkArea, services: number, gap: boolean }> }> }> };

export type SituationTableChoicesQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type SituationTableChoicesQuery = { neighbourhoods: Array<{ id: string, name: string }>, areas: Array<{ id: string, situationTable: { indicators: Array<{ observations: Array<{ value: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }> }> } | null }> };

export type SituationTableAnalyticsViewQueryVariables = Exact<{
  from: string;
  to: string;
  areaId?: string | number | null | undefined;
  granularity: Granularity;
  language: Language;
}>;


export type SituationTableAnalyticsViewQuery = { riskFactorTaxonomy: Array<{ category: RiskFactorCategory, label: string, factors: Array<{ code: SituationTableRiskFactor, label: string }> }>, situationTableAnalytics: { exact: boolean, perturbed: boolean, discussions: number | null, aerMet: number | null, riskLowered: number | null, aerMetShare: number | null, riskLoweredShare: number | null, byPeriod: Array<{ discussions: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null, period: { label: string } }>, byRiskCategory: Array<{ category: RiskFactorCategory, discussions: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null }>, byAgeGroup: Array<{ ageGroup: SituationTableAgeGroup, discussions: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null }>, agenciesMostEngaged: Array<{ agency: SituationTableSector, engagements: number | null, perturbed: boolean, suppressed: boolean, suppressionReason: SuppressionReason | null }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CompareSeriesFragmentDoc = new TypedDocumentString(`
    fragment CompareSeries on IndicatorSeries {
  indicator {
    id
  }
  observations {
    period {
      label
    }
    value
    perturbed
    suppressed
    suppressionReason
  }
}
    `, {"fragmentName":"CompareSeries"}) as unknown as TypedDocumentString<CompareSeriesFragment, unknown>;
export const CompareAreaSectorsFragmentDoc = new TypedDocumentString(`
    fragment CompareAreaSectors on Area {
  id
  name
  police {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...CompareSeries
    }
  }
  health {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...CompareSeries
    }
  }
  education {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...CompareSeries
    }
  }
  housing {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...CompareSeries
    }
  }
  socialServices {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...CompareSeries
    }
  }
  situationTable {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...CompareSeries
    }
  }
}
    fragment CompareSeries on IndicatorSeries {
  indicator {
    id
  }
  observations {
    period {
      label
    }
    value
    perturbed
    suppressed
    suppressionReason
  }
}`, {"fragmentName":"CompareAreaSectors"}) as unknown as TypedDocumentString<CompareAreaSectorsFragment, unknown>;
export const MapSeriesFragmentDoc = new TypedDocumentString(`
    fragment MapSeries on IndicatorSeries {
  indicator {
    id
  }
  observations {
    period {
      label
    }
    value
    perturbed
    suppressed
    suppressionReason
  }
}
    `, {"fragmentName":"MapSeries"}) as unknown as TypedDocumentString<MapSeriesFragment, unknown>;
export const ProfileVocabularyFragmentDoc = new TypedDocumentString(`
    fragment ProfileVocabulary on Query {
  indicatorCatalogue {
    id
    name(language: $language)
    definition(language: $language)
    sector
    frameworkArea
    unit(language: $language)
    unitCode: unit
    source(language: $language)
  }
  frameworkAreas {
    area
    label(language: $language)
  }
  sectors {
    name
    label(language: $language)
  }
}
    `, {"fragmentName":"ProfileVocabulary"}) as unknown as TypedDocumentString<ProfileVocabularyFragment, unknown>;
export const ProfileSeriesFragmentDoc = new TypedDocumentString(`
    fragment ProfileSeries on IndicatorSeries {
  indicator {
    id
  }
  observations {
    period {
      label
    }
    value
    denominator
    perturbed
    suppressed
    suppressionReason
  }
}
    `, {"fragmentName":"ProfileSeries"}) as unknown as TypedDocumentString<ProfileSeriesFragment, unknown>;
export const ProfileAreaSectorsFragmentDoc = new TypedDocumentString(`
    fragment ProfileAreaSectors on Area {
  police {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...ProfileSeries
    }
  }
  health {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...ProfileSeries
    }
  }
  education {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...ProfileSeries
    }
  }
  housing {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...ProfileSeries
    }
  }
  socialServices {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...ProfileSeries
    }
  }
  situationTable {
    indicators(from: $from, to: $to, granularity: YEAR) {
      ...ProfileSeries
    }
  }
}
    fragment ProfileSeries on IndicatorSeries {
  indicator {
    id
  }
  observations {
    period {
      label
    }
    value
    denominator
    perturbed
    suppressed
    suppressionReason
  }
}`, {"fragmentName":"ProfileAreaSectors"}) as unknown as TypedDocumentString<ProfileAreaSectorsFragment, unknown>;
export const RiskYearsFragmentDoc = new TypedDocumentString(`
    fragment RiskYears on IndicatorSeries {
  observations {
    period {
      label
    }
    value
    suppressed
  }
}
    `, {"fragmentName":"RiskYears"}) as unknown as TypedDocumentString<RiskYearsFragment, unknown>;
export const AppAreasDocument = {"__meta__":{"hash":"sha256:63e18b31652f9a067cb3ae5ca963be4e6feec2c48bcb6eb875d9102956b118fe"}} as unknown as TypedDocumentString<AppAreasQuery, AppAreasQueryVariables>;
export const CompareAreasDocument = {"__meta__":{"hash":"sha256:6d247748575ddb447e4419503ad3947cbba786481682efba03c7dc4173658c61"}} as unknown as TypedDocumentString<CompareAreasQuery, CompareAreasQueryVariables>;
export const MapIndicatorCatalogueDocument = {"__meta__":{"hash":"sha256:5fd2a0d7b8f0becf923db9649e0743d55ecdcd83c9893f3d3e6af3b3f7aedcb9"}} as unknown as TypedDocumentString<MapIndicatorCatalogueQuery, MapIndicatorCatalogueQueryVariables>;
export const MapBoundariesDocument = {"__meta__":{"hash":"sha256:64783705437007aef7b0b191289113137b32e242b6d7962d45ccd159a374dff3"}} as unknown as TypedDocumentString<MapBoundariesQuery, MapBoundariesQueryVariables>;
export const MapIndicatorValuesDocument = {"__meta__":{"hash":"sha256:8d1c52cf07fc06bcae4fabc92497cd59fc441e216034f87631d5c3afad2b1ffd"}} as unknown as TypedDocumentString<MapIndicatorValuesQuery, MapIndicatorValuesQueryVariables>;
export const MapCityYearsDocument = {"__meta__":{"hash":"sha256:aadb6c81203d280eb43094becaaf4cbb778d14d2bd5a11b924780d0c893eacb5"}} as unknown as TypedDocumentString<MapCityYearsQuery, MapCityYearsQueryVariables>;
export const ProfileAreaDocument = {"__meta__":{"hash":"sha256:dd0bbf21854207f7d6eaaa19a7e0533e6465e908022c6a714f5307c1bcc85ed7"}} as unknown as TypedDocumentString<ProfileAreaQuery, ProfileAreaQueryVariables>;
export const RiskSetupDocument = {"__meta__":{"hash":"sha256:bb84bc901a8f811cb84a6584cd3aa5227238df157afaba0d42c850bd1baee451"}} as unknown as TypedDocumentString<RiskSetupQuery, RiskSetupQueryVariables>;
export const RiskRankingDocument = {"__meta__":{"hash":"sha256:73f87470c5a4ce0455ba8e64140dac93cc94a828f3332efc4d06ff19a6481cf4"}} as unknown as TypedDocumentString<RiskRankingQuery, RiskRankingQueryVariables>;
export const ScorecardPlanListDocument = {"__meta__":{"hash":"sha256:f221b0152f50e7655646731fde2cf88341615feb638b09a7a3448ddb75478459"}} as unknown as TypedDocumentString<ScorecardPlanListQuery, ScorecardPlanListQueryVariables>;
export const ScorecardPlanDocument = {"__meta__":{"hash":"sha256:03f62df9c6d3bdd77dc09f7a9a540d643dfb1e1bab2b708efdad796ae9604107"}} as unknown as TypedDocumentString<ScorecardPlanQuery, ScorecardPlanQueryVariables>;
export const ServicesAssetMapDocument = {"__meta__":{"hash":"sha256:cc144205d85cf8678c269e13085984a71c06d152fde5f4fe9472068a3a97340d"}} as unknown as TypedDocumentString<ServicesAssetMapQuery, ServicesAssetMapQueryVariables>;
export const SituationTableChoicesDocument = {"__meta__":{"hash":"sha256:19dbe60c2675d4948a8a0d2db949dde99bffab639887d43222b0c65d4cbc356e"}} as unknown as TypedDocumentString<SituationTableChoicesQuery, SituationTableChoicesQueryVariables>;
export const SituationTableAnalyticsViewDocument = {"__meta__":{"hash":"sha256:6209a80d26c4f8411f9883b2fca5fdb6e68c22b461f03f4b7e67f64fa59d6bd4"}} as unknown as TypedDocumentString<SituationTableAnalyticsViewQuery, SituationTableAnalyticsViewQueryVariables>;