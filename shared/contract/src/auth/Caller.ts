/** Purposes of use a token may declare (claim `purpose`). */
export const PURPOSES = ['planning', 'risk-intervention', 'evaluation', 'public-reporting'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Who is asking, as established from a verified token (or anonymous). */
export interface Caller {
  anonymous: boolean;
  subject: string | null;
  agency: string | null;
  sector: string | null;
  scopes: readonly string[];
  purpose: Purpose | null;
}

export const ANONYMOUS: Caller = Object.freeze({
  anonymous: true,
  subject: null,
  agency: null,
  sector: null,
  scopes: Object.freeze([]) as readonly string[],
  purpose: null,
});

/** Policies a caller satisfies for `@policy`: its purpose of use. */
export function callerPolicies(caller: Caller): string[] {
  return caller.purpose ? [`purpose:${caller.purpose}`] : [];
}

/** True when the caller may read this sector's record-level data (and so sees exact counts). */
export function hasRecordAccess(caller: Caller, sector: string): boolean {
  return caller.scopes.includes(recordScope(sector));
}

export function recordScope(sector: string): string {
  return `records:read:${sector}`;
}
