import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { OperationLimitsConfig } from '../config/config';
import { ErrorCode } from '../errors/ErrorCode';
import { countTokens } from './countTokens';
import { measureDocument } from './measureDocument';
import { costOf, OperationMeasures } from './OperationMeasures';
import { OperationLimitError, type OperationLimitCode } from './OperationLimitError';

/** The document's source has more tokens than `maxTokens`: checked before it is parsed. */
export function tokenLimitError(source: string, limits: Pick<OperationLimitsConfig, 'maxTokens'>): OperationLimitError | undefined {
  if (!limits.maxTokens || countTokens(source, limits.maxTokens + 1) <= limits.maxTokens) return undefined;
  return new OperationLimitError(ErrorCode.TOO_MANY_TOKENS, `The document has more than ${limits.maxTokens} tokens; at most ${limits.maxTokens} are allowed`, {
    maxTokens: limits.maxTokens,
  });
}

type Definition = OperationDefinitionNode | FragmentDefinitionNode;

function subject(definition: Definition): string {
  if (definition.kind === 'FragmentDefinition') return `Fragment "${definition.name.value}"`;
  return definition.name ? `Operation "${definition.name.value}"` : 'The operation';
}

function figure(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function amount(value: number): string {
  return Number.isFinite(value) ? String(value) : `more than ${Number.MAX_SAFE_INTEGER}`;
}

interface Limit {
  code: OperationLimitCode;
  max: (limits: OperationLimitsConfig) => number;
  measure: (measures: OperationMeasures) => number;
  /** Only operations have root fields. */
  operationsOnly?: boolean;
  message: (name: string, value: string, max: number) => string;
  figures: (value: number | null, max: number) => Record<string, number | null>;
}

const LIMITS: readonly Limit[] = [
  {
    code: ErrorCode.OPERATION_TOO_DEEP,
    max: (l) => l.maxDepth,
    measure: (m) => m.depth,
    message: (name, value, max) => `${name} is ${value} levels deep; at most ${max} are allowed`,
    figures: (depth, maxDepth) => ({ depth, maxDepth }),
  },
  {
    code: ErrorCode.TOO_MANY_ALIASES,
    max: (l) => l.maxAliases,
    measure: (m) => m.aliases,
    message: (name, value, max) => `${name} uses ${value} aliases; at most ${max} are allowed`,
    figures: (aliases, maxAliases) => ({ aliases, maxAliases }),
  },
  {
    code: ErrorCode.TOO_MANY_ROOT_FIELDS,
    max: (l) => l.maxRootFields,
    measure: (m) => m.topLevelFields,
    operationsOnly: true,
    message: (name, value, max) => `${name} selects ${value} root fields; at most ${max} are allowed`,
    figures: (rootFields, maxRootFields) => ({ rootFields, maxRootFields }),
  },
  {
    code: ErrorCode.TOO_MANY_DIRECTIVES,
    max: (l) => l.maxDirectives,
    measure: (m) => m.directives,
    message: (name, value, max) => `${name} uses ${value} directives; at most ${max} are allowed`,
    figures: (directives, maxDirectives) => ({ directives, maxDirectives }),
  },
  {
    code: ErrorCode.TOO_MANY_FIELDS,
    max: (l) => l.maxFields,
    measure: (m) => m.selectedFields,
    message: (name, value, max) => `${name} selects ${value} fields once its fragments are expanded; at most ${max} are allowed`,
    figures: (fields, maxFields) => ({ fields, maxFields }),
  },
  {
    code: ErrorCode.OPERATION_TOO_COSTLY,
    max: (l) => l.maxCost,
    measure: costOf,
    message: (name, value, max) => `${name} has an estimated cost of ${value}; at most ${max} is allowed`,
    figures: (cost, maxCost) => ({ cost, maxCost }),
  },
];

/**
 * Every operation limit a parsed document exceeds, one error per limit (on the first operation or
 * fragment over it), measured in time linear in the document (`measureDocument`): meant to run
 * before graphql-js validation, which can itself take exponential time on a fragment fan-out.
 */
export function operationLimitErrors(document: DocumentNode, schema: GraphQLSchema | undefined, limits: OperationLimitsConfig): OperationLimitError[] {
  const checked = LIMITS.filter((limit) => limit.max(limits) > 0);
  if (checked.length === 0) return [];
  const { operations, fragments } = measureDocument(document, schema, limits.listSize);
  const errors: OperationLimitError[] = [];
  for (const limit of checked) {
    const max = limit.max(limits);
    const over = [...operations, ...(limit.operationsOnly ? [] : fragments)].find(({ measures }) => limit.measure(measures) > max);
    if (!over) continue;
    const value = limit.measure(over.measures);
    errors.push(new OperationLimitError(limit.code, limit.message(subject(over.definition), amount(value), max), limit.figures(figure(value), max), over.definition));
  }
  return errors;
}
