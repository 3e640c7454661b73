import type { CommandDeclaration, OptionDeclaration } from './CommandDeclaration';

const WIDTH = 100;
/** Where the descriptions start in the lists of commands and options. */
const COLUMN = 22;

/** `text` in lines of at most WIDTH characters, each after `indent` spaces. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`);
}

/** A term and its description, on one line when the term leaves room, else the description below it. */
function entry(term: string, description: string): string[] {
  const described = wrap(description, COLUMN);
  const head = `  ${term}`;
  if (head.length < COLUMN - 1) return [`${head.padEnd(COLUMN)}${described[0].trimStart()}`, ...described.slice(1)];
  return [head, ...described];
}

function optionSynopsis(name: string, option: OptionDeclaration): string {
  const flag = option.type === 'boolean' ? `--${name}` : `--${name} ${option.value ?? '<value>'}`;
  return option.required ? flag : `[${flag}]`;
}

/** `check <subgraph> [--schema <file.graphql>]` */
export function commandSynopsis(command: CommandDeclaration): string {
  const options = Object.entries(command.options).map(([name, option]) => optionSynopsis(name, option));
  return [command.name, ...(command.arguments ? [command.arguments] : []), ...options].join(' ');
}

/** `cswb --help`: every command with its synopsis and summary. */
export function overviewHelp(commands: readonly CommandDeclaration[]): string {
  return [
    'Usage: cswb <command> [options]',
    '',
    'Commands:',
    ...commands.flatMap((command) => entry(commandSynopsis(command), command.summary)),
    '',
    "cswb help <command> (or cswb <command> --help): the command's options and details. cswb --version: the version.",
    'Environment: see README.md, "Configuration".',
    '',
  ].join('\n');
}

/** `cswb help <command>`: its synopsis, summary, every option and the details. */
export function commandHelp(command: CommandDeclaration): string {
  const options = Object.entries(command.options).flatMap(([name, option]) => {
    const short = option.short ? `-${option.short}, ` : '';
    const flag = option.type === 'boolean' ? `--${name}` : `--${name} ${option.value ?? '<value>'}`;
    const fallback = option.type === 'string' && option.default !== undefined ? ` (default ${option.default})` : '';
    return entry(`${short}${flag}`, `${option.description}${fallback}${option.required ? ' (required)' : ''}`);
  });
  const details = command.details?.();
  return [
    `Usage: cswb ${commandSynopsis(command)}`,
    '',
    ...wrap(command.summary, 0),
    '',
    'Options:',
    ...options,
    ...entry('-h, --help', 'Print this help'),
    ...(details ? ['', details.trimEnd()] : []),
    '',
  ].join('\n');
}
