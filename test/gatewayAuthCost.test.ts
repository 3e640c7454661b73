import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { defaultProtectSingleValidateFn } from '@envelop/generic-auth';
import { createGatewayRuntime, GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { GraphQLError } from 'graphql';
import { Caller, callerPolicies, createTokenVerifier, readAuthConfig } from '@cswb/contract/auth';
import { ErrorCode } from '@cswb/contract/errors';
import { PROJECT_ROOT } from '@cswb/cli';
import { useNullForDeniedFields } from '@cswb/gateway/dist/plugins/useNullForDeniedFields';
import { useSubgraphAssertions } from '@cswb/gateway';
import { gatewayAgent, gatewaySigner } from '@cswb/testing/trust';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken, TEST_JWT_SECRET, TestClaims } from '@cswb/testing/tokens';

/**
 * The gateway enforces `@authenticated`, `@requiresScopes` and `@policy` with its own plugin
 * (requirements read once per schema). Its answers must be exactly those of the runtime's
 * `genericAuth` option (`@envelop/generic-auth`, protect-granular) it replaces: the same data,
 * nulls, errors, messages, codes and paths, for every role, including denied fields inside
 * named and inline fragments, fragments spread twice or defined before the operation, lists,
 * @include/@skip with variables, unions, interfaces and introspection.
 */

const ROLES: Record<string, TestClaims | null> = {
  anonymous: null,
  planner: { scope: 'aggregates:read', agency: 'lakeshore-municipality', purpose: 'planning' },
  planWriter: { scope: 'aggregates:read plans:write', agency: 'lakeshore-municipality', purpose: 'planning' },
  policeAnalyst: { scope: 'aggregates:read records:read:police', agency: 'lakeshore-police', sector: 'police', purpose: 'evaluation' },
  policeAnalystReporting: { scope: 'aggregates:read records:read:police', agency: 'lakeshore-police', sector: 'police', purpose: 'public-reporting' },
  educationAnalyst: { scope: 'aggregates:read records:read:education', agency: 'lakeshore-education', sector: 'education', purpose: 'evaluation' },
  housingAnalyst: { scope: 'aggregates:read records:read:housing', agency: 'lakeshore-housing', sector: 'housing', purpose: 'evaluation' },
  auditor: { scope: 'audit:read', agency: 'lakeshore-municipality', purpose: 'evaluation' },
};

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const CASES: Case[] = [
  { name: 'a protected field in a list, aliased', query: '{ plans { id title author: createdBy } }' },
  {
    name: 'a named fragment spread at two paths',
    query: 'query Two { a: plans { ...P } b: plans { title strategies { id } ...P } } fragment P on Plan { id createdBy }',
  },
  { name: 'a fragment defined before the operation', query: 'fragment P on Plan { id createdBy } query Before { plans { ...P } }' },
  {
    name: 'nested fragments',
    query: 'query Nested { plans { ...Outer } } fragment Outer on Plan { id ...Inner } fragment Inner on Plan { createdBy title }',
  },
  {
    name: 'inline fragments on the root, protected fields only',
    query: '{ ... on Query { occurrences: policeOccurrences(areaId: "lakeshore-n002", from: "2024-01-01", to: "2024-01-31", limit: 2) { __typename } } }',
  },
  {
    name: 'every field denied (the operation is left empty)',
    query: '{ educationSchools(limit: 2) { yearStats(from: 2022, to: 2024) { schoolYear enrolment } } }',
  },
  {
    name: 'deep lists with two protected levels',
    query:
      '{ areas(kind: NEIGHBOURHOOD) { id housing { shelters { shelterCode occupancy(from: "2024-01-01", to: "2024-03-31") { occupiedBedNights } } } } }',
  },
  {
    name: '@include with a variable, false',
    query: 'query Inc($show: Boolean!) { plans { id createdBy @include(if: $show) } }',
    variables: { show: false },
  },
  {
    name: '@include with a variable, true',
    query: 'query Inc($show: Boolean!) { plans { id createdBy @include(if: $show) } }',
    variables: { show: true },
  },
  { name: '@skip with a literal', query: '{ plans { id createdBy @skip(if: true) title } }' },
  {
    name: 'a skipped parent with a protected child',
    query: 'query Skip($hide: Boolean!) { areas(kind: NEIGHBOURHOOD) { id housing @skip(if: $hide) { shelters { name } } } }',
    variables: { hide: true },
  },
  {
    name: 'a union and an interface, with __typename',
    query:
      '{ plans { performanceMeasures { reading { __typename ... on IndicatorReading { measureId } ... on EducationIndicatorReading { progress } } } } }',
  },
  { name: 'introspection next to a protected field', query: '{ __typename __schema { queryType { name } } plans { __typename createdBy } }' },
  {
    name: 'protected fields of several subgraphs at once',
    query:
      '{ shelters: housingShelters { shelterCode } calls: policeCallsForService(areaId: "lakeshore-n002", from: "2024-01-01", to: "2024-01-31", limit: 1) { __typename } ed: educationAuditLog(limit: 1) { __typename } }',
  },
  { name: 'a mutation nobody here may run', query: 'mutation { deletePlan(id: "does-not-exist") }' },
];

