import { buildSchema, GraphQLObjectType } from 'graphql';
import { accessRequirements, ANONYMOUS, Caller, heldAccess, isAllowed } from '@cswb/contract/auth';

/** The one access decision (gateway and subgraphs), on requirements read from a subgraph's SDL. */

const schema = buildSchema(`
  directive @authenticated on FIELD_DEFINITION | OBJECT
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  type Query { open: Int, signedIn: Int @authenticated, analyst: Int @requiresScopes(scopes: [["records:read:police"], ["audit:read"]]), vault: Vault }
  type Vault @requiresScopes(scopes: [["aggregates:read"]]) {
    totals: Int
    records: Int @requiresScopes(scopes: [["records:read:police"]])
    forPlanning: Int @policy(policies: [["purpose:planning"]])
  }
`);

function requirementsOf(typeName: string, fieldName: string) {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return accessRequirements(type, type.getFields()[fieldName]);
}

const caller = (scopes: string[], purpose: Caller['purpose'] = null): Caller => ({ anonymous: false, subject: 'u1', agency: 'a', sector: 'police', scopes, purpose });

describe('access requirements and the one decision', () => {
  it('leaves fields nobody protects unprotected', () => {
    expect(requirementsOf('Query', 'open')).toBeNull();
  });

  it('@authenticated: any verified caller, never an anonymous one', () => {
    const requirements = requirementsOf('Query', 'signedIn')!;
    expect(isAllowed(requirements, heldAccess(caller([])))).toBe(true);
    expect(isAllowed(requirements, heldAccess(ANONYMOUS))).toBe(false);
    expect(isAllowed(requirements, heldAccess(null))).toBe(false);
  });

  it('@requiresScopes: one group held in full', () => {
    const requirements = requirementsOf('Query', 'analyst')!;
    expect(isAllowed(requirements, heldAccess(caller(['audit:read'])))).toBe(true);
    expect(isAllowed(requirements, heldAccess(caller(['records:read:health'])))).toBe(false);
  });

  it("a type's requirement and its field's both apply: holding one of them is not enough", () => {
    const requirements = requirementsOf('Vault', 'records')!;
    expect(requirements.scopes).toEqual([[['aggregates:read']], [['records:read:police']]]);
    expect(isAllowed(requirements, heldAccess(caller(['aggregates:read', 'records:read:police'])))).toBe(true);
    expect(isAllowed(requirements, heldAccess(caller(['aggregates:read'])))).toBe(false);
    expect(isAllowed(requirements, heldAccess(caller(['records:read:police'])))).toBe(false);
    expect(isAllowed(requirementsOf('Vault', 'totals')!, heldAccess(caller(['aggregates:read'])))).toBe(true);
  });

  it('@policy: the purpose of use the token declares', () => {
    const requirements = requirementsOf('Vault', 'forPlanning')!;
    expect(isAllowed(requirements, heldAccess(caller(['aggregates:read'], 'planning')))).toBe(true);
    expect(isAllowed(requirements, heldAccess(caller(['aggregates:read'], 'evaluation')))).toBe(false);
    expect(isAllowed(requirements, heldAccess(caller(['aggregates:read'])))).toBe(false);
  });
});
