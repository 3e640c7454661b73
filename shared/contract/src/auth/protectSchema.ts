import { defaultFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { UnauthorizedFieldError } from '../errors/UnauthorizedFieldError';
import { accessRequirements, AccessRequirements, heldAccess, isAllowed } from './accessRequirements';
import type { Caller } from './Caller';

/** What a subgraph records about a read of a protected field, for its audit log. */
export interface ProtectedRead {
  coordinate: string;
  args: Record<string, unknown>;
  rows: number;
}

export interface ProtectedContext {
  caller: Caller;
  recordRead?(read: ProtectedRead): void;
}

export interface ProtectedField {
  coordinate: string;
  requirements: AccessRequirements;
}

/**
 * The subgraph's own enforcement of the federation auth directives in its schema: every
 * field that declares `@authenticated`, `@requiresScopes` or `@policy` (or whose type does)
 * checks the caller verified from the forwarded token before it resolves, and reports the
 * read for the audit log. Unprotected fields are left as they are, at no cost.
 */
export function protectSchema(schema: GraphQLSchema): ProtectedField[] {
  const protectedFields: ProtectedField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const requirements = accessRequirements(type, field);
      if (!requirements) continue;
      const coordinate = `${type.name}.${field.name}`;
      protectedFields.push({ coordinate, requirements });
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, context: ProtectedContext, info) => {
        if (!isAllowed(requirements, heldAccess(context.caller))) throw new UnauthorizedFieldError(coordinate);
        const result = await resolve(source, args, context, info);
        // A field of an area's profile (e.g. HealthProfile.edVisitsByAgeGroup) names the area too.
        const area = typeof source?.areaId === 'string' && Array.isArray(source?.neighbourhoodIds) ? { areaId: source.areaId as string } : {};
        context.recordRead?.({ coordinate, args: { ...area, ...args }, rows: Array.isArray(result) ? result.length : result == null ? 0 : 1 });
        return result;
      };
    }
  }
  return protectedFields;
}
