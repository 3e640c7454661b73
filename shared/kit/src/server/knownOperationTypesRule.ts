import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * A `mutation` or `subscription` on a schema without that root type is a client mistake, found
 * in validation (GRAPHQL_VALIDATION_FAILED, 400): graphql-js 16 only finds it while executing,
 * as an error without a code, which would be answered (and logged) as an internal error.
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This service has no ${node.operation} operations`, { nodes: node }));
      }
    },
  };
}
