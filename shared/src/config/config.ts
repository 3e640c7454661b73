/**
 * Every setting the hub reads from the environment, read here and nowhere else.
 * Each reader validates up front and throws ConfigError with the variable's name.
 */
import * as path from 'node:path';
import { ConfigError } from './ConfigError';
import { Env, readEnum, readHttpUrl, readPort, readPostgresUrl, readString } from './readEnv';

export const SEED_SIZES = ['none', 'small', 'city'] as const;
export type SeedSize = (typeof SEED_SIZES)[number];

/** The environment variable prefix of a subgraph: `social-services` → `SOCIAL_SERVICES`. */
export function envPrefix(subgraphName: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(subgraphName)) {
    throw new ConfigError('subgraph name', `"${subgraphName}" must be lower-case letters, digits and dashes`);
  }
  return subgraphName.toUpperCase().replace(/-/g, '_');
}

export function databaseNameFor(subgraphName: string): string {
  return `cswb_${envPrefix(subgraphName).toLowerCase()}`;
}

/**
 * Where a subgraph's database is: `<NAME>_DATABASE_URL` verbatim, else the server of
 * `DATABASE_URL` with the subgraph's own database `cswb_<name>`, else the same database
 * on the embedded server (when one is running).
 */
export function databaseUrlFor(subgraphName: string, env: Env, embeddedServerUrl?: string): string {
  const own = readPostgresUrl(env, `${envPrefix(subgraphName)}_DATABASE_URL`);
  if (own) return own.toString();
  const server = readPostgresUrl(env, 'DATABASE_URL') ?? (embeddedServerUrl ? new URL(embeddedServerUrl) : undefined);
  if (!server) {
    throw new ConfigError(
      `${envPrefix(subgraphName)}_DATABASE_URL`,
      'is not set, nor is DATABASE_URL, and no embedded PostgreSQL is running',
    );
  }
  const url = new URL(server.toString());
  url.pathname = `/${databaseNameFor(subgraphName)}`;
  return url.toString();
}

/** True when the stack must start its own PostgreSQL: no external database is configured. */
export function usesEmbeddedPostgres(env: Env, subgraphNames: readonly string[]): boolean {
  if (readPostgresUrl(env, 'DATABASE_URL')) return false;
  return subgraphNames.some((name) => !readPostgresUrl(env, `${envPrefix(name)}_DATABASE_URL`));
}

export interface EmbeddedPostgresConfig {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
}

export function readEmbeddedPostgresConfig(env: Env, projectRoot: string): EmbeddedPostgresConfig {
  return {
    dataDir: path.resolve(projectRoot, readString(env, 'CSWB_DATA_DIR', '.data'), 'postgres'),
    port: readPort(env, 'EMBEDDED_POSTGRES_PORT', 0),
  };
}

export interface SubgraphServerConfig {
  name: string;
  port: number;
  databaseUrl: string;
}

/** A subgraph run on its own (one container per agency): `PORT` or `<NAME>_PORT`. */
export function readSubgraphServerConfig(
  subgraphName: string,
  defaultPort: number,
  env: Env,
  embeddedServerUrl?: string,
): SubgraphServerConfig {
  const prefix = envPrefix(subgraphName);
  return {
    name: subgraphName,
    port: readPort(env, `${prefix}_PORT`, readPort(env, 'PORT', defaultPort)),
    databaseUrl: databaseUrlFor(subgraphName, env, embeddedServerUrl),
  };
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where a subgraph run on its own finds the gateway (`GATEWAY_URL`), for cross-sector reads. */
export function readGatewayUrl(env: Env): string | undefined {
  return readHttpUrl(env, 'GATEWAY_URL')?.toString();
}

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  /** Subgraph URL overrides, `<NAME>_URL`; subgraphs not named here use the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  /** Read by the gateway runtime's logger too, so it takes the runtime's values. */
  logLevel: LogLevel;
}

export function readGatewayConfig(env: Env, subgraphNames: readonly string[], defaultSupergraphPath: string): GatewayConfig {
  const subgraphUrls: Record<string, string> = {};
  for (const name of subgraphNames) {
    const url = readHttpUrl(env, `${envPrefix(name)}_URL`);
    if (url) subgraphUrls[name] = url.toString();
  }
  return {
    port: readPort(env, 'PORT', 4000),
    host: readString(env, 'HOST', '127.0.0.1'),
    supergraphPath: path.resolve(readString(env, 'SUPERGRAPH_PATH', defaultSupergraphPath)),
    subgraphUrls,
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
  };
}

export interface StackConfig {
  gateway: GatewayConfig;
  seedSize: SeedSize;
  seed: number;
  embedded: EmbeddedPostgresConfig;
}

export function readSeedSize(env: Env): SeedSize {
  return readEnum(env, 'SEED_SIZE', SEED_SIZES, 'small');
}

export function readSeed(env: Env): number {
  const raw = readString(env, 'SEED');
  if (raw === undefined) return 20190101;
  if (!/^\d+$/.test(raw)) throw new ConfigError('SEED', `must be a whole number, got "${raw}"`);
  return Number(raw);
}
