import { Field, ID, InputType } from 'type-graphql';
import { CommitteeRole } from '../entities/CommitteeRole';
import { CommitteeSector } from '../entities/CommitteeSector';

@InputType({ description: "An organisation joining a plan's advisory committee (organisations only, never people)" })
export class AddCommitteeMemberInput {
  @Field(() => ID)
  planId: string;

  @Field(() => CommitteeSector)
  sector: CommitteeSector;

  @Field({ description: 'The organisation, 1 to 200 characters' })
  organisation: string;

  @Field(() => CommitteeRole, { defaultValue: CommitteeRole.MEMBER })
  role: CommitteeRole;
}
