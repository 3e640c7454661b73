import type { ApiError } from '../../api/client';

/** The fields the hub withheld from the viewer's role, by path prefix ("plan.performanceMeasures.2"). */
export function refusedPaths(errors: ApiError[]): string[] {
  return errors.filter((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE' || error.extensions?.code === 'FORBIDDEN').map((error) => (error.path ?? []).join('.'));
}

export function isRefused(errors: ApiError[], path: string): boolean {
  return refusedPaths(errors).some((refused) => refused === path || refused.startsWith(`${path}.`));
}
