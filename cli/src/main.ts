#!/usr/bin/env node
import './productionDefaults';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, ParseArgsConfig } from 'node:util';
import type { CommandDeclaration, ParsedValues } from './commands/CommandDeclaration';
import { commandHelp, overviewHelp } from './commands/help';
import { COMMANDS, findCommand } from './commands/registry';
import { UsageError } from './commands/UsageError';

function unknownCommand(name: string): number {
  process.stderr.write(`cswb: unknown command "${name}"\n\n${overviewHelp(COMMANDS)}`);
  return 2;
}

/** Parses `args` strictly against the command's declared options (and `--help`), then runs it. */
async function runCommand(command: CommandDeclaration, args: string[]): Promise<number> {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h', default: false } };
  for (const [name, { type, short, default: fallback }] of Object.entries(command.options)) {
    // parseArgs refuses a `short` or `default` key that is present but undefined.
    options[name] = { type, ...(short !== undefined ? { short } : {}), ...(fallback !== undefined ? { default: fallback } : {}) };
  }
  const { values, positionals, tokens } = parseArgs({ args, options, allowPositionals: command.arguments !== undefined, strict: true, tokens: true });
  if (values.help) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  try {
    // parseArgs keeps the last of a repeated option: `audit verify --subgraph police --subgraph health`
    // would check health alone and report success.
    const given = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
    const repeated = given.find((name, index) => given.indexOf(name) !== index);
    if (repeated) throw new UsageError(`--${repeated} is given more than once`);
    const missing = Object.entries(command.options).find(([name, option]) => option.required && values[name] === undefined);
    if (missing) throw new UsageError(`--${missing[0]} is required`);
    // No option is declared `multiple`: every value is a string or a boolean.
    return await command.run({ values: values as ParsedValues<CommandDeclaration['options']>, positionals, commands: COMMANDS });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`cswb ${command.name}: ${error.message}\n\n${commandHelp(command)}`);
    return 2;
  }
}

/** The CLI package's own version (cli/package.json, beside dist/). */
function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    process.stdout.write(overviewHelp(COMMANDS));
    return 0;
  }
  if ((name === '--version' || name === '-V') && rest.length === 0) {
    process.stdout.write(`cswb ${version()}\n`);
    return 0;
  }
  if (name === 'help') {
    const command = findCommand(rest[0]);
    if (!command) return unknownCommand(rest[0]);
    process.stdout.write(commandHelp(command));
    return 0;
  }
  const command = findCommand(name);
  return command ? runCommand(command, rest) : unknownCommand(name);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`cswb: ${(error as Error).message}\n`);
    // util.parseArgs refusing the command line (an unknown option, a missing value, an argument
    // the command does not take) is a usage error like the others.
    process.exit(String(error?.code).startsWith('ERR_PARSE_ARGS_') ? 2 : 1);
  },
);
