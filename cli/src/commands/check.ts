import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { subgraphSchema } from '@cswb/subgraph-kit/server';
import { GraphQLError, GraphQLSchema, parse, Source, validate } from 'graphql';
import { composeSupergraph, CompositionError, SUPERGRAPH_FILE } from '../compose';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';

export const QUERIES_DIR = path.join(PROJECT_ROOT, 'docs', 'queries');

/** A usage problem: exit 2. */
class UsageError extends Error {}

const GROUPS: { level: CriticalityLevel; title: string }[] = [
  { level: CriticalityLevel.Breaking, title: 'BREAKING' },
  { level: CriticalityLevel.Dangerous, title: 'DANGEROUS' },
  { level: CriticalityLevel.NonBreaking, title: 'SAFE' },
];

/**
 * The schema clients see through the gateway: Apollo's own supergraph → API schema
 * transformation, which drops the join__/link__ machinery, the federation directives and
 * @inaccessible elements. The supergraph links @requiresScopes and @policy (`for: SECURITY`),
 * which the gateway enforces, so the router's feature set is the one to accept.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES })
    .apiSchema()
    .toGraphQLJSSchema();
}

export interface DocumentProblem {
  file: string;
  errors: readonly GraphQLError[];
}

/** Every docs/queries/*.graphql document that does not validate against `schema`. */
export function invalidDocuments(schema: GraphQLSchema, dir = QUERIES_DIR): { checked: number; problems: DocumentProblem[] } {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort() : [];
  const problems: DocumentProblem[] = [];
  for (const file of files) {
    const relative = path.relative(PROJECT_ROOT, path.join(dir, file));
    const body = fs.readFileSync(path.join(dir, file), 'utf8');
    try {
      const errors = validate(schema, parse(new Source(body, relative)));
      if (errors.length) problems.push({ file: relative, errors });
    } catch (error) {
      problems.push({ file: relative, errors: [error as GraphQLError] });
    }
  }
  return { checked: files.length, problems };
}

function readProposedSchema(file: string): string {
  let sdl: string;
  try {
    sdl = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --schema file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    parse(sdl);
  } catch (error) {
    throw new UsageError(`--schema file ${file} is not valid GraphQL SDL: ${(error as Error).message}`);
  }
  return sdl;
}

function style(code: number, text: string): string {
  return process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${text}\x1b[0m` : text;
}

export function location(error: GraphQLError): string {
  const at = error.locations?.[0];
  return at ? ` (line ${at.line}, column ${at.column})` : '';
}

function reportChanges(changes: readonly Change[], out: string[]): void {
  if (changes.length === 0) {
    out.push('API schema: no changes.');
    return;
  }
  for (const { level, title } of GROUPS) {
    const group = changes.filter((c) => c.criticality.level === level);
    if (group.length === 0) continue;
    const colour = level === CriticalityLevel.Breaking ? 31 : level === CriticalityLevel.Dangerous ? 33 : 32;
    out.push(style(colour, `${title} (${group.length}):`));
    for (const change of group) {
      out.push(`  - ${change.message}${change.path ? `  [${change.path}]` : ''}`);
      if (level !== CriticalityLevel.NonBreaking && change.criticality.reason) out.push(`      ${change.criticality.reason}`);
    }
  }
}

/** `cswb check <subgraph> [--schema <file>]`. */
export async function check(args: { subgraph: string; schema?: string }): Promise<number> {
  try {
    const subgraphs = discoverSubgraphs();
    const target = subgraphs.find((s) => s.definition.name === args.subgraph);
    if (!target) {
      throw new UsageError(`unknown subgraph "${args.subgraph}"; known subgraphs: ${subgraphs.map((s) => s.definition.name).join(', ')}`);
    }
    const proposed = args.schema ? readProposedSchema(path.resolve(args.schema)) : undefined;
    const source = args.schema ? args.schema : `the current code of subgraphs/${path.basename(target.dir)}`;

    const out: string[] = [`Checking subgraph "${args.subgraph}" with the schema from ${source}`, ''];
    const built = await Promise.all(
      subgraphs.map(async ({ definition }) => ({
        name: definition.name,
        defaultPort: definition.defaultPort,
        sdl: definition === target.definition && proposed !== undefined ? proposed : (await subgraphSchema(definition)).sdl,
      })),
    );

    let supergraph: string;
    try {
      supergraph = composeSupergraph(built);
    } catch (error) {
      if (!(error instanceof CompositionError)) throw error;
      out.push(style(31, 'Composition: FAILED'), ...error.problems.map((p) => `  - ${p}`), '', 'Check failed: the supergraph does not compose.');
      process.stdout.write(`${out.join('\n')}\n`);
      return 1;
    }
    out.push('Composition: ok', '');

    const committed = apiSchemaOf(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'));
    const next = apiSchemaOf(supergraph);
    const changes = await diff(committed, next);
    out.push(`Changes to the API schema against the committed ${path.relative(PROJECT_ROOT, SUPERGRAPH_FILE)}:`);
    reportChanges(changes, out);
    out.push('');

    const documents = invalidDocuments(next);
    if (documents.problems.length === 0) {
      out.push(`Documented queries: all ${documents.checked} in ${path.relative(PROJECT_ROOT, QUERIES_DIR)} are valid.`);
    } else {
      out.push(style(31, `Documented queries: ${documents.problems.length} of ${documents.checked} no longer valid:`));
      for (const problem of documents.problems) {
        out.push(`  ${problem.file}`);
        for (const error of problem.errors) out.push(`    - ${error.message}${location(error)}`);
      }
    }
    out.push('');

    const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).length;
    const failed = breaking > 0 || documents.problems.length > 0;
    if (failed) {
      const reasons = [
        ...(breaking ? [`${breaking} breaking change${breaking === 1 ? '' : 's'}`] : []),
        ...(documents.problems.length ? [`${documents.problems.length} invalid documented quer${documents.problems.length === 1 ? 'y' : 'ies'}`] : []),
      ];
      out.push(style(31, `Check failed: ${reasons.join(', ')}.`));
    } else {
      out.push(style(32, `Check passed: no breaking changes; every documented query is valid.`));
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return failed ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`cswb check: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
