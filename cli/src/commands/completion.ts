import type { CommandDeclaration } from './CommandDeclaration';
import { UsageError } from './UsageError';

/** What a completion script needs of one option, from its declaration. */
interface CompletedOption {
  long: string;
  short?: string;
  takesValue: boolean;
  /** An option's value or an argument declared as literal alternatives (`csv|jsonl`). */
  choices: string[];
  description: string;
}

interface CompletedCommand {
  name: string;
  summary: string;
  options: CompletedOption[];
  /** The choices of the first argument (`verify`, `add`, `bash|zsh|fish`); none for `<name>`. */
  firstArgument: string[];
  /** Declares an argument with a placeholder (`<file>`, `<name>`): complete file names there. */
  takesFiles: boolean;
}

/** `a|b|c` or a single literal word: the values; a placeholder (`<file>`, `N`) has none. */
function choicesOf(value: string | undefined): string[] {
  if (value === undefined || !/^[a-z][a-z0-9-]*(\|[a-z0-9-]+)*$/.test(value)) return [];
  return value.split('|');
}

/** Every option `main.ts` parses for a command: the declared ones and -h/--help. */
function completedCommand(command: CommandDeclaration): CompletedCommand {
  const options: CompletedOption[] = Object.entries(command.options).map(([long, option]) => ({
    long,
    short: option.short,
    takesValue: option.type === 'string',
    choices: option.type === 'string' ? choicesOf(option.value) : [],
    description: option.description,
  }));
  options.push({ long: 'help', short: 'h', takesValue: false, choices: [], description: 'Print this help' });
  return {
    name: command.name,
    summary: command.summary,
    options,
    firstArgument: choicesOf(command.arguments?.split(' ')[0]),
    takesFiles: command.arguments?.includes('<') ?? false,
  };
}

const TOP_LEVEL_FLAGS = ['--help', '-h', '--version', '-V'];
const HELP = { name: 'help', summary: "A command's options and details" };

/** One line: the first sentence of a summary, for the shells that show descriptions. */
function brief(text: string): string {
  return text.split(/[:;(]/)[0].trim();
}

function flagsOf(command: CompletedCommand): string[] {
  return command.options.flatMap((o) => [`--${o.long}`, ...(o.short ? [`-${o.short}`] : [])]);
}

export function bashScript(commands: CompletedCommand[]): string {
  const names = [...commands.map((c) => c.name), HELP.name].join(' ');
  const cases = commands.map((command) => {
    const valued = command.options.filter((o) => o.takesValue).flatMap((o) => [`--${o.long}`, ...(o.short ? [`-${o.short}`] : [])]);
    const choices = command.options
      .filter((o) => o.choices.length > 0)
      .map((o) => `        ${[`--${o.long}`, ...(o.short ? [`-${o.short}`] : [])].join('|')}) COMPREPLY=($(compgen -W "${o.choices.join(' ')}" -- "$cur")); return ;;`);
    return [
      `    ${command.name})`,
      `      flags="${flagsOf(command).join(' ')}"`,
      `      valued=" ${valued.join(' ')} "`,
      `      first="${command.firstArgument.join(' ')}" files=${command.takesFiles ? 'yes' : 'no'}`,
      ...(choices.length > 0 ? ['      case $prev in', ...choices, '      esac'] : []),
      '      ;;',
    ].join('\n');
  });
  return `# bash completion for cswb (cswb completion bash): generated from the command declarations.
_cswb() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local commands="${names}"
  COMPREPLY=()
  if (( COMP_CWORD == 1 )); then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "${TOP_LEVEL_FLAGS.join(' ')}" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    return
  fi
  local flags valued first files
  case \${COMP_WORDS[1]} in
    help)
      (( COMP_CWORD == 2 )) && COMPREPLY=($(compgen -W "$commands" -- "$cur"))
      return
      ;;
${cases.join('\n')}
    *) return ;;
  esac
  # An option that takes a value: the value (files, unless its values are listed above).
  [[ $valued == *" $prev "* ]] && return
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    return
  fi
  # The first argument, if the command lists its choices: count the arguments before this word.
  local i word arguments=0
  for (( i = 2; i < COMP_CWORD; i++ )); do
    word=\${COMP_WORDS[i]}
    if [[ $word == -* ]]; then continue; fi
    [[ $valued == *" \${COMP_WORDS[i-1]} "* ]] && continue
    (( arguments++ ))
  done
  if (( arguments == 0 )) && [[ -n $first ]]; then
    COMPREPLY=($(compgen -W "$first" -- "$cur"))
  elif [[ $files == no ]]; then
    compopt +o default 2>/dev/null
  fi
  return 0
}
complete -o default -F _cswb cswb
`;
}

/** Text inside single quotes in zsh: ' closes the quote. */
function zshQuoted(text: string): string {
  return text.replace(/'/g, `'\\''`);
}

/** An _arguments description: [ and ] delimit it, : separates the parts of a spec. */
function zshDescription(text: string): string {
  return zshQuoted(text.replace(/[[\]:\\]/g, (c) => `\\${c}`));
}

export function zshScript(commands: CompletedCommand[]): string {
  const described = [...commands, HELP].map((c) => `    '${c.name}:${zshQuoted(brief(c.summary))}'`);
  const cases = commands.map((command) => {
    const specs = command.options.map((o) => {
      const names = o.short ? `{-${o.short},--${o.long}}` : `--${o.long}`;
      const exclusive = o.short ? `'(-${o.short} --${o.long})'` : '';
      const action = o.takesValue ? `:${o.long}:${o.choices.length > 0 ? `(${o.choices.join(' ')})` : '_files'}` : '';
      return `        ${exclusive}${names}'[${zshDescription(brief(o.description))}]${action}'`;
    });
    const positional = [
      ...(command.firstArgument.length > 0 ? [`'1:argument:(${command.firstArgument.join(' ')})'`] : []),
      ...(command.takesFiles ? [`'*:file:_files'`] : []),
    ].map((spec) => `        ${spec}`);
    const lines = [...specs, ...positional];
    return [`    ${command.name})`, '      _arguments -s \\', ...lines.map((line, i) => (i < lines.length - 1 ? `${line} \\` : line)), '      ;;'].join('\n');
  });
  return `#compdef cswb
# zsh completion for cswb (cswb completion zsh): generated from the command declarations.
_cswb() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    if [[ $PREFIX == -* ]]; then
      compadd -- ${TOP_LEVEL_FLAGS.join(' ')}
    else
      _describe -t commands 'cswb command' commands
    fi
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
    help)
      (( CURRENT == 2 )) && _describe -t commands 'cswb command' commands
      ;;
${cases.join('\n')}
  esac
}
# Autoloaded from $fpath: complete now; sourced: register.
if [[ $funcstack[1] == _cswb ]]; then
  _cswb "$@"
