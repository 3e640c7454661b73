import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { hasRecordAccess, type Caller } from '@cswb/contract/auth';
import { createManyLoader } from '../loaders/createLoaders';

/**
 * Which agencies own a sector's rows, per neighbourhood, for a sector whose rows several
 * agencies hold (a municipality policed by its own service and an OPP detachment). A sector
 * run by one agency declares nothing: its record-level callers see exact values everywhere.
 *
 * The sector keeps a view or table `(area_id text, agency_id text)` with one row per
 * neighbourhood and agency holding any of its rows there (a materialized view refreshed with
 * its rollup) and names it in its declaration (`rowOwnershipView`): `defineSector` then puts
 * `rowOwnership: createRowOwnership(db, sector, view)` in its per-request loaders. Disclosure control then shows exact values only over areas where every row is the
 * caller's agency's (docs/privacy.md, "Exact figures only for what the caller's agency owns").
 */
export interface RowOwnership {
  sector: string;
  /** Per neighbourhood id: the agencies holding rows there (none: no rows). */
  owners: DataLoader<string, { area_id: string; agency_id: string }[], string>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function createRowOwnership(db: DataSource, sector: string, view: string): RowOwnership {
  if (!IDENTIFIER.test(view)) throw new Error(`row ownership view "${view}" must be a plain lower-case SQL identifier`);
  return {
    sector,
    owners: createManyLoader<string, { area_id: string; agency_id: string }>({
      fetch: (ids) => db.query(`SELECT area_id, agency_id FROM ${view} WHERE area_id = ANY($1)`, [ids]),
      keyOfRow: (row) => row.area_id,
    }),
  };
}

/**
 * The agencies holding the sector's rows anywhere in these neighbourhoods, sorted, when it
 * matters: for a caller with record-level access to a sector that declares row ownership.
 * Null otherwise (one agency holds every row, or the caller sees protected values anyway).
 */
export async function rowOwnersFor(
  caller: Caller,
  ownership: RowOwnership | undefined,
  neighbourhoodIds: readonly string[],
): Promise<readonly string[] | null> {
  if (!ownership || !hasRecordAccess(caller, ownership.sector)) return null;
  const lists = await ownership.owners.loadMany(neighbourhoodIds);
  const agencies = new Set<string>();
  for (const list of lists) {
    if (list instanceof Error) throw list;
    for (const row of list) agencies.add(row.agency_id);
  }
  return Object.freeze([...agencies].sort());
}
