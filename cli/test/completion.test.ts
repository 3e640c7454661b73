import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '@cswb/cli/dist/commands/registry';
import { CLI_MAIN } from '@cswb/testing/cli';

const run = (...args: string[]) => spawnSync(process.execPath, [CLI_MAIN, ...args], { encoding: 'utf8' });

/** Every flag `main.ts` accepts after a command: the declared options and -h/--help. */
const flagsOf = (command: (typeof COMMANDS)[number]) => [
  ...Object.entries(command.options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]),
  '--help',
  '-h',
];

let dir: string;
let script: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-completion-'));
  script = path.join(dir, 'cswb.bash');
  const printed = run('completion', 'bash');
  expect([printed.status, printed.stderr]).toEqual([0, '']);
  fs.writeFileSync(script, printed.stdout);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Real bash with the script sourced: `complete -p cswb`, then COMPREPLY for each command line (the last word is being completed). */
function bash(lines: string[][]): { registration: string; replies: string[][] } {
  const calls = lines.map((words) => {
    const quoted = words.map((w) => `'${w}'`).join(' ');
    return `COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _cswb; printf '%s\\n' "\${COMPREPLY[*]}"`;
  });
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', [`source '${script}'`, 'complete -p cswb', ...calls].join('\n')], { encoding: 'utf8' });
  expect([result.status, result.stderr]).toEqual([0, '']);
  const [registration, ...replies] = result.stdout.split('\n').slice(0, lines.length + 1);
  return { registration, replies: replies.map((reply) => (reply === '' ? [] : reply.split(' '))) };
}

describe('cswb completion bash, in real bash', () => {
  it('registers a completion function for cswb that falls back to file names', () => {
    expect(bash([]).registration).toBe('complete -o default -F _cswb cswb');
  });

  it('completes every command name, and help with them', () => {
    const names = COMMANDS.map((c) => c.name);
    const { replies } = bash([['cswb', ''], ...names.map((name) => ['cswb', name.slice(0, name.length - 1)]), ['cswb', 'help', '']]);
    expect(replies[0]).toEqual([...names, 'help']);
    names.forEach((name, i) => expect(replies[i + 1]).toContain(name));
    expect(replies[names.length + 1]).toEqual([...names, 'help']);
    expect(bash([['cswb', '-']]).replies[0]).toEqual(['--help', '-h', '--version', '-V']);
  });

  it.each(COMMANDS.map((c) => c.name))('completes the flags declared by %s', (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    const { replies } = bash([['cswb', name, '-'], ['cswb', name, '--'], ...Object.keys(command.options).map((option) => ['cswb', name, `--${option}`])]);
    expect(replies[0]).toEqual(flagsOf(command));
    expect(replies[1]).toEqual(flagsOf(command).filter((f) => f.startsWith('--')));
    Object.keys(command.options).forEach((option, i) => expect(replies[i + 2]).toContain(`--${option}`));
  });

  it('completes values and arguments the declarations list, and nothing (files) for a placeholder', () => {
    const { replies } = bash([
      ['cswb', 'import', '--format', ''],
      ['cswb', 'import', '--encoding', 'l'],
      ['cswb', 'bench', '--size', ''],
      ['cswb', 'completion', ''],
      ['cswb', 'completion', 'z'],
      ['cswb', 'audit', ''],
      ['cswb', 'audit', '--subgraph', 'police', ''],
      ['cswb', 'audit', 'verify', ''],
      ['cswb', 'persisted', ''],
      ['cswb', 'token', '--role', ''],
      ['cswb', 'import', 'police', ''],
    ]);
    expect(replies).toEqual([['csv', 'jsonl'], ['latin1'], ['small', 'city'], ['bash', 'zsh', 'fish'], ['zsh'], ['verify'], ['verify'], [], ['add'], [], []]);
  });
});

describe('cswb completion zsh and fish', () => {
  it.each(['zsh', 'fish'])('prints a %s script naming every command and declared option', (shell) => {
    const printed = run('completion', shell);
    expect([printed.status, printed.stderr]).toEqual([0, '']);
    for (const command of COMMANDS) {
      expect(printed.stdout).toMatch(new RegExp(shell === 'zsh' ? `^    '${command.name}:` : `-a ${command.name} -d `, 'm'));
      for (const option of Object.keys(command.options)) {
        expect(printed.stdout).toMatch(new RegExp(shell === 'zsh' ? `--${option}'\\[` : `__fish_seen_subcommand_from ${command.name}"( -s \\w)? -l ${option}\\b`));
      }
    }
  });
});

describe('cswb completion refusals', () => {
  it('refuses a shell it has no script for, or none, as a usage error (exit 2)', () => {
    const help = run('help', 'completion').stdout;
    const unknown = run('completion', 'tcsh');
    expect([unknown.status, unknown.stdout, unknown.stderr]).toEqual([2, '', `cswb completion: unknown shell "tcsh": bash, zsh or fish\n\n${help}`]);
    // An inherited property name is not a shell either.
    expect(run('completion', 'constructor').status).toBe(2);
    const none = run('completion');
    expect([none.status, none.stderr]).toEqual([2, `cswb completion: expected one shell: bash, zsh or fish\n\n${help}`]);
    expect(run('completion', 'bash', 'zsh').status).toBe(2);
  });
});
