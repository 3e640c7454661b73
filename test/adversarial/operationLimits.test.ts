/**
 * Operation limits linear in the document (issue 13): the same limits at the gateway and at every
 * subgraph, measured without expanding fragments, checked before validation and planning. The
 * attack is a 1 KB document whose fragments each spread the next twice: its expansion doubles
 * with every level. Each refusal is paired with documents the hub serves, which still pass.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { PROJECT_ROOT } from '@cswb/cli';
import { readOperationLimits, type OperationLimitsConfig } from '@cswb/contract/config';
import { costOf, measureDocument, operationLimitErrors } from '@cswb/contract/limits';
import { createSubgraphServer, listen, ListeningServer } from '@cswb/subgraph-kit/server';
import { smallSyntheticCity } from '@cswb/testing/expected';
import { graphql, GraphQLResponse } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

const DEFAULTS: OperationLimitsConfig = readOperationLimits({});
const DEPTHS = [10, 20, 30, 60];
/** The bound on answering the fan-out document, at any depth. */
const ANSWER_WITHIN_MS = 100;
const NEIGHBOURHOOD = smallSyntheticCity().neighbourhoods[0];

/** `<root> fragment F0 on Area { id ...F1 ...F1 } … fragment F<depth> on Area { id }`: 2^(depth+1) − 1 fields once expanded. */
function fanOutFragments(depth: number): string {
  let fragments = '';
  for (let i = 0; i < depth; i++) fragments += ` fragment F${i} on Area { id ...F${i + 1} ...F${i + 1} }`;
  return `${fragments} fragment F${depth} on Area { id }`;
}
const gatewayFanOut = (depth: number) => `{ areas { ...F0 } }${fanOutFragments(depth)}`;
/** What a subgraph is sent: the fan-out under `_entities`, which every subgraph serves for Area. */
const subgraphFanOut = (depth: number) => `{ _entities(representations: [{ __typename: "Area", id: "${NEIGHBOURHOOD.id}" }]) { ...F0 } }${fanOutFragments(depth)}`;

/** Over MAX_FIELDS (500) from depth 8 (511 fields); over MAX_COST (100,000) too from depth 16. */
const expectedCodes = (depth: number) => ['TOO_MANY_FIELDS', ...(2 ** (depth + 1) > DEFAULTS.maxCost ? ['OPERATION_TOO_COSTLY'] : [])];

const codes = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.code);

async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const start = performance.now();
  const answer = await request();
  return { answer, ms: performance.now() - start };
}

/**
 * Every answer of `attempts` in turn, and the fastest time among them: one request on a loaded
 * machine can wait tens of milliseconds for the scheduler, while a document that expanded
 * exponentially would be slow every time.
 */
async function fastestOf<T>(attempts: number, request: () => Promise<T>): Promise<{ answers: T[]; ms: number }> {
  const answers: T[] = [];
  let ms = Infinity;
  for (let i = 0; i < attempts; i++) {
    const attempt = await timed(request);
    answers.push(attempt.answer);
    ms = Math.min(ms, attempt.ms);
  }
  return { answers, ms };
}
const ATTEMPTS = 3;

