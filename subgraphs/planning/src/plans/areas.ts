import { BadUserInputError } from '@cswb/contract/errors';
import type { EntityManager } from 'typeorm';
import { AreaKind } from '../entities/AreaKind';

/** Throws unless every id names an area of the registry; one statement for the whole list. */
export async function checkAreasExist(manager: EntityManager, ids: readonly string[], field: string): Promise<void> {
  const rows: { id: string }[] = await manager.query('SELECT id FROM area WHERE id = ANY($1)', [ids]);
  const known = new Set(rows.map((row) => row.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length === 1) throw new BadUserInputError(`${field}: area "${unknown[0]}" does not exist`, field);
  if (unknown.length > 1) throw new BadUserInputError(`${field}: areas ${unknown.map((id) => `"${id}"`).join(', ')} do not exist`, field);
}

/** Throws unless the id names a MUNICIPALITY area. */
export async function checkMunicipality(manager: EntityManager, id: string, field: string): Promise<void> {
  const [area]: { kind: AreaKind }[] = await manager.query('SELECT kind FROM area WHERE id = $1', [id]);
  if (!area) throw new BadUserInputError(`${field}: area "${id}" does not exist`, field);
  if (area.kind !== AreaKind.MUNICIPALITY) {
    throw new BadUserInputError(`${field} must be a MUNICIPALITY area, "${id}" is a ${area.kind}`, field);
  }
}
