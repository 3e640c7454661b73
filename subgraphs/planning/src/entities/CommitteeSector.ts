import { registerEnumType } from 'type-graphql';

/**
 * The sectors the Community Safety and Policing Act, 2019 requires on a municipality's CSWB
 * advisory committee (each at least once), plus OTHER for members beyond the minimum.
 */
export enum CommitteeSector {
  HEALTH_OR_MENTAL_HEALTH = 'HEALTH_OR_MENTAL_HEALTH',
  EDUCATION = 'EDUCATION',
  COMMUNITY_OR_SOCIAL_SERVICES = 'COMMUNITY_OR_SOCIAL_SERVICES',
  CHILD_AND_YOUTH_SERVICES = 'CHILD_AND_YOUTH_SERVICES',
  CUSTODIAL_YOUTH_SERVICES = 'CUSTODIAL_YOUTH_SERVICES',
  MUNICIPAL_EMPLOYEE_OR_COUNCILLOR = 'MUNICIPAL_EMPLOYEE_OR_COUNCILLOR',
  POLICE_SERVICE_BOARD_OR_OPP = 'POLICE_SERVICE_BOARD_OR_OPP',
  OTHER = 'OTHER',
}

/** Every sector the Act requires; OTHER is not one of them. */
export const REQUIRED_COMMITTEE_SECTORS: readonly CommitteeSector[] = Object.values(CommitteeSector).filter(
  (sector) => sector !== CommitteeSector.OTHER,
);

registerEnumType(CommitteeSector, {
  name: 'CommitteeSector',
  description: 'The sector an advisory committee member represents, from the list in the Community Safety and Policing Act',
  valuesConfig: {
    HEALTH_OR_MENTAL_HEALTH: { description: 'A health services or mental health services provider' },
    EDUCATION: { description: 'An educational services provider' },
    COMMUNITY_OR_SOCIAL_SERVICES: { description: 'A community or social services provider' },
    CHILD_AND_YOUTH_SERVICES: { description: 'A children or youth services provider' },
    CUSTODIAL_YOUTH_SERVICES: { description: 'An entity that provides custodial services to children or youth' },
    MUNICIPAL_EMPLOYEE_OR_COUNCILLOR: { description: 'An employee or member of the municipal council' },
    POLICE_SERVICE_BOARD_OR_OPP: { description: 'The police service board, or the OPP detachment commander' },
    OTHER: { description: 'Any other organisation the municipality invites (not required by the Act)' },
  },
});