else
  compdef _cswb cswb
fi
`;
}

/** Text inside single quotes in fish: \\ and \\' are its escapes. */
function fishQuoted(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

export function fishScript(commands: CompletedCommand[]): string {
  const names = [...commands.map((c) => c.name), HELP.name].join(' ');
  const lines = [
    '# fish completion for cswb (cswb completion fish): generated from the command declarations.',
    'complete -c cswb -f',
    `complete -c cswb -n "not __fish_seen_subcommand_from ${names}" -s h -l help -d 'Print the help'`,
    `complete -c cswb -n "not __fish_seen_subcommand_from ${names}" -s V -l version -d 'Print the version'`,
    ...[...commands, HELP].map((c) => `complete -c cswb -n "not __fish_seen_subcommand_from ${names}" -a ${c.name} -d ${fishQuoted(brief(c.summary))}`),
    `complete -c cswb -n "__fish_seen_subcommand_from help; and test (count (commandline -opc)) -eq 2" -a ${fishQuoted(commands.map((c) => c.name).join(' '))}`,
  ];
  for (const command of commands) {
    const when = `"__fish_seen_subcommand_from ${command.name}"`;
    for (const o of command.options) {
      const short = o.short ? ` -s ${o.short}` : '';
      const value = o.takesValue ? (o.choices.length > 0 ? ` -x -a ${fishQuoted(o.choices.join(' '))}` : ' -r -F') : '';
      lines.push(`complete -c cswb -n ${when}${short} -l ${o.long}${value} -d ${fishQuoted(brief(o.description))}`);
    }
    if (command.firstArgument.length > 0) {
      lines.push(`complete -c cswb -n "__fish_seen_subcommand_from ${command.name}; and test (count (commandline -opc)) -eq 2" -a ${fishQuoted(command.firstArgument.join(' '))}`);
    }
    if (command.takesFiles) lines.push(`complete -c cswb -n ${when} -F`);
  }
  return `${lines.join('\n')}\n`;
}

const SCRIPTS: Record<string, (commands: CompletedCommand[]) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

/** `cswb completion <shell>`: the script for `commands` (the registered ones) on stdout. */
export async function completion(shell: string, commands: readonly CommandDeclaration[]): Promise<number> {
  const script = Object.hasOwn(SCRIPTS, shell) ? SCRIPTS[shell] : undefined;
  if (!script) throw new UsageError(`unknown shell "${shell}": bash, zsh or fish`);
  process.stdout.write(script(commands.map(completedCommand)));
  return 0;
}
