import { ObjectType } from 'type-graphql';
import type { IndicatorSpec } from '../vocabulary/buildIndicatorSeries';
import type { AreaProfile } from './AreaProfile';
import { createProfileTypes } from './createProfileTypes';
import { SectorNames, sectorNames } from './sectorNames';

export interface SectorProfileOptions {
  /** The sector's name, as in its `defineSector`. */
  sector: string;
  /** The profile type's description: the sector's view of an area. */
  description: string;
  /** The description of the sector's field on Area. */
  areaFieldDescription: string;
  /** The description of the profile's `indicators` field. */
  indicatorsDescription: string;
  /** The indicators the sector publishes, in catalogue order. */
  indicators: readonly IndicatorSpec[];
}

/** What a profile class declared with `@SectorProfile` brings to its sector's definition. */
export interface DeclaredProfile {
  names: SectorNames;
  indicators: readonly IndicatorSpec[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  area: Function;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: readonly Function[];
}

type ProfileClass = abstract new () => AreaProfile;

const declaredProfiles = new WeakMap<ProfileClass, DeclaredProfile>();

/**
 * Makes a class the sector's profile type (`<Sector>Profile`), with the Area stub, the Area field
 * and the `indicators` field made with it. Declared with the profile, before the sector's own
 * resolvers load, so the schema keeps its order: Area first, `indicators` first on the profile.
 */
export function SectorProfile(options: SectorProfileOptions) {
  const names = sectorNames(options.sector);
  return (profile: ProfileClass): void => {
    ObjectType(names.profileTypeName, { description: options.description })(profile);
    const types = createProfileTypes({ ...options, names, profile });
    declaredProfiles.set(profile, { names, indicators: options.indicators, ...types });
  };
}

/** The declaration of a profile class; refused when it was not declared with `@SectorProfile`. */
export function declaredProfile(profile: ProfileClass): DeclaredProfile {
  const declared = declaredProfiles.get(profile);
  if (!declared) throw new Error(`${profile.name} is not declared with @SectorProfile`);
  return declared;
}
