import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { PROJECT_ROOT } from './projectRoot';

export interface DiscoveredSubgraph {
  definition: SubgraphDefinition<unknown>;
  /** The folder under subgraphs/. */
  dir: string;
}

/**
 * Every sector under `subgraphs/`, found by reading the folder: each one's package
 * exports `subgraph`. Adding a sector is copying a folder, not editing a list.
 */
export function discoverSubgraphs(root = PROJECT_ROOT): DiscoveredSubgraph[] {
  const base = path.join(root, 'subgraphs');
  return fs
    .readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(base, entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => {
      const dir = path.join(base, folder);
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string };
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(pkg.name) as { subgraph?: SubgraphDefinition<unknown> };
      if (!module.subgraph) throw new Error(`${pkg.name} does not export "subgraph"`);
      if (module.subgraph.name !== folder) {
        throw new Error(`subgraphs/${folder} exports a subgraph named "${module.subgraph.name}": the name must match the folder`);
      }
      return { definition: module.subgraph, dir };
    });
}
