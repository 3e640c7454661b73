import { ArgsType, Field, GraphQLISODateTime, Int } from 'type-graphql';

export const MAX_AUDIT_ENTRIES = 1000;

@ArgsType()
export class AuditLogArgs {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Entries at or after this time' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Entries before this time' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "Only this subject's entries" })
  subject?: string | null;

  @Field(() => Int, { defaultValue: 100, description: `Most entries returned, newest first, 1 to ${MAX_AUDIT_ENTRIES}` })
  limit: number;
}
