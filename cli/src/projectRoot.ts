import * as fs from 'node:fs';
import * as path from 'node:path';
import { SECTOR_REGISTRY } from './sectorRegistryFile';

/** The checkout this CLI was built in, if it runs from one: cli/dist/… → two levels up. */
const CHECKOUT = path.resolve(__dirname, '..', '..');

/**
 * The hub folder the commands work in: the checkout when the CLI runs from one (`npm run cswb`,
 * `node cli/dist/main.js`); installed from its package (`npx cswb`, `npm install -g`), the working
 * directory, whose subgraphs.txt lists the sectors to run (each an installed @cswb/subgraph-<name>)
 * and under which the data folder (.data) is.
 */
export const PROJECT_ROOT = fs.existsSync(path.join(CHECKOUT, SECTOR_REGISTRY)) ? CHECKOUT : process.cwd();
