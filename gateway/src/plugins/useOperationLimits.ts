import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode, type OperationLimitsConfig } from '@cswb/shared';
import {
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

export interface OperationMeasures {
  depth: number;
  aliases: number;
  cost: number;
}

function listFactor(type: GraphQLType, listSize: number): number {
  let factor = 1;
  let current: GraphQLType = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) factor *= listSize;
    current = current.ofType;
  }
  return factor;
}

/**
 * Depth, aliases and estimated cost of one operation, following fragments. Introspection fields
 * (`__schema`, `__type`, `__typename`) are not counted. Cost: 1 for every field returning an object,
 * the cost of a list field's selection multiplied by `listSize` per list level.
 */
export function measureSelectionSet(
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType | undefined,
  schema: GraphQLSchema | undefined,
  fragments: Record<string, FragmentDefinitionNode | undefined>,
  listSize: number,
  visiting: Set<string> = new Set(),
): OperationMeasures {
  const total: OperationMeasures = { depth: 0, aliases: 0, cost: 0 };
  const add = (m: OperationMeasures) => {
    total.depth = Math.max(total.depth, m.depth);
    total.aliases += m.aliases;
    total.cost += m.cost;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const field =
        parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[selection.name.value] : undefined;
      const inner = selection.selectionSet
        ? measureSelectionSet(selection.selectionSet, field ? getNamedType(field.type) : undefined, schema, fragments, listSize, visiting)
        : { depth: 0, aliases: 0, cost: 0 };
      const own = field && isCompositeType(getNamedType(field.type)) ? 1 : selection.selectionSet ? 1 : 0;
      add({
        depth: inner.depth + 1,
        aliases: inner.aliases + (selection.alias ? 1 : 0),
        cost: (field ? listFactor(field.type, listSize) : 1) * (own + inner.cost),
      });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema?.getType(selection.typeCondition.name.value) : parentType;
      add(measureSelectionSet(selection.selectionSet, type ?? undefined, schema, fragments, listSize, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic: graphql-js reports it
      visiting.add(name);
      add(measureSelectionSet(fragment.selectionSet, schema?.getType(fragment.typeCondition.name.value) ?? undefined, schema, fragments, listSize, visiting));
      visiting.delete(name);
    }
  }
  return total;
}

/** Tokens in a document as the parser counts them (comments excluded), counting no further than `stopAt`. */
export function countTokens(document: string, stopAt: number): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (count < stopAt && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return count; // a syntax error: the parser reports it
  }
  return count;
}

/** One validation rule for depth, aliases and cost: each exceeded limit is one error with its code. */
export function operationLimitsRule(limits: OperationLimitsConfig): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root = schema.getRootType(operation.operation) ?? undefined;
      const fragments = Object.fromEntries(
        context
          .getDocument()
          .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const measures = measureSelectionSet(operation.selectionSet, root, schema, fragments, limits.listSize);
      const name = operation.name ? `Operation "${operation.name.value}"` : 'The operation';
      if (limits.maxDepth && measures.depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`${name} is ${measures.depth} levels deep; at most ${limits.maxDepth} are allowed`, {
            nodes: operation,
            extensions: { code: ErrorCode.OPERATION_TOO_DEEP, depth: measures.depth, maxDepth: limits.maxDepth },
          }),
        );
      }
      if (limits.maxAliases && measures.aliases > limits.maxAliases) {
        context.reportError(
          new GraphQLError(`${name} uses ${measures.aliases} aliases; at most ${limits.maxAliases} are allowed`, {
            nodes: operation,
            extensions: { code: ErrorCode.TOO_MANY_ALIASES, aliases: measures.aliases, maxAliases: limits.maxAliases },
          }),
        );
      }
      if (limits.maxCost && measures.cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(`${name} has an estimated cost of ${measures.cost}; at most ${limits.maxCost} is allowed`, {
            nodes: operation,
            extensions: { code: ErrorCode.OPERATION_TOO_COSTLY, cost: measures.cost, maxCost: limits.maxCost },
          }),
        );
      }
    },
  });
}

/**
 * Operation limits, checked before the query planner sees the operation: a document with too many
 * tokens is not even parsed whole (graphql-js `maxTokens`); depth, aliases and cost are validation
 * rules, so the request is refused with no subgraph asked.
 */
export function useOperationLimits(limits: OperationLimitsConfig): GatewayPlugin {
  const rule = operationLimitsRule(limits);
  return {
    // On the raw parameters, before any parser (and its cache) sees the document.
    onParams({ params }) {
      if (!limits.maxTokens || typeof params.query !== 'string') return;
      if (countTokens(params.query, limits.maxTokens + 1) > limits.maxTokens) {
        throw new GraphQLError(`The document has more than ${limits.maxTokens} tokens; at most ${limits.maxTokens} are allowed`, {
          extensions: { code: ErrorCode.TOO_MANY_TOKENS, maxTokens: limits.maxTokens, http: { status: 400 } },
        });
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
