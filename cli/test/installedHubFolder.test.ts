import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';

/**
 * A hub folder without subgraphs/ (the CLI installed from its package, run in the folder): the
 * sectors of its subgraphs.txt are the installed @cswb/subgraph-<name> packages.
 * npm run test:pack runs the same from a real install.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-hub-folder-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('an installed hub folder', () => {
  it('serves the installed sector packages its subgraphs.txt lists', () => {
    fs.writeFileSync(path.join(dir, 'subgraphs.txt'), '# this agency runs\npolice\n');
    expect(discoverSubgraphs(dir).map((s) => [s.definition.name, s.dir])).toEqual([['police', fs.realpathSync(path.join(PROJECT_ROOT, 'subgraphs', 'police'))]]);
  });

  it('refuses a sector whose package is not installed', () => {
    fs.writeFileSync(path.join(dir, 'subgraphs.txt'), 'police\nferries\n');
    expect(() => discoverSubgraphs(dir)).toThrow('subgraphs.txt lists "ferries", but the package @cswb/subgraph-ferries is not installed');
  });

  it('says where subgraphs.txt is missing', () => {
    expect(() => discoverSubgraphs(dir)).toThrow(`no subgraphs.txt in ${dir}: list the sectors this hub runs there, one a line (docs/cli.md)`);
  });
});
