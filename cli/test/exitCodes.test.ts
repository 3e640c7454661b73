import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { COMMANDS } from '@cswb/cli/dist/commands/registry';
import { CLI_MAIN } from '@cswb/testing/cli';

/** The built CLI as a shell runs it, from a folder that is not the checkout. */
function cswb(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'error', ...env };
  for (const variable of Object.keys(childEnv)) if (variable.endsWith('DATABASE_URL') && !(variable in env)) delete childEnv[variable];
  return spawnSync(process.execPath, [CLI_MAIN, ...args], { cwd: os.tmpdir(), env: childEnv, encoding: 'utf8', timeout: 120_000 });
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-exit-'));
  fs.writeFileSync(path.join(dir, 'missing-columns.csv'), 'occurrence_number,agency_id\nPO-1,lakeshore-police\n');
  fs.writeFileSync(path.join(dir, 'request.pem'), 'not yet looked at: there is no CA to sign with\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One representative command line per documented exit code (docs/cli.md, "Exit codes"). */
const CASES: { code: number; what: string; args: () => string[]; env?: Record<string, string>; stderr: RegExp }[] = [
  { code: 0, what: 'the version', args: () => ['--version'], stderr: /^$/ },
  { code: 1, what: 'an import of invalid data (nothing written)', args: () => ['import', 'police', 'occurrences', path.join(dir, 'missing-columns.csv')], stderr: /line 1: missing columns .*; nothing was written/ },
  { code: 1, what: 'certs --sign without a CA to sign with', args: () => ['certs', '--sign', path.join(dir, 'request.pem'), '--member', 'gateway', '--dir', path.join(dir, 'no-ca')], stderr: /^cswb certs: no CA in .*: run "cswb certs" first\n$/ },
  { code: 2, what: 'an unknown command', args: () => ['frobnicate'], stderr: /^cswb: unknown command "frobnicate"\n/ },
  { code: 2, what: 'an unknown option', args: () => ['compose', '--bogus'], stderr: /^cswb: Unknown option '--bogus'\n$/ },
  { code: 2, what: 'an option without its value', args: () => ['token', '--role'], stderr: /^cswb: Option '--role <value>' argument missing\n$/ },
  { code: 2, what: 'a value given to a flag', args: () => ['compose', '--check=yes'], stderr: /^cswb: Option '--check' does not take an argument\n$/ },
  { code: 2, what: 'an argument to a command that takes none', args: () => ['compose', 'extra'], stderr: /^cswb: Unexpected argument 'extra'/ },
  { code: 2, what: 'a missing required option', args: () => ['token'], stderr: /^cswb token: --role is required\n/ },
  { code: 2, what: 'a file that does not exist', args: () => ['import', 'police', 'occurrences', path.join(dir, 'nonexistent.csv')], stderr: /^cswb import: cannot read .*nonexistent\.csv: ENOENT/ },
  { code: 2, what: 'an unknown shell', args: () => ['completion', 'tcsh'], stderr: /^cswb completion: unknown shell "tcsh"/ },
  {
    code: 3,
    what: 'an import whose database cannot be reached',
    args: () => ['import', 'police', 'occurrences', path.join(PROJECT_ROOT, 'docs', 'import-samples', 'police', 'occurrences.csv')],
    env: { POLICE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    stderr: /^cswb import: database error, nothing was written: connect ECONNREFUSED/m,
  },
];

describe('exit codes, as docs/cli.md documents them', () => {
  it.each(CASES.map((c) => [c.code, c.what, c] as const))('%i: %s', (code, _what, { args, env, stderr }) => {
    const result = cswb(args(), env);
    expect({ code: result.status, stderr: result.stderr }).toEqual({ code, stderr: expect.stringMatching(stderr) });
    // Errors go to stderr: a script piping stdout reads nothing from a failure.
    if (code !== 0) expect(result.stdout).toBe('');
  });

  it('documents exactly the codes above, and every command', () => {
    const doc = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'cli.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Exit codes'));
    const documented = [...table.matchAll(/^\| `(\d+)` \|/gm)].map((m) => Number(m[1]));
    expect(documented).toEqual([...new Set(CASES.map((c) => c.code))]);
    for (const command of COMMANDS) expect(doc).toMatch(new RegExp(`^\\| \`${command.name}\\b`, 'm'));
  });
});
