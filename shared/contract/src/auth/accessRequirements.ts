import { ConstDirectiveNode, GraphQLField, GraphQLObjectType, Kind, ValueNode } from 'graphql';
import { Caller, callerPolicies } from './Caller';

/** What a field's federation auth directives demand; `anyOf` lists are OR of AND groups. */
export interface AccessRequirements {
  authenticated: boolean;
  scopes: string[][] | null;
  policies: string[][] | null;
}

function stringMatrix(value: ValueNode | undefined): string[][] {
  if (!value || value.kind !== Kind.LIST) return [];
  return value.values.map((group) =>
    group.kind === Kind.LIST ? group.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : group.kind === Kind.STRING ? [group.value] : [],
  );
}

function fromDirectives(directives: readonly ConstDirectiveNode[] | undefined, into: AccessRequirements): void {
  for (const directive of directives ?? []) {
    const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
    if (directive.name.value === 'authenticated') into.authenticated = true;
    if (directive.name.value === 'requiresScopes') into.scopes = [...(into.scopes ?? []), ...stringMatrix(argument('scopes'))];
    if (directive.name.value === 'policy') into.policies = [...(into.policies ?? []), ...stringMatrix(argument('policies'))];
  }
}

/** The requirements declared on a field and on the type that holds it. */
export function accessRequirements(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): AccessRequirements | null {
  const requirements: AccessRequirements = { authenticated: false, scopes: null, policies: null };
  fromDirectives(type.astNode?.directives, requirements);
  for (const extension of type.extensionASTNodes) fromDirectives(extension.directives, requirements);
  fromDirectives(field.astNode?.directives, requirements);
  return requirements.authenticated || requirements.scopes || requirements.policies ? requirements : null;
}

function satisfies(groups: string[][], held: readonly string[]): boolean {
  return groups.some((group) => group.every((item) => held.includes(item)));
}

/** The same decision the gateway takes from the same declarations. */
export function isAllowed(requirements: AccessRequirements, caller: Caller): boolean {
  if ((requirements.authenticated || requirements.scopes || requirements.policies) && caller.anonymous) return false;
  if (requirements.scopes && !satisfies(requirements.scopes, caller.scopes)) return false;
  if (requirements.policies && !satisfies(requirements.policies, callerPolicies(caller))) return false;
  return true;
}
