import { BadUserInputError } from '@cswb/contract/errors';

/** The zoom levels of web maps (256-pixel tiles): 0 shows the world, 24 a few centimetres a pixel. */
export const MAX_ZOOM = 24;

/**
 * How far (in degrees) a simplified boundary may stray at a map zoom level: half a pixel of a
 * 256-pixel tile, so the simplification cannot be seen. No zoom: 0, the boundary as stored.
 */
export function zoomTolerance(zoom: number | null | undefined): number {
  if (zoom === null || zoom === undefined) return 0;
  if (!Number.isInteger(zoom) || zoom < 0 || zoom > MAX_ZOOM) throw new BadUserInputError(`zoom must be from 0 to ${MAX_ZOOM}, got ${zoom}`, 'zoom');
  return 360 / (256 * 2 ** zoom) / 2;
}
