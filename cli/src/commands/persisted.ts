import * as fs from 'node:fs';
import * as path from 'node:path';
import { readGatewayConfig, type OperationLimitsConfig } from '@cswb/contract/config';
import { operationLimitErrors, tokenLimitError } from '@cswb/contract/limits';
import { manifestEntryProblem, readManifest, servedSchema } from '@cswb/gateway';
import { GraphQLError, GraphQLSchema, parse, validate } from 'graphql';
import { SUPERGRAPH_FILE } from '../compose';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { location } from './check';
import { UsageError } from './UsageError';

const DASHBOARD_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Why the gateway would not run this document, or undefined when it would: its id, its text, the API schema, the operation limits. */
function documentProblem(hash: string, document: string, schema: GraphQLSchema, limits: OperationLimitsConfig): string | undefined {
  const hashProblem = manifestEntryProblem(hash, document);
  if (hashProblem) return hashProblem;
  const tooLong = tokenLimitError(document, limits);
  if (tooLong) return tooLong.message;
  let errors: readonly GraphQLError[];
  try {
    const ast = parse(document);
    errors = validate(schema, ast);
    if (errors.length === 0) errors = operationLimitErrors(ast, schema, limits);
  } catch (error) {
    errors = [error as GraphQLError];
  }
  return errors.length ? errors.map((error) => `${error.message}${location(error)}`).join('; ') : undefined;
}

/** Each entry of `manifest` the gateway would not run, as `entry "<hash>": <why>`. */
export function manifestProblems(manifest: Record<string, string>, schema: GraphQLSchema, limits: OperationLimitsConfig): string[] {
  return Object.entries(manifest).flatMap(([hash, document]) => {
    const problem = documentProblem(hash, document, schema, limits);
    return problem ? [`entry "${hash}": ${problem}`] : [];
  });
}

/**
 * `cswb persisted add <manifest.json> --name <dashboard>`: checks every entry against the API
 * schema and limits the gateway is configured with, then stores the manifest in its
 * PERSISTED_DOCUMENTS_DIR; one refused entry and nothing is stored.
 */
export async function persistedAdd(args: { manifest: string; name: string }): Promise<number> {
  if (!DASHBOARD_NAME.test(args.name)) {
    throw new UsageError(`--name must be lowercase letters, digits and hyphens (at most 63), starting with a letter or digit, got "${args.name}"`);
  }
  const config = readGatewayConfig(process.env, discoverSubgraphs().map((s) => s.definition.name), SUPERGRAPH_FILE);
  const refuse = (reason: string, details: string[] = []) => {
    process.stderr.write(`cswb persisted add: ${args.manifest} refused, nothing registered: ${reason}\n${details.map((d) => `  ${d}\n`).join('')}`);
    return 1;
  };
  let manifest: Record<string, string>;
  try {
    manifest = readManifest(args.manifest);
  } catch (error) {
    return refuse((error as Error).message);
  }
  const entries = Object.keys(manifest).length;
  if (entries === 0) return refuse('the manifest has no entries');
  const schema = servedSchema(fs.readFileSync(config.supergraphPath, 'utf8'));
  const problems = manifestProblems(manifest, schema, config.limits);
  if (problems.length) return refuse(`${problems.length} of ${entries} entries would not run`, problems);

  const dir = config.persistedDocuments.registeredDir;
  const target = path.join(dir, `${args.name}.json`);
  fs.mkdirSync(dir, { recursive: true });
  // Renamed into place: a gateway starting meanwhile reads the old manifest or the new one, never half of one.
  const partial = path.join(dir, `.${args.name}.json.partial`);
  fs.writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(partial, target);
  process.stdout.write(
    `Registered ${entries} persisted document${entries === 1 ? '' : 's'} of "${args.name}" as ${target}; the gateway serves them from its next start.\n`,
  );
  return 0;
}
