import { recordScope, type Purpose } from './Caller';

/**
 * The one place roles become scopes. Tokens carry scopes, not roles; a role is how an agency
 * decides which scopes to grant. Each entry says what the role may read and why.
 */
export const SCOPES = {
  /** Aggregates of every sector (suppressed), detail lists like shelters. */
  aggregatesRead: 'aggregates:read',
  /** De-identified Situation Table data; also needs purpose risk-intervention. */
  riskRead: 'risk:read',
  /** The audit logs of every subgraph. */
  auditRead: 'audit:read',
  /** Create and edit CSWB plans (and read unpublished ones). */
  plansWrite: 'plans:write',
} as const;

export const ROLES = ['public', 'planner', 'sector-analyst', 'situation-table', 'auditor', 'data-steward'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  scopes: string[];
  /** The purpose a token for this role normally declares. */
  purpose: Purpose | null;
}

/** Scopes of a role; sector roles need the sector the agency belongs to. */
export function grantFor(role: Role, sector?: string): RoleGrant {
  switch (role) {
    case 'public':
      return { scopes: [], purpose: 'public-reporting' };
    case 'planner':
      return { scopes: [SCOPES.aggregatesRead, SCOPES.plansWrite], purpose: 'planning' };
    case 'sector-analyst':
      return { scopes: [SCOPES.aggregatesRead, recordScope(requireSector(role, sector))], purpose: 'evaluation' };
    case 'situation-table':
      return { scopes: [SCOPES.riskRead], purpose: 'risk-intervention' };
    case 'auditor':
      return { scopes: [SCOPES.auditRead], purpose: 'evaluation' };
    case 'data-steward':
      return { scopes: [SCOPES.aggregatesRead, `data:write:${requireSector(role, sector)}`], purpose: 'evaluation' };
  }
}

function requireSector(role: Role, sector: string | undefined): string {
  if (!sector) throw new Error(`role ${role} needs a sector`);
  return sector;
}