/** The gateway as it enforced access rules before: the runtime's genericAuth option. */
function referenceGateway(supergraph: string, subgraphs: { name: string; url: string }[]): GatewayRuntime {
  const verifyToken = createTokenVerifier(readAuthConfig({ JWT_DEV_SECRET: TEST_JWT_SECRET }));
  const requestIds = new WeakMap<Request, string>();
  return createGatewayRuntime({
    supergraph,
    unifiedGraphHandler,
    transports: { http: httpTransport },
    transportEntries: {
      ...Object.fromEntries(subgraphs.map((s) => [s.name, { location: s.url }])),
      '*.http': { options: { deduplicateInflightRequests: false } },
    },
    // The subgraphs answer only the gateway: the same certificate and assertions as ours.
    customAgent: () => gatewayAgent(),
    logging: false,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    genericAuth: {
      mode: 'protect-granular',
      rejectUnauthenticated: false,
      resolveUserFn: async (context) => {
        const caller = await verifyToken(context.request.headers.get('authorization'));
        return caller.anonymous ? null : caller;
      },
      extractScopes: (user) => (user ? [...(user as Caller).scopes] : []),
      extractPolicies: (user) => (user ? callerPolicies(user as Caller) : []),
      validateUser: (params) => {
        const denied = defaultProtectSingleValidateFn(params);
        if (!denied) return undefined;
        return new GraphQLError(denied.message, {
          nodes: params.fieldNode,
          path: params.path.filter((key) => key !== '@'),
          extensions: { code: ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE },
        });
      },
    },
    plugins: () => [
      useNullForDeniedFields(),
      useSubgraphAssertions(gatewaySigner(), {
        callerOf: (request) => verifyToken(request.headers.get('authorization')),
        requestIdOf: (request) => requestIds.get(request) ?? (requestIds.set(request, randomUUID()), requestIds.get(request)!),
        actorOf: () => null,
      }),
    ],
  });
}

async function post(url: string, body: object, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

let stack: TestStack;
let reference: { url: string; close(): Promise<void> };
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  stack = await startTestStack('authcost');
  const supergraph = fs.readFileSync(path.join(PROJECT_ROOT, 'gateway', 'generated', 'supergraph.graphql'), 'utf8');
  const runtime = referenceGateway(supergraph, stack.gateway.subgraphs);
  const server = http.createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  reference = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    },
  };
  for (const [role, claims] of Object.entries(ROLES)) headers[role] = claims ? bearer(await signToken({ sub: `authcost-${role}`, ...claims })) : {};
});
afterAll(async () => {
  await reference?.close();
  await stack?.stop();
});

describe('access rules at the gateway answer as generic-auth did', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      for (const role of Object.keys(ROLES)) {
        const body = { query: c.query, variables: c.variables };
        // Audit logs grow with every read: read once first, so that both answers see the same entries.
        await post(stack.gateway.url, body, headers[role]);
        const expected = await post(reference.url, body, headers[role]);
        const actual = await post(stack.gateway.url, body, headers[role]);
        expect({ role, ...actual }).toEqual({ role, ...expected });
      }
    });
  }

  it('never applies a decision remembered for one access, operation or variables to another', async () => {
    // A document the gateway found denying nothing is not walked again for the same operation,
    // access and variables: asked first by the most entitled roles, then by the least, every
    // answer is still generic-auth's.
    for (const c of CASES) {
      for (const role of Object.keys(ROLES).reverse()) {
        const body = { query: c.query, variables: c.variables };
        await post(stack.gateway.url, body, headers[role]);
        const expected = await post(reference.url, body, headers[role]);
        const actual = await post(stack.gateway.url, body, headers[role]);
        expect({ case: c.name, role, ...actual }).toEqual({ case: c.name, role, ...expected });
      }
    }
    // One document, two operations: each operation name decided (and answered) as generic-auth does.
    const twoOperations = 'query Open { plans { id } } query Closed { plans { id createdBy } }';
    for (const operationName of ['Open', 'Closed', 'Open']) {
      for (const role of ['auditor', 'planner', 'anonymous']) {
        const body = { query: twoOperations, operationName };
        await post(stack.gateway.url, body, headers[role]);
        const expected = await post(reference.url, body, headers[role]);
        expect({ operationName, role, ...(await post(stack.gateway.url, body, headers[role])) }).toEqual({ operationName, role, ...expected });
      }
    }
  });

  it('reports a denied field inside a fragment at its response path, null in the data', async () => {
    const response = await post(stack.gateway.url, { query: CASES[1].query }, headers.planner);
    expect(response.status).toBe(200);
    const denied = response.body.errors.filter((e: any) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');
    expect(denied).toEqual([expect.objectContaining({ message: 'Unauthorized field or type', path: ['b', 'createdBy'] })]);
    expect(response.body.data.b.length).toBeGreaterThan(0);
    for (const plan of response.body.data.b) expect(plan.createdBy).toBeNull();
  });

  it('does not report a protected field left out by @include(if: $var)', async () => {
    const response = await post(stack.gateway.url, { query: CASES[7].query, variables: { show: false } }, headers.planner);
    expect(response.body.errors).toBeUndefined();
    const shown = await post(stack.gateway.url, { query: CASES[7].query, variables: { show: true } }, headers.planner);
    expect(shown.body.errors.map((e: any) => [e.extensions?.code, e.path])).toEqual([['UNAUTHORIZED_FIELD_OR_TYPE', ['plans', 'createdBy']]]);
  });

  it('refuses a token that does not verify with 401, as before', async () => {
    const forged = bearer(await signToken({ scope: 'audit:read' }, 'another-secret-that-is-at-least-32-characters'));
    const expected = await post(reference.url, { query: '{ plans { id } }' }, forged);
    const actual = await post(stack.gateway.url, { query: '{ plans { id } }' }, forged);
    expect(actual.status).toBe(401);
    expect(actual).toEqual(expected);
  });
});
