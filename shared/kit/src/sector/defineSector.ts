import type { DataSource } from 'typeorm';
import type { NonEmptyArray } from 'type-graphql';
import { resolveRegisteredArea } from '../areas/areaRegistry';
import type { ReferenceResolver } from '../federation/buildFederatedSchema';
import type { ImportDataset } from '../import/ImportDataset';
import type { LoaderRegistry } from '../loaders/LoaderRegistry';
import type { LocalizedText } from '../vocabulary/LocalizedText';
import { createRowOwnership, type RowOwnership } from '../privacy/rowOwnership';
import { createMeasureLoader } from '../profiles/createMeasureLoader';
import type { SeedOptions, SeedReport, SubgraphDefinition } from '../server/SubgraphDefinition';
import type { AreaProfile } from './AreaProfile';
import type { MeasureLoaders } from './createProfileTypes';
import { declaredProfile } from './SectorProfile';

/** What is a sector's own; `defineSector` derives the rest of its `SubgraphDefinition`. */
export interface SectorDeclaration<Loaders extends object> {
  /** Lower-case words joined by dashes: every other name is derived from it (`sectorNames`). */
  name: string;
  /** Its display name in English and French: "Social services" / "Services sociaux". */
  label: LocalizedText;
  description: string;
  /** Port used when none is configured; also the URL in the committed supergraph. */
  defaultPort: number;
  /** Its profile class, declared with `@SectorProfile` (which brings the indicators). */
  profile: abstract new () => AreaProfile;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Typeorm entities of its tables. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  /** Its own resolvers: the profile's other fields, root fields, entities. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers?: Function[];
  /** Its own entity types no field returns (e.g. stubs of other subgraphs' entities). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` of its own entity types; Area's is the kit's. */
  referenceResolvers?: Record<string, ReferenceResolver>;
  /**
   * Several agencies hold its rows: the view of which agencies hold rows per neighbourhood
   * (`area_id`, `agency_id`), for disclosure control (`createRowOwnership`).
   */
  rowOwnershipView?: string;
  /** Tables the running subgraph writes (see `SubgraphDefinition.writes`). */
  writes?: readonly string[];
  importDatasets?: readonly ImportDataset[];
  /** Its own per-request loaders; `measures` (and `rowOwnership`) are added. */
  createLoaders?(db: DataSource, scope: LoaderRegistry): Loaders;
  isSeeded(db: DataSource): Promise<boolean>;
  seed(db: DataSource, options: SeedOptions): Promise<SeedReport>;
}

export type SectorLoaders<Loaders> = Loaders & MeasureLoaders & { rowOwnership?: RowOwnership };

/**
 * A sector's `SubgraphDefinition`: its declaration plus what every sector has the same way, the
 * Area stub with its profile field, the profile's `indicators`, the `measures` loader over its
 * monthly rollup (`<prefix>_measure_monthly`) and Area references resolved from its registry.
 */
export function defineSector<Loaders extends object = object>(sector: SectorDeclaration<Loaders>): SubgraphDefinition<SectorLoaders<Loaders>> {
  const profile = declaredProfile(sector.profile);
  const { names } = profile;
  if (names.name !== sector.name) {
    throw new Error(`sector "${sector.name}" is given the profile of sector "${names.name}" (${sector.profile.name})`);
  }
  const { rowOwnershipView } = sector;
  return {
    name: sector.name,
    label: sector.label,
    description: sector.description,
    defaultPort: sector.defaultPort,
    entities: sector.entities ?? [],
    migrations: sector.migrations,
    resolvers: [...profile.resolvers, ...(sector.resolvers ?? [])] as NonEmptyArray<Function>,
    orphanedTypes: [profile.area, ...(sector.orphanedTypes ?? [])],
    referenceResolvers: { Area: resolveRegisteredArea, ...sector.referenceResolvers },
    indicators: profile.indicators,
    rollup: names.measureRollup,
    writes: sector.writes,
    importDatasets: sector.importDatasets,
    createLoaders: (db, scope) => ({
      ...(sector.createLoaders?.(db, scope) as Loaders),
      /** Measure values per area for one period range: one SQL statement for all areas. */
      measures: (query) => scope.get('measures', query, () => createMeasureLoader(db, names.measureRollup, query)),
      ...(rowOwnershipView ? { rowOwnership: createRowOwnership(db, sector.name, rowOwnershipView) } : {}),
    }),
    isSeeded: sector.isSeeded,
    seed: sector.seed,
  };
}
