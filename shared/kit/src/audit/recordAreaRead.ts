import type { ProtectedRead } from '@cswb/contract/auth';

/** An area as a sector sees it when it answers for it: its id and the neighbourhoods it covers. */
export interface AuditedArea {
  areaId: string;
  neighbourhoodIds?: readonly string[] | null;
}

/** True for an area of one neighbourhood (a neighbourhood covers itself): data at the finest geography. */
export function isNeighbourhoodLevel(area: AuditedArea): boolean {
  return new Set(area.neighbourhoodIds ?? []).size <= 1;
}

/**
 * Records, for the request's audit entry, a read of one neighbourhood's data: public aggregate
 * reads included (profile indicators, readings), which no access rule guards and so
 * `protectSchema` does not record. The entry then shows the field, the area and how many rows
 * (series, observations) went out. Areas of several neighbourhoods (wards, the municipality)
 * are not recorded: their figures are the coarse ones anyone may see.
 */
export function recordAreaRead(
  context: { recordRead?(read: ProtectedRead): void },
  coordinate: string,
  area: AuditedArea,
  rows: number,
  args: Record<string, unknown> = {},
): void {
  if (!isNeighbourhoodLevel(area)) return;
  context.recordRead?.({ coordinate, args: { areaId: area.areaId, ...args }, rows });
}
