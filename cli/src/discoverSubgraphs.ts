import * as fs from 'node:fs';
import * as path from 'node:path';
import { sectorNames } from '@cswb/subgraph-kit/sector';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { PROJECT_ROOT } from './projectRoot';
import { SECTOR_REGISTRY } from './sectorRegistryFile';

export { SECTOR_REGISTRY };

export interface DiscoveredSubgraph {
  definition: SubgraphDefinition<unknown>;
  /** The folder under subgraphs/ (installed: the package's folder). */
  dir: string;
}

/**
 * The sectors the hub runs, as `subgraphs.txt` lists them: one folder name a line,
 * `#` starts a comment. A folder under subgraphs/ that is not listed is not served.
 */
export function readSectorRegistry(root = PROJECT_ROOT): string[] {
  const file = path.join(root, SECTOR_REGISTRY);
  if (!fs.existsSync(file)) throw new Error(`no ${SECTOR_REGISTRY} in ${root}: list the sectors this hub runs there, one a line (docs/cli.md)`);
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
  // A line names a folder of subgraphs/: never a path out of it (`../shared`).
  const malformed = lines.find((name) => !isSectorName(name));
  if (malformed !== undefined) throw new Error(`${SECTOR_REGISTRY} lists "${malformed}": a sector is lower-case words of letters and digits joined by dashes`);
  const repeated = lines.filter((name, index) => lines.indexOf(name) !== index);
  if (repeated.length > 0) throw new Error(`${SECTOR_REGISTRY} lists "${repeated[0]}" more than once`);
  return lines;
}

function isSectorName(name: string): boolean {
  try {
    sectorNames(name);
    return true;
  } catch {
    return false;
  }
}

/** In a hub folder without subgraphs/ (the CLI installed from its package): the installed package. */
function installedSectorPackage(root: string, folder: string): { dir: string; name: string; entry: string } {
  const name = `@cswb/subgraph-${folder}`;
  let manifest: string;
  try {
    manifest = require.resolve(`${name}/package.json`, { paths: [root, __dirname] });
  } catch {
    throw new Error(`${SECTOR_REGISTRY} lists "${folder}", but the package ${name} is not installed`);
  }
  // Required by path: the package may be the hub folder's while the CLI is installed globally.
  return { dir: path.dirname(manifest), name, entry: path.dirname(manifest) };
}

/**
 * Every sector of the registry, each one's package exporting `subgraph`, in name order.
 * Adding a sector is its folder and its registry line (`cswb new-sector <name>`).
 */
export function discoverSubgraphs(root = PROJECT_ROOT): DiscoveredSubgraph[] {
  const hasSectorFolders = fs.existsSync(path.join(root, 'subgraphs'));
  return readSectorRegistry(root)
    .sort()
    .map((folder) => {
      if (!hasSectorFolders) return { folder, ...installedSectorPackage(root, folder) };
      const dir = path.join(root, 'subgraphs', folder);
      const manifest = path.join(dir, 'package.json');
      if (!fs.existsSync(manifest)) {
        throw new Error(`${SECTOR_REGISTRY} lists "${folder}", but subgraphs/${folder}/package.json does not exist`);
      }
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string };
      return { folder, dir, name, entry: name };
    })
    .map(({ folder, dir, name, entry }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(entry) as { subgraph?: SubgraphDefinition<unknown> };
      if (!module.subgraph) throw new Error(`${name} does not export "subgraph"`);
      if (module.subgraph.name !== folder) {
        throw new Error(`subgraphs/${folder} exports a subgraph named "${module.subgraph.name}": the name must match the folder`);
      }
      return { definition: module.subgraph, dir };
    });
}
