/** One option of a command, as `util.parseArgs` takes it plus what the help shows. */
export interface OptionDeclaration {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  /** The value's placeholder in the help: `--schema <file.graphql>`, `--size small|city`. */
  value?: string;
  /** Refused (exit 2, "--<name> is required") when absent. */
  required?: boolean;
  description: string;
}

export type OptionDeclarations = Record<string, OptionDeclaration>;

type OptionValue<T extends OptionDeclaration['type']> = T extends 'boolean' ? boolean : string;

/** The parsed values: typed by the declaration, never undefined when it has a default or is required. */
export type ParsedValues<O extends OptionDeclarations> = {
  [K in keyof O]: O[K] extends { default: unknown } | { required: true } ? OptionValue<O[K]['type']> : OptionValue<O[K]['type']> | undefined;
};

export interface ParsedCommandLine<O extends OptionDeclarations> {
  values: ParsedValues<O>;
  positionals: string[];
  /** Every registered command, for a command that describes them (completion). */
  commands: readonly CommandDeclaration[];
}

/**
 * A `cswb` command: what `main.ts` parses the command line against, what the help is generated
 * from, and what runs. `run` loads the command's implementation itself, so that `cswb token`
 * need not load the gateway runtime, the composition library or the benchmark tools.
 */
export interface CommandDeclaration<O extends OptionDeclarations = OptionDeclarations> {
  name: string;
  /** The positional arguments as the help shows them (`<sector> <dataset> <file>`); none when absent. */
  arguments?: string;
  /** One paragraph for `cswb --help`. */
  summary: string;
  /** More for `cswb help <command>`, after the options (built when asked: it may load modules). */
  details?: () => string;
  options: O;
  run(parsed: ParsedCommandLine<O>): Promise<number>;
}

/** Keeps the option names' types for `run`. */
export function defineCommand<const O extends OptionDeclarations>(declaration: CommandDeclaration<O>): CommandDeclaration<O> {
  return declaration;
}
