import { registerEnumType } from 'type-graphql';

/** What a community program offers, as the CSWB asset map groups services. */
export enum ServiceCategory {
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  ADDICTIONS = 'ADDICTIONS',
  HOUSING_SUPPORT = 'HOUSING_SUPPORT',
  FOOD_SECURITY = 'FOOD_SECURITY',
  EMPLOYMENT = 'EMPLOYMENT',
  YOUTH = 'YOUTH',
  FAMILY_SUPPORT = 'FAMILY_SUPPORT',
  SENIORS = 'SENIORS',
  NEWCOMERS = 'NEWCOMERS',
  VIOLENCE_PREVENTION = 'VIOLENCE_PREVENTION',
  CRISIS_RESPONSE = 'CRISIS_RESPONSE',
}

registerEnumType(ServiceCategory, {
  name: 'SocialServicesCategory',
  description: 'Kind of service a community program offers',
});
