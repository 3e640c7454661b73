import { registerEnumType } from 'type-graphql';

/** Statistics Canada Uniform Crime Reporting (UCR) survey violation groups. */
export enum OccurrenceCategory {
  VIOLENT = 'VIOLENT',
  PROPERTY = 'PROPERTY',
  OTHER_CRIMINAL_CODE = 'OTHER_CRIMINAL_CODE',
  DRUGS = 'DRUGS',
  TRAFFIC = 'TRAFFIC',
}

registerEnumType(OccurrenceCategory, {
  name: 'OccurrenceCategory',
  description: 'Statistics Canada UCR violation group of a police occurrence',
});
