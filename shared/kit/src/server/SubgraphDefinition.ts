import type { DataSource } from 'typeorm';
import type { NonEmptyArray } from 'type-graphql';
import type { ReferenceResolver } from '../federation/buildFederatedSchema';
import type { SeedSize } from '@cswb/contract/config';
import type { SyntheticCity } from '../synthetic/syntheticCity';
import type { IndicatorSpec } from '../vocabulary/buildIndicatorSeries';
import type { LocalizedText } from '../vocabulary/LocalizedText';
import type { LoaderRegistry } from '../loaders/LoaderRegistry';
import type { Caller, ProtectedContext, ProtectedRead } from '@cswb/contract/auth';
import type { Logger } from '@cswb/contract/logging';
import type { FileImport } from '../import/FileImport';
import type { ImportDataset } from '../import/ImportDataset';

export interface SeedOptions {
  size: Exclude<SeedSize, 'none'>;
  city: SyntheticCity;
  /** Called with a line of progress for long seeds. */
  progress?: (message: string) => void;
}

export interface SeedReport {
  /** Rows written per table. */
  rows: Record<string, number>;
}

/**
 * Everything the hub needs to know about one sector subgraph. Each folder under
 * `subgraphs/` that `subgraphs.txt` lists exports one of these as `subgraph` from its
 * index: the CLI, the composer and the tests find sectors through that registry.
 */
export interface SubgraphDefinition<Loaders = unknown> {
  /** Lower-case, dash-separated: also the database name suffix and env prefix. */
  name: string;
  /** Its display name in every language the hub serves (the planning subgraph's `sectors`). */
  label: LocalizedText;
  description: string;
  /** Port used when none is configured; also the URL in the committed supergraph. */
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: Record<string, ReferenceResolver>;
  /** The indicators this sector publishes: they make up the hub's indicator catalogue. */
  indicators?: readonly IndicatorSpec[];
  /** The monthly rollup view its indicators are read from (`<prefix>_measure_monthly`). */
  rollup?: string;
  /**
   * Tables whose rows the running subgraph writes (its mutations). Its database role may
   * INSERT, UPDATE and DELETE rows of these only; of every other table it may only read, and
   * append to the audit log. Migrations, seeding and imports run as the owner. Default: none.
   */
  writes?: readonly string[];
  /** The files `cswb import <sector> <dataset> <file>` accepts into this sector's tables. */
  importDatasets?: readonly ImportDataset[];
  /** Whole files (not tables of rows) `cswb import <sector> <name> <file>` accepts, validated and written by the sector. */
  fileImports?: readonly FileImport[];
  /** This subgraph serves the hub-wide catalogue: compose writes it into its folder. */
  servesIndicatorCatalogue?: boolean;
  /** Per-request loaders: called once for every request, with the request's scope to keep argument-keyed loaders in. */
  createLoaders(db: DataSource, scope: LoaderRegistry): Loaders;
  /** True when the database already holds seeded data. */
  isSeeded(db: DataSource): Promise<boolean>;
  /** Writes deterministic synthetic data in one transaction. */
  seed(db: DataSource, options: SeedOptions): Promise<SeedReport>;
}

export interface SubgraphContext<Loaders = unknown> extends ProtectedContext {
  db: DataSource;
  loaders: Loaders;
  /** Everything else kept for the length of the request (see LoaderRegistry). */
  scope: LoaderRegistry;
  requestId: string;
  /** Who is asking, verified by this subgraph from the forwarded token. */
  caller: Caller;
  /** Reads of protected fields in this request, for the audit log. */
  reads: ProtectedRead[];
  operationName: string | null;
  /** `Bearer <the gateway's assertion>`: presented to the gateway when this subgraph asks it on the caller's behalf. */
  authorization?: string;
  /** Signs a request body this subgraph sends the gateway with its own certificate's key (its service identity). */
  signServiceRequest?: (body: string) => Promise<string>;
  /** Where the gateway is, for the few fields that read across sectors (risk analysis). */
  gatewayUrl?: () => string | undefined;
  /** False once the answer depends on more than this sector's data (asking the gateway): never cached. */
  responseCacheable: boolean;
  /** True once this request's audit entry is written (an answer served from the response cache writes it first). */
  auditWritten?: boolean;
  /** The request's logger: its lines name the request id and the trace (`requestLogger`). */
  log?: Logger;
}
