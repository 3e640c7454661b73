import { BadUserInputError } from '@cswb/contract/errors';
import type { EntityManager } from 'typeorm';
import { AreaKind } from '../entities/AreaKind';
import { areaKind, existingAreaIds } from '../store/areaStore';

/** Throws unless every id names an area of the registry. */
export async function checkAreasExist(manager: EntityManager, ids: readonly string[], field: string): Promise<void> {
  const known = await existingAreaIds(manager, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length === 1) throw new BadUserInputError(`${field}: area "${unknown[0]}" does not exist`, field);
  if (unknown.length > 1) throw new BadUserInputError(`${field}: areas ${unknown.map((id) => `"${id}"`).join(', ')} do not exist`, field);
}

/** Throws unless the id names a MUNICIPALITY area. */
export async function checkMunicipality(manager: EntityManager, id: string, field: string): Promise<void> {
  const kind = await areaKind(manager, id);
  if (!kind) throw new BadUserInputError(`${field}: area "${id}" does not exist`, field);
  if (kind !== AreaKind.MUNICIPALITY) {
    throw new BadUserInputError(`${field} must be a MUNICIPALITY area, "${id}" is a ${kind}`, field);
  }
}
