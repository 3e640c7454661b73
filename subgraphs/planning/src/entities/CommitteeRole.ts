import { registerEnumType } from 'type-graphql';

export enum CommitteeRole {
  CHAIR = 'CHAIR',
  MEMBER = 'MEMBER',
}

registerEnumType(CommitteeRole, {
  name: 'CommitteeRole',
  description: "An organisation's role in a plan's advisory committee: at most one chair per plan",
});
