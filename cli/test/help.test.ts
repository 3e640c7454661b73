import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COMMANDS } from '@cswb/cli/dist/commands/registry';
import { CLI_MAIN } from '@cswb/testing/cli';

const CLI_PACKAGE_DIR = dirname(require.resolve('@cswb/cli/package.json'));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI_MAIN, ...args], { encoding: 'utf8' });
const names = COMMANDS.map((command) => command.name);

describe('cswb --help', () => {
  it('lists every registered command with its options', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cswb <command> \[options\]\n\nCommands:\n/);
    for (const command of COMMANDS) {
      const line = result.stdout.split('\n').find((l) => l.startsWith(`  ${command.name} `) || l === `  ${command.name}`);
      expect(line).toBeDefined();
      for (const option of Object.keys(command.options)) expect(line).toContain(`--${option}`);
    }
  });

  it('knows today’s commands', () => {
    expect(names).toEqual(expect.arrayContaining(['start', 'compose', 'check', 'migrate', 'seed', 'import', 'serve-subgraph', 'token', 'certs', 'audit', 'bench']));
  });

  it.each(names)('%s --help and help %s print its usage, options and exit 0', (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    for (const args of [[name, '--help'], [name, '-h'], ['help', name]]) {
      const result = run(...args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: cswb ${name}\\b`));
      for (const option of Object.keys(command.options)) expect(result.stdout).toMatch(new RegExp(`^  --${option}\\b`, 'm'));
      expect(result.stdout).toContain('  -h, --help');
    }
  });

  it('keeps the detailed help of check, import and certs', () => {
    expect(run('check', '--help').stdout).toContain('Usage: cswb check <subgraph> [--schema <file.graphql>]');
    expect(run('import', '--help').stdout).toContain(
      'Usage: cswb import <sector> <dataset> <file> [--skip-invalid] [--rejects <path>] [--format csv|jsonl] [--encoding utf-8|latin1|windows-1252]',
    );
    expect(run('certs', '--help').stdout).toContain('Exit codes: 0 done, 1 failed, 2 usage.');
  });

  it('prints the overview and exits 0 when no command is given', () => {
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(run('help').stdout);
  });

  it('prints its version with --version or -V, and exits 0', () => {
    const cliVersion = (JSON.parse(readFileSync(join(CLI_PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const result = run(flag);
      expect([result.status, result.stdout, result.stderr]).toEqual([0, `cswb ${cliVersion}\n`, '']);
    }
    // Not a command's option: after a command it is refused like any unknown option.
    expect(run('token', '--version').status).toBe(2);
  });

  it('rejects an unknown command with exit 2 and the overview on stderr', () => {
    for (const args of [['frobnicate'], ['help', 'frobnicate']]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`cswb: unknown command "frobnicate"\n\n${run('--help').stdout}`);
    }
  });

  it('rejects an unknown option with exit 2 and the message of util.parseArgs', () => {
    const strict = run('compose', '--bogus');
    expect(strict.status).toBe(2);
    expect(strict.stderr).toBe("cswb: Unknown option '--bogus'\n");
    const withArguments = run('check', 'police', '--bogus');
    expect(withArguments.status).toBe(2);
    expect(withArguments.stderr).toBe(
      "cswb: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"\n",
    );
  });

  it('refuses a missing required option or wrong arguments with exit 2, the message and the command’s help', () => {
    const token = run('token');
    expect(token.status).toBe(2);
    expect(token.stderr).toBe(`cswb token: --role is required\n\n${run('help', 'token').stdout}`);
    const audit = run('audit', 'check');
    expect(audit.status).toBe(2);
    expect(audit.stderr).toBe(`cswb audit: expected "verify"\n\n${run('help', 'audit').stdout}`);
  });

  it('refuses an option given twice rather than keeping the last one (audit verify would check one subgraph and report success)', () => {
    const twice = run('audit', 'verify', '--subgraph', 'police', '--subgraph=health');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe(`cswb audit: --subgraph is given more than once\n\n${run('help', 'audit').stdout}`);
    const role = run('token', '--role', 'auditor', '--role', 'public');
    expect(role.status).toBe(2);
    expect(role.stderr).toBe(`cswb token: --role is given more than once\n\n${run('help', 'token').stdout}`);
  });
});
