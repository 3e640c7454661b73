import { registerEnumType } from 'type-graphql';

/** Why residents visited an emergency department or were admitted, grouped as public health reports do. */
export enum HealthVisitReason {
  MENTAL_BEHAVIOURAL = 'MENTAL_BEHAVIOURAL',
  SUBSTANCE_RELATED = 'SUBSTANCE_RELATED',
  OPIOID_POISONING = 'OPIOID_POISONING',
  SELF_HARM = 'SELF_HARM',
  ASSAULT_INJURY = 'ASSAULT_INJURY',
}

registerEnumType(HealthVisitReason, {
  name: 'HealthVisitReason',
  description: 'Reason for an emergency department visit or hospital admission, by main diagnosis or external cause',
  valuesConfig: {
    MENTAL_BEHAVIOURAL: { description: 'Mental and behavioural disorders other than substance use (ICD-10-CA F00-F09, F20-F99)' },
    SUBSTANCE_RELATED: { description: 'Mental and behavioural disorders due to psychoactive substance use (ICD-10-CA F10-F19)' },
    OPIOID_POISONING: { description: 'Opioid poisoning (ICD-10-CA T40.0-T40.4, T40.6)' },
    SELF_HARM: { description: 'Intentional self-harm (ICD-10-CA X60-X84)' },
    ASSAULT_INJURY: { description: 'Injury from assault (ICD-10-CA X85-Y09)' },
  },
});
