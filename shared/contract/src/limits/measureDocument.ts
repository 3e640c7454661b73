import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
} from 'graphql';
import { NO_MEASURES, OperationMeasures, UNBOUNDED_MEASURES } from './OperationMeasures';
import { saturatingProduct, saturatingSum } from './saturating';

export interface DocumentMeasurement {
  operations: { definition: OperationDefinitionNode; measures: OperationMeasures }[];
  /** Every fragment definition, spread or not: graphql-js validates unused fragments too. */
  fragments: { definition: FragmentDefinitionNode; measures: OperationMeasures }[];
  /** Fragment bodies walked: one per fragment definition however often it is spread, which keeps measuring linear. */
  fragmentBodiesWalked: number;
}

function listFactor(type: GraphQLType, listSize: number): number {
  let factor = 1;
  let current: GraphQLType = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) factor = saturatingProduct(factor, listSize);
    current = current.ofType;
  }
  return factor;
}

function fieldDefinition(parentType: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[name] : undefined;
}

function add(total: OperationMeasures, part: OperationMeasures): void {
  total.depth = Math.max(total.depth, part.depth);
  total.aliases = saturatingSum(total.aliases, part.aliases);
  total.directives = saturatingSum(total.directives, part.directives);
  total.topLevelFields = saturatingSum(total.topLevelFields, part.topLevelFields);
  total.dataCost = saturatingSum(total.dataCost, part.dataCost);
  total.selectedFields = saturatingSum(total.selectedFields, part.selectedFields);
}

/**
 * Depth, aliases, directives, root fields and cost of every operation and fragment of a document,
 * as if its fragments were expanded, without expanding them: each fragment is measured once and
 * its measures added (multiplied, when spread several times) wherever it is spread, so the work
 * is linear in the document's size even when the expansion is exponential. A fragment that spreads
 * itself, directly or not, measures `Infinity`. Unknown types and fragments measure what they
 * can; validation reports them.
 */
export function measureDocument(document: DocumentNode, schema: GraphQLSchema | undefined, listSize: number): DocumentMeasurement {
  const fragmentDefinitions = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragmentDefinitions.has(definition.name.value)) {
      fragmentDefinitions.set(definition.name.value, definition);
    }
  }
  const measured = new Map<string, OperationMeasures>();
  const measuring = new Set<string>();
  let fragmentBodiesWalked = 0;

  const measureFragment = (definition: FragmentDefinitionNode): OperationMeasures => {
    const name = definition.name.value;
    const known = measured.get(name);
    if (known) return known;
    if (measuring.has(name)) return UNBOUNDED_MEASURES;
    measuring.add(name);
    fragmentBodiesWalked += 1;
    const measures = measureSelectionSet(definition.selectionSet, schema?.getType(definition.typeCondition.name.value) ?? undefined);
    measures.directives = saturatingSum(measures.directives, definition.directives?.length ?? 0);
    measuring.delete(name);
    measured.set(name, measures);
    return measures;
  };

  const measureSelectionSet = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined): OperationMeasures => {
    const total: OperationMeasures = { ...NO_MEASURES };
    for (const selection of selectionSet.selections) {
      total.directives = saturatingSum(total.directives, selection.directives?.length ?? 0);
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field = fieldDefinition(parentType, name);
        const introspection = name.startsWith('__') || (parentType !== undefined && isIntrospectionType(parentType));
        const inner = selection.selectionSet ? measureSelectionSet(selection.selectionSet, field ? getNamedType(field.type) : undefined) : NO_MEASURES;
        const multiplier = field && !introspection ? listFactor(field.type, listSize) : 1;
        add(total, {
          depth: inner.depth === Infinity ? Infinity : inner.depth + (introspection ? 0 : 1),
          aliases: saturatingSum(inner.aliases, selection.alias ? 1 : 0),
          directives: inner.directives,
          topLevelFields: name === '__typename' ? 0 : 1,
          dataCost: saturatingProduct(multiplier, saturatingSum(selection.selectionSet ? 1 : 0, inner.dataCost)),
          selectedFields: saturatingSum(1, inner.selectedFields),
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema?.getType(selection.typeCondition.name.value) ?? undefined) : parentType;
        add(total, measureSelectionSet(selection.selectionSet, type));
      } else {
        const fragment = fragmentDefinitions.get(selection.name.value);
        if (fragment) add(total, measureFragment(fragment));
      }
    }
    return total;
  };

  const operations: DocumentMeasurement['operations'] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const measures = measureSelectionSet(definition.selectionSet, schema?.getRootType(definition.operation) ?? undefined);
    measures.directives = saturatingSum(measures.directives, definition.directives?.length ?? 0);
    operations.push({ definition, measures });
  }
  const fragments = [...fragmentDefinitions.values()].map((definition) => ({ definition, measures: measureFragment(definition) }));
  return { operations, fragments, fragmentBodiesWalked };
}
