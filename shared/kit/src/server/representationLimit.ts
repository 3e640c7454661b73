import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '@cswb/contract/errors';

/** A request carries more entity representations than the subgraph takes: refused before anything runs (HTTP 400). */
export class TooManyRepresentationsError extends GraphQLError {
  constructor(count: number, limit: number) {
    super(`The request carries ${count} entity representations; this subgraph resolves at most ${limit} per request (MAX_REPRESENTATIONS)`, {
      extensions: { code: ErrorCode.TOO_MANY_REPRESENTATIONS, limit, count, http: { status: 400 } },
    });
    Object.defineProperty(this, 'name', { value: 'TooManyRepresentationsError' });
  }
}

/**
 * The representations an operation hands `_entities`, over every `_entities` field of its root
 * selection (aliases and fragments included, `@skip` ignored): a list literal counts its items,
 * a variable its value's length, anything else one.
 */
export function countRepresentations(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const visited = new Set<string>();
  const count = (selectionSet: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          total += count(fragment.selectionSet);
        }
      } else if (selection.name.value === '_entities') {
        const argument = selection.arguments?.find((a) => a.name.value === 'representations');
        if (!argument) continue;
        const value = argument.value;
        if (value.kind === Kind.LIST) total += value.values.length;
        else if (value.kind === Kind.VARIABLE) {
          const given = variables?.[value.name.value];
          total += Array.isArray(given) ? given.length : given == null ? 0 : 1;
        } else total += 1;
      }
    }
    return total;
  };
  return operation.operation === 'query' ? count(operation.selectionSet) : 0;
}

/**
 * Refuses a request whose `_entities` representations number more than `limit`, once the
 * operation is known and before any resolver (or database statement) runs, with
 * TOO_MANY_REPRESENTATIONS and HTTP 400. Every subgraph's server has it (`createSubgraphServer`).
 */
export function representationLimitPlugin(limit: number): ApolloServerPlugin {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`the representation limit must be a positive whole number, got ${limit}`);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const count = countRepresentations(document, operation, request.variables);
          if (count > limit) throw new TooManyRepresentationsError(count, limit);
        },
      };
    },
  };
}
