import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useExtendedValidation } from '@envelop/extended-validation';
import { removeEmptyOrUnusedNodes } from '@envelop/generic-auth/utils';
import { getVariableValues } from '@graphql-tools/executor';
import { getDefinedRootType, getDirectiveExtensions } from '@graphql-tools/utils';
import { Caller, callerPolicies } from '@cswb/contract/auth';
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
  ValidationContext,
} from 'graphql';

/**
 * What reading one field requires, from the supergraph's `@authenticated`, `@requiresScopes`
 * and `@policy` on the field and on its parent type (as `@envelop/generic-auth` reads them).
 */
interface Requirement {
  typeAuthenticated: boolean;
  fieldAuthenticated: boolean;
  typeScopes?: string[][];
  typePolicies?: string[][];
  fieldScopes?: string[][];
  fieldPolicies?: string[][];
}

/** Parent type → field name → requirement; fields that anyone may read are absent. */
type Requirements = Map<GraphQLNamedType, Map<string, Requirement>>;

const requirementsBySchema = new WeakMap<GraphQLSchema, Requirements>();

/** Read once per schema: directive arguments are not re-read for every field of every request. */
function requirementsOf(schema: GraphQLSchema): Requirements {
  let requirements = requirementsBySchema.get(schema);
  if (requirements) return requirements;
  requirements = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const typeDirectives = getDirectiveExtensions(type, schema);
    const typeAuthenticated = Boolean(typeDirectives['authenticated']?.[0]);
    const typeScopes = typeDirectives['requiresScopes']?.[0]?.['scopes'];
    const typePolicies = typeDirectives['policy']?.[0]?.['policies'];
    const fields = new Map<string, Requirement>();
    for (const field of Object.values(type.getFields())) {
      const fieldDirectives = getDirectiveExtensions(field, schema);
      const requirement: Requirement = {
        typeAuthenticated,
        fieldAuthenticated: Boolean(fieldDirectives['authenticated']?.[0]),
        typeScopes,
        typePolicies,
        fieldScopes: fieldDirectives['requiresScopes']?.[0]?.['scopes'],
        fieldPolicies: fieldDirectives['policy']?.[0]?.['policies'],
      };
      if (
        requirement.typeAuthenticated ||
        requirement.fieldAuthenticated ||
        requirement.typeScopes ||
        requirement.typePolicies?.length ||
        requirement.fieldScopes?.length ||
        requirement.fieldPolicies?.length
      ) {
        fields.set(field.name, requirement);
      }
    }
    if (fields.size > 0) requirements.set(type, fields);
  }
  requirementsBySchema.set(schema, requirements);
  return requirements;
}

/** `@requiresScopes` / `@policy`: any one group held in full. */
function holdsAnyGroup(groups: readonly (readonly string[])[], held: readonly string[]): boolean {
  for (const group of groups) if (group.every((item) => held.includes(item))) return true;
  return false;
}

/** generic-auth's `defaultProtectSingleValidateFn`, on a precomputed requirement. */
function isDenied(requirement: Requirement, user: Caller | null, scopes: readonly string[], policies: readonly string[]): boolean {
  if (user == null && (requirement.fieldAuthenticated || requirement.typeAuthenticated)) return true;
  if (requirement.typeScopes && !holdsAnyGroup(requirement.typeScopes, scopes)) return true;
  if (requirement.typePolicies?.length && !holdsAnyGroup(requirement.typePolicies, policies)) return true;
  if (requirement.fieldScopes?.length && !holdsAnyGroup(requirement.fieldScopes, scopes)) return true;
  if (requirement.fieldPolicies?.length && !holdsAnyGroup(requirement.fieldPolicies, policies)) return true;
  return false;
}

function shouldIncludeNode(variableValues: Record<string, unknown>, node: FieldNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variableValues)?.['if'] === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, variableValues)?.['if'] === false) return false;
  return true;
}

const CONTEXT_FIELD = 'currentUser';

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
  const policiesByContext = new WeakMap<object, string[]>();
  // Whether the rule's latest visit (synchronous, just before `onDocument`) removed a field.
  let removedAny = false;
  function FieldAccessRule(context: ValidationContext, args: ExecutionArgs): ASTVisitor {
    removedAny = false;
    const contextValue = args.contextValue as Record<string, unknown>;
    const user = (contextValue[CONTEXT_FIELD] as Caller | null | undefined) ?? null;
    const userScopes = user ? user.scopes : [];
    const userPolicies = policiesByContext.get(contextValue) ?? [];
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
      return requirement !== undefined && isDenied(requirement, user, userScopes, userPolicies);
    };
    const deny = (node: FieldNode, path: readonly (string | number)[]) => {
      removedAny = true;
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
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        useExtendedValidation({
          rejectOnErrors: false,
          // A document nothing was removed from is left as it is (it is valid: nothing to tidy).
          onDocument: (document: DocumentNode) => (removedAny ? removeEmptyOrUnusedNodes(document) : document),
          rules: [FieldAccessRule],
        }) as Parameters<typeof addPlugin>[0],
      );
    },
    onContextBuilding({ context, extendContext }) {
      const request = (context as { request: Request }).request;
      return resolveUser(request).then((user) => {
        if ((context as Record<string, unknown>)[CONTEXT_FIELD] !== user) extendContext({ [CONTEXT_FIELD]: user } as any);
        const policies = user ? callerPolicies(user) : undefined;
        if (policies?.length) policiesByContext.set(context, policies);
      });
    },
  };
}
