import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { removeEmptyOrUnusedNodes } from '@envelop/generic-auth/utils';
import { getVariableValues } from '@graphql-tools/executor';
import { getDefinedRootType, getDirectiveExtensions } from '@graphql-tools/utils';
import { AccessRequirements, Caller, heldAccess, HeldAccess, isAllowed, isProtected } from '@cswb/contract/auth';
import { ErrorCode } from '@cswb/contract/errors';
import {
  ASTVisitor,
  DocumentNode,
  ExecutionArgs,
  FieldNode,
  FragmentSpreadNode,
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isUnionType,
  OperationTypeNode,
  TypeInfo,
  ValidationContext,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** Parent type → field name → requirement; fields that anyone may read are absent. */
type Requirements = Map<GraphQLNamedType, Map<string, AccessRequirements>>;

const requirementsBySchema = new WeakMap<GraphQLSchema, Requirements>();

/** A directive's `scopes`/`policies` argument as the supergraph holds it (the runtime reads directives with `getDirectiveExtensions`). */
function groupsOf(argument: unknown): string[][][] {
  return Array.isArray(argument) && argument.length > 0 ? [argument as string[][]] : [];
}

/**
 * What reading each field requires, from the supergraph's `@authenticated`, `@requiresScopes`
 * and `@policy` on the field and on its parent type; read once per schema, so directive
 * arguments are not re-read for every field of every request.
 */
function requirementsOf(schema: GraphQLSchema): Requirements {
  let requirements = requirementsBySchema.get(schema);
  if (requirements) return requirements;
  requirements = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const typeDirectives = getDirectiveExtensions(type, schema);
    const fields = new Map<string, AccessRequirements>();
    for (const field of Object.values(type.getFields())) {
      const fieldDirectives = getDirectiveExtensions(field, schema);
      const requirement: AccessRequirements = {
        authenticated: Boolean(typeDirectives['authenticated']?.[0] || fieldDirectives['authenticated']?.[0]),
        scopes: [...groupsOf(typeDirectives['requiresScopes']?.[0]?.['scopes']), ...groupsOf(fieldDirectives['requiresScopes']?.[0]?.['scopes'])],
        policies: [...groupsOf(typeDirectives['policy']?.[0]?.['policies']), ...groupsOf(fieldDirectives['policy']?.[0]?.['policies'])],
      };
      if (isProtected(requirement)) fields.set(field.name, requirement);
    }
    if (fields.size > 0) requirements.set(type, fields);
  }
  requirementsBySchema.set(schema, requirements);
  return requirements;
}

function shouldIncludeNode(variableValues: Record<string, unknown>, node: FieldNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variableValues)?.['if'] === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, variableValues)?.['if'] === false) return false;
  return true;
}

const CONTEXT_FIELD = 'currentUser';

/** Distinct callers' access and variables remembered per document as denying nothing; past it, forgotten and decided again. */
const MAX_DECISIONS_PER_DOCUMENT = 256;

/** Whether a document has any `@skip`/`@include`: only then do its variables take part in the decision. */
const conditionalDocuments = new WeakMap<DocumentNode, boolean>();
function isConditional(document: DocumentNode): boolean {
  let conditional = conditionalDocuments.get(document);
  if (conditional === undefined) {
    conditional = false;
    visit(document, {
      Directive(node) {
        if (node.name.value === 'skip' || node.name.value === 'include') conditional = true;
      },
    });
    conditionalDocuments.set(document, conditional);
  }
  return conditional;
}

/** Everything the rule's outcome for one document depends on besides the schema: the operation, the access held, and the variables when they can skip or include a field. */
function decisionKey(args: ExecutionArgs, held: HeldAccess): string {
  return JSON.stringify([
    args.operationName ?? null,
    held.authenticated,
    [...held.scopes].sort(),
    [...held.policies].sort(),
    isConditional(args.document) ? (args.variableValues ?? null) : null,
  ]);
}

/**
 * The supergraph's `@authenticated`, `@requiresScopes` and `@policy`, enforced before planning as
 * `@envelop/generic-auth` (mode `protect-granular`, not rejecting unauthenticated requests) does,
 * with the same errors at the same paths, but with each field's requirement read once per schema
 * and a response path worked out only for a field that is denied. A denied field is removed from
 * the operation (its subgraph is not asked) and reported as UNAUTHORIZED_FIELD_OR_TYPE.
 *
 * `resolveUser` is asked for each request's context: its rejection (a token that does not verify)
 * refuses the request; `null` is an anonymous caller.
 */
