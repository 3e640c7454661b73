import { registerEnumType } from 'type-graphql';

export enum ImplementationTaskStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  BLOCKED = 'BLOCKED',
}

registerEnumType(ImplementationTaskStatus, {
  name: 'ImplementationTaskStatus',
  description: "Progress of a task of a plan's implementation plan",
});
