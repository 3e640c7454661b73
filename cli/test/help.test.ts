import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';

const MAIN = path.join(PROJECT_ROOT, 'cli', 'dist', 'main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });

describe('cswb --help', () => {
  it.each(['start', 'compose', 'check', 'migrate', 'seed', 'import', 'serve-subgraph', 'token', 'audit', 'bench'])('%s --help prints usage and exits 0', (command) => {
    const result = run(command, '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cswb /);
    expect(result.stdout).toContain(command === 'audit' ? 'audit verify' : command);
  });

  it('rejects an unknown command with exit 2 and the usage on stderr', () => {
    const result = run('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});
