import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { envPrefix } from '@cswb/contract/config';
import { seedAreaRegistry } from '@cswb/subgraph-kit/areas';
import { prepareDatabase, SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { dropDatabase, freshDatabaseUrl } from './database';

/** The built `cswb` command (`npm test` builds first). */
export const CLI_MAIN = path.join(PROJECT_ROOT, 'cli', 'dist', 'main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `cswb <args>` as scripts run it: the built CLI in a child process, with `env` over the test
 * process's. A hang is a failure: the timeout kills the child and the code is -1.
 */
export function cswb(args: string[], env: Record<string, string> = {}, { timeoutMs = 60_000 } = {}): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'error', ...env };
  // Database settings of the shell running the tests must not leak into the child.
  for (const variable of Object.keys(childEnv)) if (variable.endsWith('DATABASE_URL') && !(variable in env)) delete childEnv[variable];
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_MAIN, ...args], { cwd: PROJECT_ROOT, env: childEnv, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The definition of the sector subgraph `name`, as the CLI discovers it. */
export function subgraphDefinition(name: string): SubgraphDefinition<unknown> {
  const found = discoverSubgraphs().find((s) => s.definition.name === name);
  if (!found) throw new Error(`no subgraph ${name}`);
  return found.definition;
}

const sectorDatabases: string[] = [];

/**
 * A fresh, migrated (not seeded) database for the sector, and the env that points the CLI at it.
 * Its area registry holds the synthetic city's areas: an import refuses an area_id the registry
 * lacks. `dropSectorDatabases` drops it.
 */
export async function freshSectorDatabase(sector: string): Promise<{ url: string; env: Record<string, string> }> {
  const url = freshDatabaseUrl(`import_${sector}`);
  sectorDatabases.push(url);
  const { db } = await prepareDatabase(subgraphDefinition(sector), { url, connectAs: 'owner' });
  await seedAreaRegistry(db, createSyntheticCity('small', 1));
  await db.destroy();
  return { url, env: { [`${envPrefix(sector)}_DATABASE_URL`]: url } };
}

/** Drops every database `freshSectorDatabase` made (in this test file). */
export async function dropSectorDatabases(): Promise<void> {
  await Promise.all(sectorDatabases.splice(0).map(dropDatabase));
}
