import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cswb/contract/errors';
import { DocumentNode, Kind, OperationDefinitionNode } from 'graphql';

/** Alias of the placeholder selection kept in an operation whose every field was denied. */
const PLACEHOLDER = '__cswbDenied';

/** The objects at `path` below `node`, fanning out over lists (the auth plugin's paths have no indices). */
function objectsAt(node: unknown, path: readonly (string | number)[]): Record<string, unknown>[] {
  if (node == null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((item) => objectsAt(item, path));
  if (path.length === 0) return [node as Record<string, unknown>];
  const record = node as Record<string, unknown>;
  // A parent whose every field was denied was dropped from the operation: it answers as an
  // object holding the denied fields.
  if (!(path[0] in record)) record[path[0]] = {};
  return objectsAt(record[path[0]], path.slice(1));
}

/** The Rust planner cannot plan an operation with no fields: keep a `__typename` in it. */
function withPlaceholder(document: DocumentNode): DocumentNode | null {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.selectionSet.selections.length > 0) return null;
  const placeholder = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: PLACEHOLDER }, name: { kind: Kind.NAME, value: '__typename' } } as const;
  return {
    ...document,
    definitions: document.definitions.map((d) => (d === operation ? { ...operation, selectionSet: { ...operation.selectionSet, selections: [placeholder] } } : d)),
  };
}

/**
 * The auth plugin removes a denied field from the operation before planning, so it would be
 * missing from the response. Clients see it as `null` with the error at its path instead: the
 * shape of the response never depends on who is asking.
 */
export function useNullForDeniedFields(): GatewayPlugin {
  return {
    onExecute({ args }) {
      // Runs after the auth plugin has removed the denied fields (it rewrites args.document too).
      const patched = withPlaceholder(args.document);
      if (patched) args.document = patched;
    },
    onExecutionResult({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        if (!single || !('data' in single) || !single.data) continue;
        delete (single.data as Record<string, unknown>)[PLACEHOLDER];
        if (!single.errors) continue;
        for (const error of single.errors) {
          if (error.extensions?.code !== ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE || !error.path?.length) continue;
          const field = error.path[error.path.length - 1];
          for (const parent of objectsAt(single.data, error.path.slice(0, -1))) {
            if (!(field in parent)) parent[field] = null;
          }
        }
      }
    },
  };
}
