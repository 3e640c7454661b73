import { discoverSubgraphs } from '@cswb/cli';
import { bearer, signToken } from './tokens';

/** Every sector's record-level scope: a caller that sees every indicator's exact values. */
export const HUB_ANALYST_SCOPE = [
  'aggregates:read',
  ...discoverSubgraphs()
    .filter((s) => s.definition.indicators?.length)
    .map((s) => `records:read:${s.definition.name}`),
].join(' ');

/**
 * The police service the hub analyst belongs to. Police records are held by two services
 * (POLICE_AGENCIES): exact police counts are its own service's only, so areas with the OPP
 * detachment's records (the last ward, the municipality) get the protected police figures.
 */
export const HUB_ANALYST_AGENCY = 'lakeshore-police';

/**
 * Headers of a "hub analyst": exact counts in every sector (no disclosure control applies), in
 * police over the areas only the municipal service polices (see HUB_ANALYST_AGENCY).
 */
export async function analystHeaders(): Promise<Record<string, string>> {
  return bearer(await signToken({ sub: 'hub-analyst', scope: HUB_ANALYST_SCOPE, agency: HUB_ANALYST_AGENCY, purpose: 'evaluation' }));
}