describe('measuring is linear in the document', () => {
  it('measures each fragment once, however often it is spread: the depth-60 fan-out walks 61 fragment bodies and costs more than any limit', () => {
    const document = parse(gatewayFanOut(60));
    const measured = measureDocument(document, undefined, DEFAULTS.listSize);
    expect(measured.fragmentBodiesWalked).toBe(61);
    expect(costOf(measured.operations[0].measures)).toBe(Infinity);
    const errors = operationLimitErrors(document, undefined, DEFAULTS);
    expect(errors.map((e) => e.extensions.code)).toEqual(['TOO_MANY_FIELDS', 'OPERATION_TOO_COSTLY']);
    expect(errors[0].extensions).toMatchObject({ fields: null, maxFields: DEFAULTS.maxFields });
    expect(errors[1].extensions).toMatchObject({ cost: null, maxCost: DEFAULTS.maxCost });
    expect(errors[1].message).toBe(`The operation has an estimated cost of more than ${Number.MAX_SAFE_INTEGER}; at most ${DEFAULTS.maxCost} is allowed`);
  });

  it('adds the measures of a fragment spread twice twice: the expansion is counted exactly, not walked', () => {
    for (const depth of [1, 5, 10, 20, 40]) {
      const measured = measureDocument(parse(gatewayFanOut(depth)), undefined, DEFAULTS.listSize);
      // areas (1) + every `id` of the expansion (2^(depth+1) − 1); unknown types: no list factor.
      expect(measured.operations[0].measures).toMatchObject({ selectedFields: 2 ** (depth + 1), depth: 2, aliases: 0 });
      expect(measured.fragmentBodiesWalked).toBe(depth + 1);
    }
  });

  it('counts aliases and directives through spreads too', () => {
    const fragments = Array.from({ length: 20 }, (_, i) => ` fragment A${i} on Query { x${i}: __typename @skip(if: false) ...A${i + 1} ...A${i + 1} }`).join('');
    const document = parse(`{ ...A0 }${fragments} fragment A20 on Query { __typename }`);
    const [{ measures }] = measureDocument(document, undefined, DEFAULTS.listSize).operations;
    expect(measures.aliases).toBe(2 ** 20 - 1);
    expect(measures.directives).toBe(2 ** 20 - 1);
    expect(operationLimitErrors(document, undefined, DEFAULTS).map((e) => e.extensions.code)).toEqual([
      'TOO_MANY_ALIASES',
      'TOO_MANY_DIRECTIVES',
      'TOO_MANY_FIELDS',
      'OPERATION_TOO_COSTLY',
    ]);
  });

  it('ends on fragments that spread each other, measuring them unbounded', () => {
    const document = parse('{ areas { ...A } } fragment A on Area { id ...B } fragment B on Area { name ...A }');
    const measured = measureDocument(document, undefined, DEFAULTS.listSize);
    expect(measured.operations[0].measures.depth).toBe(Infinity);
    expect(measured.fragmentBodiesWalked).toBe(2);
    expect(operationLimitErrors(document, undefined, DEFAULTS).map((e) => e.extensions.code)).toEqual(['OPERATION_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_FIELDS', 'OPERATION_TOO_COSTLY']);
  });

  it('never overflows into NaN or a wrapped number: lists nested deeper than 2^53 allows saturate to Infinity', () => {
    const nested = `{ ${'areas { '.repeat(20)}id${' }'.repeat(20)} }`;
    const measured = measureDocument(parse(nested), undefined, 10_000);
    expect(costOf(measured.operations[0].measures)).not.toBeNaN();
  });
});

