import { registerEnumType } from 'type-graphql';

/** The four areas of Ontario's CSWB planning framework. */
export enum FrameworkArea {
  SOCIAL_DEVELOPMENT = 'SOCIAL_DEVELOPMENT',
  PREVENTION = 'PREVENTION',
  RISK_INTERVENTION = 'RISK_INTERVENTION',
  INCIDENT_RESPONSE = 'INCIDENT_RESPONSE',
}

registerEnumType(FrameworkArea, {
  name: 'FrameworkArea',
  description: "An area of Ontario's Community Safety and Well-Being planning framework",
  valuesConfig: {
    SOCIAL_DEVELOPMENT: { description: 'Long-term work on the root causes of crime and social disorder' },
    PREVENTION: { description: 'Reducing identified risks before they lead to harm' },
    RISK_INTERVENTION: { description: 'Multi-sector response to situations of acutely elevated risk' },
    INCIDENT_RESPONSE: { description: 'Immediate response to incidents: police, fire, EMS, child welfare, apprehensions' },
  },
});
