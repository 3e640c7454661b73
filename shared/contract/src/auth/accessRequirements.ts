import { ConstDirectiveNode, GraphQLField, GraphQLObjectType, Kind, ValueNode } from 'graphql';
import { Caller, callerPolicies } from './Caller';

/**
 * What reading a field demands, from the federation auth directives (`@authenticated`,
 * `@requiresScopes`, `@policy`) on the field and on the type that holds it. Each entry of
 * `scopes` and `policies` is one directive's argument, OR of AND groups; every entry must be met
 * (a type's `@requiresScopes` and its field's both apply).
 */
export interface AccessRequirements {
  authenticated: boolean;
  scopes: readonly (readonly (readonly string[])[])[];
  policies: readonly (readonly (readonly string[])[])[];
}

/** What a caller holds, worked out once per request rather than once per field. */
export interface HeldAccess {
  authenticated: boolean;
  scopes: readonly string[];
  policies: readonly string[];
}

/** An anonymous caller (`null` at the gateway, `anonymous` in a subgraph) holds nothing. */
export function heldAccess(caller: Caller | null): HeldAccess {
  if (!caller || caller.anonymous) return { authenticated: false, scopes: [], policies: [] };
  return { authenticated: true, scopes: caller.scopes, policies: callerPolicies(caller) };
}

/** Reading nothing is protected: such fields are left alone at no cost. */
export function isProtected(requirements: AccessRequirements): boolean {
  return requirements.authenticated || requirements.scopes.length > 0 || requirements.policies.length > 0;
}

function holdsAnyGroup(groups: readonly (readonly string[])[], held: readonly string[]): boolean {
  for (const group of groups) if (group.every((item) => held.includes(item))) return true;
  return false;
}

/**
 * The one access decision, taken by the gateway before planning and by every subgraph before
 * resolving, from the same declarations (as `@envelop/generic-auth` decides: a protected field
 * needs an authenticated caller; each scope and policy requirement needs one group held in full).
 */
export function isAllowed(requirements: AccessRequirements, held: HeldAccess): boolean {
  if (isProtected(requirements) && !held.authenticated) return false;
  for (const groups of requirements.scopes) if (!holdsAnyGroup(groups, held.scopes)) return false;
  for (const groups of requirements.policies) if (!holdsAnyGroup(groups, held.policies)) return false;
  return true;
}

function stringMatrix(value: ValueNode | undefined): string[][] {
  if (!value || value.kind !== Kind.LIST) return [];
  return value.values.map((group) =>
    group.kind === Kind.LIST ? group.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : group.kind === Kind.STRING ? [group.value] : [],
  );
}

function fromDirectives(directives: readonly ConstDirectiveNode[] | undefined, into: { authenticated: boolean; scopes: string[][][]; policies: string[][][] }): void {
  for (const directive of directives ?? []) {
    const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
    if (directive.name.value === 'authenticated') into.authenticated = true;
    if (directive.name.value === 'requiresScopes') into.scopes.push(stringMatrix(argument('scopes')));
    if (directive.name.value === 'policy') into.policies.push(stringMatrix(argument('policies')));
  }
}

/** The requirements a subgraph schema's SDL declares on a field and on the type that holds it; null when none. */
export function accessRequirements(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): AccessRequirements | null {
  const requirements = { authenticated: false, scopes: [] as string[][][], policies: [] as string[][][] };
  fromDirectives(type.astNode?.directives, requirements);
  for (const extension of type.extensionASTNodes) fromDirectives(extension.directives, requirements);
  fromDirectives(field.astNode?.directives, requirements);
  return isProtected(requirements) ? requirements : null;
}
