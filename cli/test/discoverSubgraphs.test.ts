import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT, readSectorRegistry } from '@cswb/cli';

/** The sectors the hub runs are the registry's, not whatever folders subgraphs/ holds. */

let root: string | undefined;

/** A project root with the given registry and sector folders (each one's package.json copied from police's). */
function projectWith(registry: string, folders: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-registry-'));
  root = dir;
  fs.mkdirSync(path.join(dir, 'subgraphs'));
  fs.writeFileSync(path.join(dir, 'subgraphs.txt'), registry);
  for (const folder of folders) {
    fs.mkdirSync(path.join(dir, 'subgraphs', folder));
    fs.copyFileSync(path.join(PROJECT_ROOT, 'subgraphs', 'police', 'package.json'), path.join(dir, 'subgraphs', folder, 'package.json'));
  }
  return dir;
}

afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe('the sector registry', () => {
  it('serves the sectors it lists, not a folder it does not', () => {
    const dir = projectWith('# comment\npolice  # the police service\n', ['police', 'unlisted']);
    expect(discoverSubgraphs(dir).map((s) => [s.definition.name, path.relative(dir, s.dir)])).toEqual([['police', path.join('subgraphs', 'police')]]);
  });

  it('refuses an entry without a folder', () => {
    expect(() => discoverSubgraphs(projectWith('police\nferries\n', ['police']))).toThrow(
      'subgraphs.txt lists "ferries", but subgraphs/ferries/package.json does not exist',
    );
  });

  it('refuses an entry listed twice', () => {
    expect(() => readSectorRegistry(projectWith('police\npolice\n', ['police']))).toThrow('subgraphs.txt lists "police" more than once');
  });

  it('refuses an entry that is a path rather than a sector folder', () => {
    expect(() => readSectorRegistry(projectWith('police\n../shared/kit\n', ['police']))).toThrow(
      'subgraphs.txt lists "../shared/kit": a sector is lower-case words of letters and digits joined by dashes',
    );
  });

  it('lists every sector folder of this project', () => {
    const folders = fs.readdirSync(path.join(PROJECT_ROOT, 'subgraphs'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(readSectorRegistry().sort()).toEqual(folders.map((entry) => entry.name).sort());
  });
});
