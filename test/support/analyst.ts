import { bearer, signToken } from './tokens';

/** Every sector's record-level scope: a caller that sees every indicator's exact values. */
export const HUB_ANALYST_SCOPE =
  'aggregates:read records:read:police records:read:health records:read:education records:read:housing records:read:social-services records:read:situation-table';

/** Headers of a "hub analyst": exact counts in every sector (no disclosure control applies). */
export async function analystHeaders(): Promise<Record<string, string>> {
  return bearer(await signToken({ sub: 'hub-analyst', scope: HUB_ANALYST_SCOPE, purpose: 'evaluation' }));
}
