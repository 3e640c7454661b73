import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '@cswb/cli/dist/commands/registry';
import { CLI_MAIN } from '@cswb/testing/cli';

/**
 * The zsh and fish scripts in the real shells (npm run test:pack; CI installs zsh and fish).
 * bash is tested in completion.test.ts, part of npm test.
 */

const script = (shell: string) => {
  const printed = spawnSync(process.execPath, [CLI_MAIN, 'completion', shell], { encoding: 'utf8' });
  expect([printed.status, printed.stderr]).toEqual([0, '']);
  return printed.stdout;
};
const longFlags = (command: (typeof COMMANDS)[number]) => [...Object.keys(command.options).map((name) => `--${name}`), '--help'];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-shells-'));
  fs.mkdirSync(path.join(dir, 'zsh'));
  fs.writeFileSync(path.join(dir, 'zsh', '_cswb'), script('zsh'));
  fs.writeFileSync(path.join(dir, 'cswb.fish'), script('fish'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cswb completion fish, in real fish', () => {
  it('passes fish -n', () => {
    const result = spawnSync('fish', ['-n', path.join(dir, 'cswb.fish')], { encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  /** `complete -C` is what fish offers at the end of each line: the candidates, without descriptions. */
  function fishComplete(lines: string[]): string[][] {
    const calls = lines.map((line) => `set -l candidates (complete -C ${JSON.stringify(line)} | string replace -r '\\t.*' ''); echo "$candidates"`);
    const result = spawnSync('fish', ['--no-config', '-c', [`source ${path.join(dir, 'cswb.fish')}`, ...calls].join('\n')], { encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, '']);
    return result.stdout.split('\n').slice(0, lines.length).map((line) => (line === '' ? [] : line.split(' ').filter(Boolean)));
  }

  it('completes commands, every declared flag, listed values and arguments', () => {
    const names = COMMANDS.map((c) => c.name);
    const [all, tok, dash, ...rest] = fishComplete(['cswb ', 'cswb tok', 'cswb --', ...COMMANDS.map((c) => `cswb ${c.name} --`), 'cswb import --format ', 'cswb audit ', 'cswb completion ', 'cswb help ce']);
    expect(all.sort()).toEqual([...names, 'help'].sort());
    expect(tok).toEqual(['token']);
    expect(dash.sort()).toEqual(['--help', '--version']);
    COMMANDS.forEach((command, i) => expect(rest[i].sort()).toEqual(longFlags(command).sort()));
    expect(rest.slice(COMMANDS.length)).toEqual([['csv', 'jsonl'], ['verify'], ['bash', 'fish', 'zsh'], ['certs']]);
  });
});

describe('cswb completion zsh, in real zsh', () => {
  it('passes zsh -n and registers _cswb for cswb when sourced after compinit, or autoloaded from $fpath', () => {
    const file = path.join(dir, 'zsh', '_cswb');
    const syntax = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect([syntax.status, syntax.stderr]).toEqual([0, '']);
    const registered = spawnSync(
      'zsh',
      ['-f', '-c', `autoload -U compinit && compinit -u -D && source ${file} && print -r -- $_comps[cswb]; fpath=(${path.dirname(file)} $fpath); compinit -u -D; print -r -- $_comps[cswb]`],
      { encoding: 'utf8' },
    );
    expect([registered.status, registered.stdout, registered.stderr]).toEqual([0, '_cswb\n_cswb\n', '']);
  });

  /**
   * An interactive zsh on a pseudo-terminal (zsh/zpty): once its prompt is drawn (typed earlier, the
   * line can be echoed before the line editor takes it and drawn twice), the line typed, then Tab, and what the
   * shell draws read until they match the glob `until` (a completion that never comes is the child's timeout).
   */
  function zshTab(line: string, until: string): string {
    const zshScript = `
setopt extendedglob
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z 'PS1="rea""dy> "; fpath=(${path.join(dir, 'zsh')} $fpath); autoload -U compinit; compinit -u -D; cswb() { :; }'
zpty -r z setup '*ready> *'
zpty -w -n z ${JSON.stringify(line)}$'\\t'
zpty -r z out ${JSON.stringify(until)}
print -r -- "\${out//$'\\e'\\[[0-9;?]#[a-zA-Z]/}"
zpty -d z
`;
    const result = spawnSync('zsh', ['-f', '-c', zshScript], { encoding: 'utf8', timeout: 60_000 });
    expect([result.status, result.signal]).toEqual([0, null]);
    // What the shell drew after the typed line came back.
    return result.stdout.slice(result.stdout.indexOf(line) + line.length);
  }
  /** A glob for zpty -r: `word` drawn after the typed line. */
  const drawnAfter = (line: string, word: string) => `*${line}*${word}*`;
  /** A glob for zpty -r: a list drawn, then the line drawn again below it. */
  const listed = (line: string) => `*${line}*${line.trimEnd()}*`;

  it('completes a command name', () => {
    expect(zshTab('cswb tok', drawnAfter('cswb tok', 'en')).trim()).toBe('en');
  });

  it.each(COMMANDS.map((c) => c.name))('lists the flags declared by %s', (name) => {
    const flags = longFlags(COMMANDS.find((c) => c.name === name)!);
    const line = `cswb ${name} --`;
    const drawn = zshTab(line, flags.length === 1 ? drawnAfter(line, 'help') : listed(line));
    for (const flag of flags) expect(drawn).toContain(flags.length === 1 ? flag.slice(2) : flag);
  });

  it('completes listed values and arguments', () => {
    const formats = zshTab('cswb import --format ', listed('cswb import --format '));
    for (const format of ['csv', 'jsonl']) expect(formats).toContain(format);
    expect(zshTab('cswb audit ', drawnAfter('cswb audit ', 'verify')).trim()).toBe('verify');
    const shells = zshTab('cswb completion ', listed('cswb completion '));
    for (const shell of ['bash', 'fish', 'zsh']) expect(shells).toContain(shell);
  });
});