describe('at the gateway and at every subgraph', () => {
  let stack: TestStack;
  let planner: Record<string, string>;

  beforeAll(async () => {
    // The production defaults: no limit is set for the test.
    stack = await startTestStack('oplimits');
    planner = bearer(await signToken({ sub: 'limits-planner', scope: 'aggregates:read plans:write', purpose: 'planning' }));
    // Connections and TLS sessions made before anything is timed.
    await graphql(stack.gateway.url, '{ indicatorCatalogue { id } }', undefined, planner);
    for (const subgraph of stack.subgraphs) await graphql(subgraph, '{ _service { sdl } }');
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it.each(DEPTHS)(`refuses the fan-out document of depth %i at the gateway with 400 within ${ANSWER_WITHIN_MS} ms (the fastest of ${ATTEMPTS})`, async (depth) => {
    const { answers, ms } = await fastestOf(ATTEMPTS, () => graphql(stack.gateway.url, gatewayFanOut(depth), undefined, planner));
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(expectedCodes(depth));
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0].message).toMatch(/^The operation selects (\d+|more than \d+) fields once its fragments are expanded; at most 500 are allowed$/);
    }
  });

  it.each(DEPTHS)(`refuses the fan-out document of depth %i sent straight to each subgraph (as the gateway) with 400 within ${ANSWER_WITHIN_MS} ms (the fastest of ${ATTEMPTS})`, async (depth) => {
    for (const subgraph of stack.subgraphs) {
      const { answers, ms } = await fastestOf(ATTEMPTS, () => graphql(subgraph, subgraphFanOut(depth), undefined, planner));
      expect({ subgraph: subgraph.name, fast: ms < ANSWER_WITHIN_MS }).toEqual({ subgraph: subgraph.name, fast: true });
      for (const answer of answers) {
        // A subgraph answers the first limit exceeded.
        expect({ subgraph: subgraph.name, status: answer.status, codes: codes(answer) }).toEqual({ subgraph: subgraph.name, status: 400, codes: ['TOO_MANY_FIELDS'] });
        expect(answer.data ?? null).toBeNull();
      }
    }
  });

  it('serves a small fan-out (depth 5, 63 fields) at the gateway and at every subgraph: fragments spread twice are not refused as such', async () => {
    const atGateway = await graphql(stack.gateway.url, gatewayFanOut(5), undefined, planner);
    expect(atGateway.errors).toBeUndefined();
    for (const subgraph of stack.subgraphs) {
      const answer = await graphql(subgraph, subgraphFanOut(5), undefined, planner);
      expect({ subgraph: subgraph.name, errors: answer.errors }).toEqual({ subgraph: subgraph.name, errors: undefined });
    }
  });

  it('refuses 3,000 aliases straight to a subgraph with 400, by the parser token limit, before parsing them', async () => {
    const aliases = Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ');
    for (const subgraph of stack.subgraphs) {
      const answer = await graphql(subgraph, `{ ${aliases} }`);
      expect({ subgraph: subgraph.name, status: answer.status, codes: codes(answer) }).toEqual({ subgraph: subgraph.name, status: 400, codes: ['TOO_MANY_TOKENS'] });
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('refuses 3,000 aliases within the token limit (one fragment of 30, spread 100 times) with TOO_MANY_ALIASES, at the gateway and at every subgraph', async () => {
    const fragment = `fragment A on Query { ${Array.from({ length: 30 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const document = `{ ${'...A '.repeat(100)}} ${fragment}`;
    const atGateway = await graphql(stack.gateway.url, document, undefined, planner);
    expect({ status: atGateway.status, codes: codes(atGateway) }).toEqual({ status: 400, codes: ['TOO_MANY_ALIASES', 'TOO_MANY_FIELDS'] });
    expect(atGateway.errors?.[0].message).toBe('The operation uses 3000 aliases; at most 100 are allowed');
    for (const subgraph of stack.subgraphs) {
      const answer = await graphql(subgraph, document);
      expect({ subgraph: subgraph.name, status: answer.status, codes: codes(answer) }).toEqual({ subgraph: subgraph.name, status: 400, codes: ['TOO_MANY_ALIASES'] });
    }
  });

  /** Documents within MAX_TOKENS, each over exactly one other limit. */
  const OVER_ONE_LIMIT = [
    { code: 'TOO_MANY_ALIASES', document: `{ ${Array.from({ length: DEFAULTS.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }` },
    { code: 'TOO_MANY_DIRECTIVES', document: `{ __typename ${Array.from({ length: DEFAULTS.maxDirectives + 1 }, () => '__typename @skip(if: false)').join(' ')} }` },
  ];

  it.each(OVER_ONE_LIMIT)('refuses a document over one limit with $code, at the gateway and at every subgraph (HTTP 400)', async ({ code, document }) => {
    const atGateway = await graphql(stack.gateway.url, document, undefined, planner);
    expect({ status: atGateway.status, codes: codes(atGateway) }).toEqual({ status: 400, codes: [code] });
    for (const subgraph of stack.subgraphs) {
      const answer = await graphql(subgraph, document);
      expect({ subgraph: subgraph.name, status: answer.status, codes: codes(answer) }).toEqual({ subgraph: subgraph.name, status: 400, codes: [code] });
    }
  });

  it('refuses more root fields than MAX_ROOT_FIELDS with TOO_MANY_ROOT_FIELDS, at the gateway and at every subgraph', async () => {
    const roots = (field: string) => `{ ${Array.from({ length: DEFAULTS.maxRootFields + 1 }, (_, i) => `r${i}: ${field}`).join(' ')} }`;
    const atGateway = await graphql(stack.gateway.url, roots('indicatorCatalogue { id }'), undefined, planner);
    expect({ status: atGateway.status, codes: codes(atGateway) }).toEqual({ status: 400, codes: ['TOO_MANY_ROOT_FIELDS'] });
    for (const subgraph of stack.subgraphs) {
      const answer = await graphql(subgraph, roots('_service { sdl }'));
      expect({ subgraph: subgraph.name, status: answer.status, codes: codes(answer) }).toEqual({ subgraph: subgraph.name, status: 400, codes: ['TOO_MANY_ROOT_FIELDS'] });
    }
  });

  it('refuses nesting deeper than MAX_DEPTH at every subgraph with OPERATION_TOO_DEEP', async () => {
    const within = `{ _entities(representations: [{ __typename: "Area", id: "${NEIGHBOURHOOD.id}" }]) { ... on Area { id } } }`;
    // Depth through the schema is bounded by its types; an unknown field nested deep still counts (validation would name it).
    const tooDeep = `{ ${'a { '.repeat(DEFAULTS.maxDepth + 1)}b${' }'.repeat(DEFAULTS.maxDepth + 1)} }`;
    for (const subgraph of stack.subgraphs) {
      const served = await graphql(subgraph, within);
      expect({ subgraph: subgraph.name, errors: served.errors }).toEqual({ subgraph: subgraph.name, errors: undefined });
      const answer = await graphql(subgraph, tooDeep);
      expect({ subgraph: subgraph.name, status: answer.status, codes: codes(answer) }).toEqual({ subgraph: subgraph.name, status: 400, codes: ['OPERATION_TOO_DEEP'] });
    }
  });

  const QUERIES = path.join(PROJECT_ROOT, 'docs', 'queries');
  it.each(fs.readdirSync(QUERIES).filter((f) => f.endsWith('.graphql')))('still serves %s through the gateway, every subgraph fetch within the same limits', async (file) => {
    const answer = await graphql(stack.gateway.url, fs.readFileSync(path.join(QUERIES, file), 'utf8'), undefined, planner);
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  });
});

describe('the execution budget (EXECUTION_BUDGET_MS)', () => {
  let server: ListeningServer;
  let nestedResolved = 0;
  const BUDGET_MS = 200;

  beforeAll(async () => {
    // A real subgraph server (createSubgraphServer + listen) over a schema whose fields take their time.
    const Slow = new GraphQLObjectType({
      name: 'Slow',
      fields: { nested: { type: GraphQLInt, resolve: () => ++nestedResolved } },
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          quick: { type: GraphQLString, resolve: () => 'quick' },
          sleeps: { type: GraphQLString, resolve: () => new Promise((resolve) => setTimeout(() => resolve('late'), 5_000).unref()) },
          thenNested: { type: Slow, resolve: () => new Promise((resolve) => setTimeout(() => resolve({}), BUDGET_MS + 150).unref()) },
        },
      }),
    });
    const limits = { ...DEFAULTS, executionBudgetMs: BUDGET_MS };
    server = await listen(createSubgraphServer(schema, { operationLimits: limits }), { port: 0, context: () => ({}) as any, executionBudgetMs: BUDGET_MS });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers a request still running at the budget with 503 EXECUTION_BUDGET_EXCEEDED, on time', async () => {
    const { answer, ms } = await timed(() => graphql(server.url, '{ sleeps }'));
    expect(ms).toBeLessThan(BUDGET_MS + 500);
    expect(answer.status).toBe(503);
    expect(answer.errors).toEqual([
      { message: `The request took longer than this subgraph's execution budget of ${BUDGET_MS} ms and was stopped`, extensions: { code: 'EXECUTION_BUDGET_EXCEEDED', budgetMs: BUDGET_MS } },
    ]);
  });

  it('resolves no field of the stopped request after the budget', async () => {
    nestedResolved = 0;
    const answer = await graphql(server.url, '{ thenNested { nested } }');
    expect(answer.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nestedResolved).toBe(0);
  });

  it('serves a request within its budget as usual', async () => {
    const answer = await graphql(server.url, '{ quick }');
    expect(answer).toEqual({ status: 200, data: { quick: 'quick' } });
  });
});
