import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { SCOPES } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import type { SubgraphContext } from '../server/SubgraphDefinition';
import { sectorNames } from '../sector/sectorNames';
import { AuditEntry } from './AuditEntry';
import { AuditLogArgs, MAX_AUDIT_ENTRIES } from './AuditLogArgs';

interface AuditRow {
  id: string;
  occurred_at: Date;
  request_id: string;
  subject: string | null;
  agency: string | null;
  sector: string | null;
  purpose: string | null;
  operation_name: string | null;
  fields: string[];
  arguments_json: string;
  rows_returned: number;
  previous_hash: string;
  hash: string;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const resolvers = new Map<string, Function>();

/**
 * The auditors' query over a subgraph's own audit log, `<camelName>AuditLog`. type-graphql
 * attaches a query to its class for the whole process, so each subgraph gets its own class
 * (made once per name): one shared class would put every subgraph's query in every schema.
 * Reading the log is itself a protected read, so it is logged too.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function auditLogResolver(subgraphName: string): Function {
  const existing = resolvers.get(subgraphName);
  if (existing) return existing;
  const queryName = sectorNames(subgraphName).auditLogQueryName;

  @Resolver()
  class AuditLogResolver {
    @Directive(`@requiresScopes(scopes: [["${SCOPES.auditRead}"]])`)
    @Query(() => [AuditEntry], {
      name: queryName,
      nullable: true,
      description: `The ${subgraphName} subgraph's audit log: reads of its protected fields, newest first`,
    })
    async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: SubgraphContext): Promise<AuditEntry[]> {
      if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_AUDIT_ENTRIES) {
        throw new BadUserInputError(`limit must be from 1 to ${MAX_AUDIT_ENTRIES}, got ${args.limit}`, 'limit');
      }
      if (args.from && args.to && args.from > args.to) {
        throw new BadUserInputError(`from (${args.from.toISOString()}) is after to (${args.to.toISOString()})`, 'from');
      }
      const rows = (await ctx.db.query(
        `SELECT id::text AS id, occurred_at, request_id, subject, agency, sector, purpose, operation_name, fields,
                arguments::text AS arguments_json, rows_returned, previous_hash, hash
           FROM audit_log
          WHERE ($1::timestamptz IS NULL OR occurred_at >= $1)
            AND ($2::timestamptz IS NULL OR occurred_at < $2)
            AND ($3::text IS NULL OR subject = $3)
          ORDER BY audit_log.id DESC
          LIMIT $4`,
        [args.from ?? null, args.to ?? null, args.subject ?? null, args.limit],
      )) as AuditRow[];
      return rows.map((row) =>
        Object.assign(new AuditEntry(), {
          id: row.id,
          occurredAt: row.occurred_at,
          requestId: row.request_id,
          subject: row.subject,
          agency: row.agency,
          sector: row.sector,
          purpose: row.purpose,
          operationName: row.operation_name,
          fields: row.fields,
          argumentsJson: row.arguments_json,
          rowsReturned: row.rows_returned,
          previousHash: row.previous_hash,
          hash: row.hash,
        }),
      );
    }
  }
  Object.defineProperty(AuditLogResolver, 'name', { value: `${queryName[0].toUpperCase()}${queryName.slice(1)}Resolver` });
  resolvers.set(subgraphName, AuditLogResolver);
  return AuditLogResolver;
}
