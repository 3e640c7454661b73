import { envPrefix } from '@cswb/contract/config';

/** Every name the hub spells from a sector's (or subgraph's) name, e.g. `social-services`. */
export interface SectorNames {
  /** As declared: lower-case words joined by dashes, also the database name suffix. */
  name: string;
  /** `SOCIAL_SERVICES`: its environment variables' prefix. */
  envPrefix: string;
  /** `SocialServices`: the prefix of its GraphQL types. */
  typePrefix: string;
  /** `socialServices`: its profile field on Area. */
  fieldName: string;
  /** `socialServicesAuditLog`: the auditors' query of its audit log. */
  auditLogQueryName: string;
  /** `SocialServicesProfile`: its view of an area. */
  profileTypeName: string;
  /** `SocialServicesIndicatorReading`: the type it reads performance-measure indicators through. */
  readingTypeName: string;
  /** `social_services_measure_monthly`: the monthly rollup view its indicators are read from. */
  measureRollup: string;
}

const SECTOR_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const derived = new Map<string, SectorNames>();

/**
 * The one place a sector's names are derived from its name; an ill-formed name is refused.
 * Worked out once per sector: the resolvers ask for them on every area they answer.
 */
export function sectorNames(name: string): SectorNames {
  const known = derived.get(name);
  if (known) return known;
  if (!SECTOR_NAME.test(name)) {
    throw new Error(`sector name "${name}" must be lower-case words of letters and digits joined by single dashes, e.g. social-services`);
  }
  const typePrefix = name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  const fieldName = `${typePrefix[0].toLowerCase()}${typePrefix.slice(1)}`;
  const prefix = envPrefix(name);
  const names: SectorNames = Object.freeze({
    name,
    envPrefix: prefix,
    typePrefix,
    fieldName,
    auditLogQueryName: `${fieldName}AuditLog`,
    profileTypeName: `${typePrefix}Profile`,
    readingTypeName: `${typePrefix}IndicatorReading`,
    measureRollup: `${prefix.toLowerCase()}_measure_monthly`,
  });
  derived.set(name, names);
  return names;
}
