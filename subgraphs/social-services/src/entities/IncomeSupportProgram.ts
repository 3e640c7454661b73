import { registerEnumType } from 'type-graphql';

/** Ontario's two social assistance programs. */
export enum IncomeSupportProgram {
  ONTARIO_WORKS = 'ONTARIO_WORKS',
  ODSP = 'ODSP',
}

registerEnumType(IncomeSupportProgram, {
  name: 'SocialServicesIncomeSupportProgram',
  description: 'An Ontario social assistance program',
  valuesConfig: {
    ONTARIO_WORKS: { description: 'Ontario Works: financial and employment assistance' },
    ODSP: { description: 'Ontario Disability Support Program' },
  },
});
