import * as fs from 'node:fs';
import * as path from 'node:path';
import { sectorNames } from '@cswb/subgraph-kit/sector';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { PROJECT_ROOT } from './projectRoot';

export interface DiscoveredSubgraph {
  definition: SubgraphDefinition<unknown>;
  /** The folder under subgraphs/. */
  dir: string;
}

/** The registry, relative to the project root. */
export const SECTOR_REGISTRY = 'subgraphs.txt';

/**
 * The sectors the hub runs, as `subgraphs.txt` lists them: one folder name a line,
 * `#` starts a comment. A folder under subgraphs/ that is not listed is not served.
 */
export function readSectorRegistry(root = PROJECT_ROOT): string[] {
  const lines = fs
    .readFileSync(path.join(root, SECTOR_REGISTRY), 'utf8')
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

/**
 * Every sector of the registry, each one's package exporting `subgraph`, in name order.
 * Adding a sector is its folder and its registry line (`cswb new-sector <name>`).
 */
export function discoverSubgraphs(root = PROJECT_ROOT): DiscoveredSubgraph[] {
  return readSectorRegistry(root)
    .sort()
    .map((folder) => {
      const dir = path.join(root, 'subgraphs', folder);
      const manifest = path.join(dir, 'package.json');
      if (!fs.existsSync(manifest)) {
        throw new Error(`${SECTOR_REGISTRY} lists "${folder}", but subgraphs/${folder}/package.json does not exist`);
      }
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string };
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(pkg.name) as { subgraph?: SubgraphDefinition<unknown> };
      if (!module.subgraph) throw new Error(`${pkg.name} does not export "subgraph"`);
      if (module.subgraph.name !== folder) {
        throw new Error(`subgraphs/${folder} exports a subgraph named "${module.subgraph.name}": the name must match the folder`);
      }
      return { definition: module.subgraph, dir };
    });
}