export function useFieldAccessRules(resolveUser: (request: Request) => Promise<Caller | null>): GatewayPlugin {
  const heldByContext = new WeakMap<object, HeldAccess>();
  const typeInfos = new WeakMap<GraphQLSchema, TypeInfo>();
  /** Per schema and document, the decisions (`decisionKey`) that denied nothing. */
  const allowedBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Set<string>>>();
  function FieldAccessRule(context: ValidationContext, args: ExecutionArgs, held: HeldAccess): ASTVisitor {
    const schema = context.getSchema();
    const requirements = requirementsOf(schema);
    const operationAST = getOperationAST(args.document, args.operationName);
    let variables: { values: Record<string, unknown> | null | undefined } | undefined;
    const variableValues = () => {
      if (!variables) {
        const definitions = operationAST?.variableDefinitions;
        variables = {
          values: definitions?.length
            ? getVariableValues(schema, definitions, (args.variableValues as Record<string, unknown>) || {}).coerced
            : (args.variableValues as Record<string, unknown> | null | undefined),
        };
      }
      return variables.values;
    };
    const fragmentPaths = new Map<string, string[]>();
    /** The response keys leading to the node at `path` (a visitor path from the document). */
    function responsePath(path: readonly (string | number)[], type: GraphQLNamedType | null | undefined): string[] {
      const keys: string[] = [];
      let current: any = args.document;
      for (const key of path) {
        current = current?.[key];
        if (current?.kind === 'Field') {
          const fieldName: string = current.name.value;
          let field;
          if (isObjectType(type)) {
            field = type.getFields()[fieldName];
          } else if (isAbstractType(type)) {
            for (const possibleType of schema.getPossibleTypes(type)) {
              field = possibleType.getFields()[fieldName];
              if (field) break;
            }
          }
          keys.push(current.alias?.value ?? fieldName);
          if (field?.type) type = getNamedType(field.type);
        } else if (current?.kind === 'FragmentDefinition') {
          type = schema.getType(current.typeCondition.name.value);
          const fragmentPath = fragmentPaths.get(current.name.value);
          if (fragmentPath) keys.push(...fragmentPath);
        }
      }
      return keys;
    }
    const denied = (type: GraphQLNamedType, node: FieldNode) => {
      const requirement = requirements.get(type)?.get(node.name.value);
      return requirement !== undefined && !isAllowed(requirement, held);
    };
    const deny = (node: FieldNode, path: readonly (string | number)[]) => {
      context.reportError(
        new GraphQLError('Unauthorized field or type', {
          nodes: node,
          path: responsePath(path, getDefinedRootType(schema, operationAST?.operation ?? OperationTypeNode.QUERY)),
          extensions: { code: ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE },
        }),
      );
      return null;
    };
    return {
      FragmentSpread(node: FragmentSpreadNode, _key: unknown, _parent: unknown, path: readonly (string | number)[]) {
        const fragment = context.getFragment(node.name.value);
        if (fragment) fragmentPaths.set(node.name.value, responsePath(path, schema.getType(fragment.typeCondition.name.value)));
      },
      Field(node: FieldNode, _key: unknown, _parent: unknown, path: readonly (string | number)[]) {
        if (node.directives?.length) {
          const values = variableValues();
          if (values && !shouldIncludeNode(values, node)) return undefined;
        }
        const parentType = getNamedType(context.getParentType());
        if (!parentType || isIntrospectionType(parentType)) return undefined;
        if (isUnionType(parentType)) {
          for (const member of parentType.getTypes()) if (denied(member, node)) return deny(node, path);
        } else if ((isObjectType(parentType) || isInterfaceType(parentType)) && denied(parentType, node)) {
          return deny(node, path);
        }
        return undefined;
      },
    };
  }
  /**
   * Checks the operation about to run: denied fields are removed from it (their errors added to
   * the result). A document decided before for the same operation, access and (where they matter)
   * variables with nothing denied is not walked again.
   */
  function enforce(args: ExecutionArgs): GraphQLError[] {
    const contextValue = args.contextValue as Record<string, unknown>;
    const held = heldByContext.get(contextValue) ?? heldAccess((contextValue[CONTEXT_FIELD] as Caller | null | undefined) ?? null);
    let allowedByDocument = allowedBySchema.get(args.schema);
    if (!allowedByDocument) allowedBySchema.set(args.schema, (allowedByDocument = new WeakMap()));
    const key = decisionKey(args, held);
    const allowed = allowedByDocument.get(args.document);
    if (allowed?.has(key)) return [];
    let typeInfo = typeInfos.get(args.schema);
    if (!typeInfo) typeInfos.set(args.schema, (typeInfo = new TypeInfo(args.schema)));
    const errors: GraphQLError[] = [];
    const context = new ValidationContext(args.schema, args.document, typeInfo, (error) => errors.push(error));
    // The visitor returns null for a denied field: the visit hands back the document without it.
    const checked = visit(args.document, visitWithTypeInfo(typeInfo, FieldAccessRule(context, args, held)));
    if (errors.length === 0) {
      const decided = allowed && allowed.size < MAX_DECISIONS_PER_DOCUMENT ? allowed : new Set<string>();
      decided.add(key);
      allowedByDocument.set(args.document, decided);
      return [];
    }
    args.document = removeEmptyOrUnusedNodes(checked);
    return errors;
  }
  return {
    onExecute({ args }) {
      const errors = enforce(args);
      if (errors.length === 0) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return setResult({ data: null, errors });
          // Data even when execution left none: the denied fields answer null at their paths (`useNullForDeniedFields`).
          setResult({ ...result, data: result.data ?? {}, errors: [...(result.errors ?? []), ...errors] });
        },
      };
    },
    onContextBuilding({ context, extendContext }) {
      const request = (context as { request: Request }).request;
      return resolveUser(request).then((user) => {
        if ((context as Record<string, unknown>)[CONTEXT_FIELD] !== user) extendContext({ [CONTEXT_FIELD]: user } as any);
        heldByContext.set(context, heldAccess(user));
      });
    },
  };
}
