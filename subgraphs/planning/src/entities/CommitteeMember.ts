import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CommitteeRole } from './CommitteeRole';
import { CommitteeSector } from './CommitteeSector';

/** An organisation on a plan's advisory committee: organisations only, never people. */
@Entity('plan_committee_member')
@ObjectType('PlanCommitteeMember', {
  description: "An organisation on a plan's advisory committee and the sector it represents (organisations only, no personal names)",
})
export class CommitteeMember {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  @Field(() => ID)
  planId: string;

  @Column({ type: 'text' })
  @Field(() => CommitteeSector)
  sector: CommitteeSector;

  @Column({ type: 'text' })
  @Field({ description: 'The organisation (never a person)' })
  organisation: string;

  @Column({ type: 'text', name: 'committee_role' })
  @Field(() => CommitteeRole)
  role: CommitteeRole;

  @Column({ type: 'timestamptz', name: 'created_at' })
  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
