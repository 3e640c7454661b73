import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';

/** One entry of a subgraph's audit log, as auditors read it. */
@Directive('@shareable')
@ObjectType({ description: 'A request that read protected fields of this subgraph: who, why, what, how much' })
export class AuditEntry {
  @Field(() => ID, { description: 'Position in the chain: entries are numbered in the order they were written' })
  id: string;

  @Field(() => GraphQLISODateTime)
  occurredAt: Date;

  @Field({ description: 'The request id the gateway returned in x-request-id' })
  requestId: string;

  @Field(() => String, { nullable: true, description: "The token's subject" })
  subject: string | null;

  @Field(() => String, { nullable: true })
  agency: string | null;

  @Field(() => String, { nullable: true, description: "The caller's sector" })
  sector: string | null;

  @Field(() => String, { nullable: true, description: 'The purpose of use the token declared' })
  purpose: string | null;

  @Field(() => String, { nullable: true, description: 'The operation as this subgraph received it' })
  operationName: string | null;

  @Field(() => [String], { description: 'Protected fields read, as Type.field' })
  fields: string[];

  @Field({ description: 'The arguments of each read, by field, as JSON' })
  argumentsJson: string;

  @Field(() => Int, { description: 'Rows (or objects) the protected fields returned' })
  rowsReturned: number;

  @Field({ description: 'Hash of the previous entry' })
  previousHash: string;

  @Field({ description: 'SHA-256 of this entry and the previous hash; see docs/audit.md' })
  hash: string;
}
