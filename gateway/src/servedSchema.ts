import { filterInternalFieldsAndTypes } from '@graphql-tools/federation';
import { buildASTSchema, type GraphQLSchema, parse, printSchema } from 'graphql';

/**
 * The schema the gateway serves its clients over `supergraphSdl`, built as the runtime's query
 * planner builds it (@graphql-hive/router-runtime): the supergraph without federation's
 * machinery (`_entities`, `_service`, join__ and link__ types and directives). It keeps the
 * declarations of @requiresScopes and @policy, which the gateway enforces and introspection shows.
 */
export function servedSchema(supergraphSdl: string): GraphQLSchema {
  return filterInternalFieldsAndTypes(buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true }));
}

/** The published API schema file's SDL (docs/dashboards.md): what a client generates its types from. */
export function servedSchemaSdl(supergraphSdl: string): string {
  return `${printSchema(servedSchema(supergraphSdl))}\n`;
}
