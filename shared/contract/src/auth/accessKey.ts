import type { Caller } from './Caller';

/**
 * Everything an access or disclosure decision reads from a caller, as one string: two callers
 * with the same key are answered alike by the gateway's access rules and by every subgraph. The
 * subject decides nothing (it is only audited), so it is not in the key.
 */
export function accessKeyOf(caller: Caller): string {
  return JSON.stringify([caller.anonymous, caller.agency, caller.sector, [...caller.scopes].sort(), caller.purpose]);
}
